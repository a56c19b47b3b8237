/**
 * Practice questions for a job (issue 16): asks POST /api/v1/question-sets for an interview (its
 * missed competencies first, then follow-ups to weak answers) or for a pasted job description, and
 * lists each question with its kind and the competency it aims at. Live practice comes next.
 */
import { createSignal, For, Show } from 'solid-js';
import type { QuestionSet, SetQuestion } from '../lib/types';
import { requestQuestionSet } from '../stores/jobs';
import { KIND_LABEL } from './Answers';

const REASON: Record<SetQuestion['reason'], string> = { missed: 'missed in this interview', partial: 'only partly shown', job: 'asked for by the job', follow_up: 'follow-up', general: 'asked in most interviews' };

export function QuestionSetList(props: { set: QuestionSet }) {
  const names = () => Object.fromEntries(props.set.competencies.map((c) => [c.id, c.name]));
  return (
    <>
      <ol class="question-set" data-testid="question-set">
        <For each={props.set.questions}>{(q) => (
          <li data-question={q.id}>
            <p>{q.text}</p>
            <p class="q-meta">
              <span class="pill q-kind">{KIND_LABEL[q.kind]}</span>
              <span>Competency: <strong>{names()[q.competency] ?? q.competency}</strong></span>
              <span class={`muted reason-${q.reason}`}>{q.reason === 'follow_up' && q.answer !== undefined ? `follow-up to your answer Q${q.answer + 1}` : REASON[q.reason]}</span>
            </p>
          </li>
        )}</For>
      </ol>
      <Show when={props.set.notes?.length}><ul class="muted job-notes"><For each={props.set.notes}>{(n) => <li>{n}</li>}</For></ul></Show>
      <p class="muted hint">Practise questions like these out loud, with live captions and nudges: <a href="/practice">Live practice</a>.</p>
    </>
  );
}

export function QuestionSetPanel(props: { interviewId?: string; jobDescription?: () => string; heading?: string }) {
  const [set, setSet] = createSignal<QuestionSet>();
  const [count, setCount] = createSignal(8);
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal('');
  const ask = async () => {
    setBusy(true);
    setError('');
    try {
      const jd = props.jobDescription?.().trim();
      if (!props.interviewId && !jd) throw new Error('Paste a job description first.');
      setSet(await requestQuestionSet({ ...(props.interviewId && { interviewId: props.interviewId }), ...(jd && { jobDescription: jd }), count: count() }));
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="card no-print" aria-labelledby="h-qset" data-testid="question-set-panel">
      <h2 id="h-qset">{props.heading ?? 'Practice questions for this job'}</h2>
      <p class="muted">{props.interviewId
        ? 'Chosen to cover the job’s competencies, the ones this interview missed first, plus follow-ups to answers that lacked your own action or a result.'
        : 'Chosen to cover the competencies the job asks for.'}</p>
      <div class="qset-controls">
        <label for="qset-count">Questions</label>
        <select id="qset-count" value={count()} onChange={(e) => setCount(Number(e.currentTarget.value))}>
          <For each={[5, 8, 10, 15, 20]}>{(n) => <option value={n}>{n}</option>}</For>
        </select>
        <button class="btn" type="button" disabled={busy()} onClick={() => void ask()}>{busy() ? 'Choosing…' : set() ? 'Choose again' : 'Suggest questions'}</button>
      </div>
      <Show when={error()}><p class="error" role="alert">{error()}</p></Show>
      <div aria-live="polite"><Show when={set()}>{(s) => <QuestionSetList set={s()} />}</Show></div>
    </section>
  );
}
