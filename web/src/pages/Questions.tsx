/** Practice questions for a job posting, without an interview (issue 16): paste one or pick a saved job. */
import { createResource, createSignal, For, Show } from 'solid-js';
import { JobDescriptionField, jobDescriptionProblem } from '../components/JobDescriptionField';
import { QuestionSetPanel } from '../components/QuestionSetPanel';
import { listJobs } from '../stores/jobs';

export default function Questions() {
  const [jobs] = createResource(() => listJobs().catch(() => []));
  const [jd, setJd] = createSignal('');
  return (
    <div class="page narrow">
      <h1>Practice questions</h1>
      <p class="muted">Questions chosen to cover the competencies a job asks for. For questions aimed at what one of your interviews missed, open that interview's report.</p>
      <section class="card form" aria-label="The job">
        <Show when={jobs()?.length}>
          <label for="q-saved-job">Saved jobs</label>
          <select id="q-saved-job" onChange={(e) => { const j = jobs()?.find((x) => x.id === e.currentTarget.value); if (j) setJd(j.jobDescription); }}>
            <option value="">Choose a saved job…</option>
            <For each={jobs()}>{(j) => <option value={j.id}>{j.title}{j.company ? ` · ${j.company}` : ''}</option>}</For>
          </select>
        </Show>
        <JobDescriptionField id="q-jd" value={jd()} onInput={setJd} rows={8} hint="paste the posting" />
      </section>
      <Show when={jd().trim() && !jobDescriptionProblem(jd())}>
        <QuestionSetPanel jobDescription={jd} heading="Questions for this job" />
      </Show>
    </div>
  );
}
