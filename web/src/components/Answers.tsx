import { For, Show } from 'solid-js';
import { formatDuration } from '../lib/format';
import type { Answer } from '../lib/types';

const PARTS = ['situation', 'task', 'action', 'result'] as const;

export function Answers(props: { answers: Answer[] }) {
  return (
    <Show when={props.answers.length} fallback={<p class="muted">No interviewer questions were detected, so there is no Q&A breakdown.</p>}>
      <ol class="answers">
        <For each={props.answers}>{(a) => (
          <li class="answer card">
            <h4>{a.question || 'Opening'}</h4>
            <div class="answer-meta">
              <span class={`pill len-${a.length.verdict}`}>{formatDuration(a.durationSec)} · {a.length.verdict === 'ok' ? 'good length' : a.length.verdict === 'short' ? 'too short' : 'too long'}</span>
              <span class="muted">aim for {a.length.recommendedSec[0]}–{a.length.recommendedSec[1]} s</span>
            </div>
            <ul class="star" aria-label="STAR structure">
              <For each={PARTS}>{(p) => (
                <li class={a.star[p].present ? 'star-on' : 'star-off'}>
                  <span class="star-badge" title={a.star[p].present ? 'present' : 'missing'}>{p[0]!.toUpperCase()}</span>
                  <span class="sr-only">{p} {a.star[p].present ? 'present' : 'missing'}</span>
                  <Show when={a.star[p].evidence}><q>{a.star[p].evidence}</q></Show>
                </li>
              )}</For>
            </ul>
            <p class="tip"><strong>Improve:</strong> {a.tip}</p>
          </li>
        )}</For>
      </ol>
    </Show>
  );
}
