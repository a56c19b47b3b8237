import { For, Show } from 'solid-js';
import { formatDuration } from '../lib/format';
import type { Answer } from '../lib/types';

const PARTS = ['situation', 'task', 'action', 'result'] as const;

export const KIND_LABEL: Record<Answer['kind'], string> = {
  introduction: 'Introduction',
  behavioural: 'Behavioural',
  strengths_weaknesses: 'Strengths & weaknesses',
  motivation: 'Motivation',
  technical: 'Technical / factual',
  candidate_questions: 'Your questions',
};

const VERDICT: Record<NonNullable<Answer['length']>['verdict'], string> = { ok: 'good length', short: 'too short', long: 'too long' };

export function Answers(props: { answers: Answer[] }) {
  return (
    <Show when={props.answers.length} fallback={<p class="muted">No interviewer questions were detected, so there is no Q&A breakdown.</p>}>
      <p class="muted" data-testid="star-note">STAR parts (situation, task, action, result) are shown as evidence, quoted from your answer. They are not scored: in rated interviews they did not predict the rating.</p>
      <ol class="answers">
        <For each={props.answers}>{(a) => (
          <li class="answer card">
            <h4>{a.question || 'Opening'}</h4>
            <div class="answer-meta">
              <span class="muted" data-testid="answer-kind">{KIND_LABEL[a.kind]}</span>
              {/* Untimed transcripts (and the candidate's own questions) carry no duration or length verdict. */}
              <Show when={a.length} fallback={<Show when={a.durationSec !== undefined}><span class="muted">{formatDuration(a.durationSec)}</span></Show>}>
                {(len) => (
                  <>
                    <span class={`pill len-${len().verdict}`}>{formatDuration(a.durationSec)} · {VERDICT[len().verdict]}</span>
                    <span class="muted">aim for {len().recommendedSec[0]}–{len().recommendedSec[1]} s</span>
                  </>
                )}
              </Show>
            </div>
            {/* STAR is evidence, not a grade: it did not predict rated interviews (README "Judgement"). */}
            <Show when={a.starExpected || PARTS.some((p) => a.star[p].present)}>
              <ul class="star" aria-label="STAR parts heard, as evidence">
                <For each={PARTS}>{(p) => (
                  <li class={a.star[p].present ? 'star-on' : 'star-off'}>
                    <span class="star-badge" title={a.star[p].present ? `${p}: heard` : `${p}: not heard`}>{p[0]!.toUpperCase()}</span>
                    <span class="sr-only">{p} {a.star[p].present ? 'heard' : 'not heard'}</span>
                    <Show when={a.star[p].evidence} fallback={<span class="muted">{p}: not heard</span>}><q>{a.star[p].evidence}</q></Show>
                  </li>
                )}</For>
              </ul>
            </Show>
            <p class="tip"><strong>Improve:</strong> {a.tip}</p>
          </li>
        )}</For>
      </ol>
    </Show>
  );
}
