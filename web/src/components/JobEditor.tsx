/**
 * The interview's job description on the interview page (issue 16): shown, added, edited or removed
 * with PATCH. On a finished interview the API re-runs the analysis at once with the new text (the
 * transcript is kept, never re-transcribed), so the form says so before saving.
 */
import { createSignal, Show } from 'solid-js';
import type { InterviewDetail } from '../lib/types';
import { updateInterview } from '../stores/interviews';
import { JobDescriptionField, jobDescriptionProblem } from './JobDescriptionField';

export function JobEditor(props: { interview: InterviewDetail }) {
  const [editing, setEditing] = createSignal(false);
  const [text, setText] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const [note, setNote] = createSignal<{ ok: boolean; text: string }>();
  const current = () => props.interview.jobDescription ?? '';
  const finished = () => props.interview.status === 'completed' || props.interview.status === 'failed';
  const changed = () => text().trim() !== current().trim();

  const open = () => { setText(current()); setNote(undefined); setEditing(true); };
  const save = async (value: string) => {
    const problem = jobDescriptionProblem(value);
    if (problem) return setNote({ ok: false, text: problem });
    setBusy(true);
    setNote(undefined);
    try {
      const wasFinished = finished();
      await updateInterview(props.interview.id, { jobDescription: value.trim() });
      setEditing(false);
      setNote({ ok: true, text: value.trim()
        ? wasFinished ? 'Job description saved. The interview is being analysed again against it; the report updates by itself.' : 'Job description saved. The analysis will use it.'
        : wasFinished ? 'Job description removed. The interview is being analysed again without it.' : 'Job description removed.' });
    } catch (err) {
      setNote({ ok: false, text: (err as Error).message });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card no-print job-editor" aria-labelledby="h-jd">
      <div class="section-head">
        <h2 id="h-jd">Job description</h2>
        <Show when={!editing()}>
          <button class="btn small" type="button" disabled={props.interview.status === 'analyzing'} onClick={open}>{current() ? 'Edit' : 'Add'}</button>
        </Show>
      </div>
      <Show when={!editing()}>
        <Show when={current()} fallback={<p class="muted">None yet. Add the job posting to see which of its competencies your answers showed, and to get practice questions for it.</p>}>
          <details class="jd-preview"><summary>{current().slice(0, 140)}{current().length > 140 ? '…' : ''}</summary><p class="jd-text">{current()}</p></details>
        </Show>
      </Show>
      <Show when={editing()}>
        <form class="form" onSubmit={(e) => { e.preventDefault(); void save(text()); }}>
          <JobDescriptionField id="jd-edit" value={text()} onInput={setText} rows={8} />
          <Show when={finished() && changed()}>
            <p class="notice reanalyse" data-testid="reanalyse-offer">Saving re-analyses this interview against the {text().trim() ? 'new job description' : 'interview without a job description'}. Your transcript is kept; only the report is made again (about a minute).</p>
          </Show>
          <div class="actions">
            <Show when={current() && text()}><button class="btn ghost danger" type="button" disabled={busy()} onClick={() => setText('')}>Clear</button></Show>
            <button class="btn ghost" type="button" onClick={() => setEditing(false)}>Cancel</button>
            <button class="btn primary" type="submit" disabled={busy() || !changed() || !!jobDescriptionProblem(text())}>{busy() ? 'Saving…' : finished() ? 'Save and re-analyse' : 'Save'}</button>
          </div>
        </form>
      </Show>
      <div aria-live="polite"><Show when={note()}>{(n) => <p class={n().ok ? 'success' : 'error'} role={n().ok ? 'status' : 'alert'}>{n().text}</p>}</Show></div>
    </section>
  );
}
