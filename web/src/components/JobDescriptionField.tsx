/**
 * The "Job description" textarea (issue 16): a live character count against the API's limit and a
 * clear message past it. No `maxlength`: a long paste is kept whole and explained, never cut silently.
 */
import { Show, type JSX } from 'solid-js';
import { JOB_DESCRIPTION_MAX_CHARS } from '../../../services/contract/limits';

/** The API's limit (services/contract/limits.ts, zod-free); longer gets 413 job_description_too_large. */
export const JOB_DESCRIPTION_MAX = JOB_DESCRIPTION_MAX_CHARS;

const n = (x: number) => x.toLocaleString('en');

/** The message shown for a text past the limit, or undefined when it fits. */
export function jobDescriptionProblem(text: string): string | undefined {
  return text.length > JOB_DESCRIPTION_MAX
    ? `The job description has ${n(text.length)} characters; the limit is ${n(JOB_DESCRIPTION_MAX)}. Paste only the role's description, responsibilities and requirements (leave out the benefits and the "about us").`
    : undefined;
}

export function JobDescriptionField(props: { id: string; value: string; onInput: (v: string) => void; rows?: number; hint?: string; children?: JSX.Element }) {
  const problem = () => jobDescriptionProblem(props.value);
  return (
    <div class="jd-field">
      <label for={props.id}>Job description <span class="muted">({props.hint ?? 'optional: paste the posting; the report then says which of its competencies your answers showed'})</span></label>
      <textarea id={props.id} name="jobDescription" rows={props.rows ?? 6} value={props.value} aria-invalid={problem() ? 'true' : undefined}
        aria-describedby={`${props.id}-count${problem() ? ` ${props.id}-limit` : ''}`} onInput={(e) => props.onInput(e.currentTarget.value)}
        placeholder={'About the role…\nResponsibilities: build data pipelines, mentor junior engineers…\nRequirements: Python, SQL, stakeholder communication…'} />
      <div class="jd-meta">
        <span id={`${props.id}-count`} class={problem() ? 'jd-count over' : 'jd-count muted'} data-testid="jd-count">{n(props.value.length)} / {n(JOB_DESCRIPTION_MAX)} characters</span>
        {props.children}
      </div>
      <Show when={problem()}>{(p) => <p id={`${props.id}-limit`} class="error" role="alert" data-testid="jd-limit">{p()}</p>}</Show>
    </div>
  );
}
