import { For } from 'solid-js';
import { STATUS_LABEL, stepOf } from '../lib/format';

const STEPS = ['Upload', 'Transcribe', 'Analyse', 'Report'];

/** The lifecycle as four steps; the current one is announced to screen readers. */
const STAGE_STEP: Record<string, number> = { upload: 0, transcription: 1, analysis: 2 };

export function Stepper(props: { status: string; progress: number; stage?: string }) {
  // A failure shows on the step of the stage that failed.
  const current = () => (props.status === 'failed' ? STAGE_STEP[props.stage ?? ''] ?? 0 : stepOf(props.status));
  const failed = () => props.status === 'failed';
  const done = () => props.status === 'completed';
  return (
    <div class="stepper-wrap">
      <ol class="stepper" aria-label="Analysis progress">
        <For each={STEPS}>{(label, i) => {
          const state = () => (done() || i() < current() ? 'done' : i() === current() ? (failed() ? 'failed' : 'active') : 'todo');
          return (
            <li class={`step ${state()}`} aria-current={state() === 'active' ? 'step' : undefined}>
              <span class="step-dot" aria-hidden="true">{state() === 'done' ? '✓' : state() === 'failed' ? '!' : i() + 1}</span>
              <span class="step-label">{label}</span>
            </li>
          );
        }}</For>
      </ol>
      <div class="bar" role="progressbar" aria-label="Overall progress" aria-valuemin="0" aria-valuemax="100" aria-valuenow={Math.round(props.progress * 100)}>
        <span style={{ width: `${Math.round(props.progress * 100)}%` }} />
      </div>
      <p class="muted" data-testid="status" data-status={props.status} aria-live="polite">{STATUS_LABEL[props.status] ?? props.status} · {Math.round(props.progress * 100)}% of the whole analysis</p>
    </div>
  );
}
