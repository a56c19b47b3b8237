/**
 * The report's job section (issue 16): overall coverage, and a competency × answer matrix. Each
 * status is written out (symbol + word, never colour alone), the candidate's evidence is quoted
 * verbatim below the status (and on hover in the answer cells), and each competency keeps the
 * sentence of the posting it came from.
 */
import { For, Show } from 'solid-js';
import { percent } from '../lib/format';
import type { Answer, JobCompetency, JobSection } from '../lib/types';

const SYMBOL: Record<JobCompetency['status'], string> = { covered: '✓', partial: '◐', missed: '✗' };
const KIND: Record<JobCompetency['kind'], string> = { skill: 'skill', responsibility: 'responsibility', behaviour: 'behaviour' };

export function JobCoverage(props: { job: JobSection; answers: Answer[] }) {
  const count = (s: JobCompetency['status']) => props.job.competencies.filter((c) => c.status === s).length;
  // The candidate's own questions are never evidence: their columns would always be empty.
  const columns = () => props.answers.map((a, i) => ({ a, i })).filter((x) => x.a.kind !== 'candidate_questions');
  return (
    <section aria-labelledby="h-job" class="card job-coverage" data-testid="job-coverage">
      <h2 id="h-job">Job coverage</h2>
      <Show when={props.job.competencies.length} fallback={<p class="muted">No competency was recognised in the job description, so the answers were not matched against it.</p>}>
        <div class="coverage-head">
          <p class="coverage-score"><strong data-testid="job-coverage-value">{percent(props.job.coverage)}</strong> <span class="muted">of the job's competencies shown</span></p>
          <p class="muted" data-testid="job-coverage-counts">{count('covered')} covered · {count('partial')} partial · {count('missed')} missed. A partial counts half: a team's deed ("we fixed it"), a claim ("I'm a leader") or a role, without your own action.</p>
        </div>
        <p class="legend-inline muted" aria-hidden="true">✓ covered · ◐ partial · ✗ missed · – not in this answer</p>
        <div class="table-scroll">
          <table class="table matrix">
            <caption class="sr-only">The job's competencies (rows) against your answers (columns), with the quote that shows each</caption>
            <thead>
              <tr>
                <th scope="col">Competency</th>
                <th scope="col">Status</th>
                <For each={columns()}>{(c) => <th scope="col" class="num"><abbr title={c.a.question || 'Opening'}>Q{c.i + 1}</abbr><span class="sr-only">: {c.a.question || 'Opening'}</span></th>}</For>
              </tr>
            </thead>
            <tbody>
              <For each={props.job.competencies}>{(comp) => (
                <tr class={`cov-${comp.status}`} data-competency={comp.id}>
                  <th scope="row">
                    <span class="comp-name">{comp.name}</span> <span class="muted comp-kind">{KIND[comp.kind]}</span>
                    <span class="comp-source">From the posting: <q>{comp.source}</q></span>
                  </th>
                  <td>
                    <span class={`pill p-${comp.status}`}><span aria-hidden="true">{SYMBOL[comp.status]} </span>{comp.status}</span>
                    <Show when={comp.evidence} fallback={<Show when={comp.status === 'missed'}><span class="comp-evidence muted">Not shown in any answer</span></Show>}>
                      {(q) => <q class="comp-evidence" data-testid="evidence">{q()}</q>}
                    </Show>
                  </td>
                  <For each={columns()}>{(c) => {
                    const shown = () => comp.status !== 'missed' && (comp.answers ?? []).includes(c.i);
                    return (
                      <td class={shown() ? `num cell-${comp.status}` : 'num cell-none'} title={shown() && comp.evidence ? `“${comp.evidence}”` : undefined}>
                        <span aria-hidden="true">{shown() ? SYMBOL[comp.status] : '–'}</span>
                        <span class="sr-only">{shown() ? comp.status : 'not shown'}</span>
                      </td>
                    );
                  }}</For>
                </tr>
              )}</For>
            </tbody>
          </table>
        </div>
      </Show>
      <Show when={props.job.notes?.length}><ul class="muted job-notes"><For each={props.job.notes}>{(n) => <li>{n}</li>}</For></ul></Show>
    </section>
  );
}
