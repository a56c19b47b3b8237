/**
 * The question set a live practice session uses (issue 17): the general set, or one chosen for a job
 * (a saved job or a pasted posting → POST /api/v1/question-sets, as on the Questions page).
 */
import { createEffect, createResource, createSignal, For, Match, Show, Switch } from 'solid-js';
import { api } from '../lib/api';
import type { QuestionSet } from '../lib/types';
import { listJobs, requestQuestionSet } from '../stores/jobs';
import { KIND_LABEL } from './Answers';
import { JobDescriptionField, jobDescriptionProblem } from './JobDescriptionField';

export interface PracticeSet { set: QuestionSet; jobDescription?: string }

const loadGeneral = () => api<QuestionSet>('GET', '/question-sets/general');

export function PracticeSetPicker(props: { onPick: (s: PracticeSet | undefined) => void }) {
  const [source, setSource] = createSignal<'general' | 'job'>('general');
  const [general] = createResource(() => source() === 'general' || undefined, loadGeneral);
  const [jobs] = createResource(() => source() === 'job' || undefined, () => listJobs().catch(() => []));
  const [jd, setJd] = createSignal('');
  const [count, setCount] = createSignal(5);
  const [jobSet, setJobSet] = createSignal<PracticeSet>();
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal('');
  // Read only once ready: a pending read would suspend the page, an errored one would throw.
  const generalSet = () => (general.state === 'ready' ? general() : undefined);
  const chosen = (): PracticeSet | undefined => {
    if (source() === 'job') return jobSet();
    const set = generalSet();
    return set && { set };
  };
  createEffect(() => props.onPick(chosen()));

  const suggest = async () => {
    setBusy(true);
    setError('');
    try {
      const text = jd().trim();
      const set = await requestQuestionSet({ jobDescription: text, count: count() });
      setJobSet({ set, jobDescription: text });
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="card form" aria-labelledby="h-practice-set">
      <h2 id="h-practice-set">Questions</h2>
      <fieldset class="choice">
        <legend class="sr-only">Which questions</legend>
        <label><input type="radio" name="practice-source" value="general" checked={source() === 'general'} onChange={() => setSource('general')} /> General interview questions</label>
        <label><input type="radio" name="practice-source" value="job" checked={source() === 'job'} onChange={() => setSource('job')} /> Questions for a job</label>
      </fieldset>
      <Switch>
        <Match when={source() === 'general'}>
          <Show when={!general.error} fallback={<p class="error" role="alert">The general questions could not be loaded: {(general.error as Error).message}</p>}>
            <Show when={generalSet()} fallback={<p class="muted" role="status">Loading questions…</p>}>{(s) => <SetList set={s()} />}</Show>
          </Show>
        </Match>
        <Match when={source() === 'job'}>
          <Show when={jobs()?.length}>
            <label for="p-saved-job">Saved jobs</label>
            <select id="p-saved-job" onChange={(e) => { const j = jobs()?.find((x) => x.id === e.currentTarget.value); if (j) setJd(j.jobDescription); }}>
              <option value="">Choose a saved job…</option>
              <For each={jobs()}>{(j) => <option value={j.id}>{j.title}{j.company ? ` · ${j.company}` : ''}</option>}</For>
            </select>
          </Show>
          <JobDescriptionField id="p-jd" value={jd()} onInput={(v) => { setJd(v); setJobSet(undefined); }} rows={6} hint="paste the posting" />
          <div class="qset-controls">
            <label for="p-count">Questions</label>
            <select id="p-count" value={count()} onChange={(e) => setCount(Number(e.currentTarget.value))}>
              <For each={[3, 5, 8, 10]}>{(n) => <option value={n}>{n}</option>}</For>
            </select>
            <button class="btn" type="button" disabled={busy() || !jd().trim() || !!jobDescriptionProblem(jd())} onClick={() => void suggest()}>
              {busy() ? 'Choosing…' : jobSet() ? 'Choose again' : 'Suggest questions'}
            </button>
          </div>
          <Show when={error()}><p class="error" role="alert">{error()}</p></Show>
          <Show when={jobSet()}>{(s) => <SetList set={s().set} />}</Show>
        </Match>
      </Switch>
    </section>
  );
}

function SetList(props: { set: QuestionSet }) {
  return (
    <ol class="question-set compact" data-testid="practice-set">
      <For each={props.set.questions}>{(q) => <li><p>{q.text} <span class="pill q-kind">{KIND_LABEL[q.kind]}</span></p></li>}</For>
    </ol>
  );
}
