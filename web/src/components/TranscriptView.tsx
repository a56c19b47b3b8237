import { For, Show } from 'solid-js';
import { formatClock } from '../lib/format';
import type { Turn } from '../lib/transcript';

export function TranscriptView(props: { turns: Turn[]; candidate?: string; names: Record<string, string>; /** False for a transcript without times: its word times are nominal, so no clock. */ timed?: boolean }) {
  return (
    <div class="transcript" data-testid="transcript">
      <For each={props.turns}>{(turn) => (
        <div class={`turn ${turn.speaker === props.candidate ? 'you' : ''}`}>
          <div class="turn-meta">
            <span class="speaker">{props.names[turn.speaker] ?? turn.speaker}{turn.speaker === props.candidate ? ' (you)' : ''}</span>
            <Show when={props.timed !== false}><time>{formatClock(turn.start)}</time></Show>
          </div>
          <p>
            <For each={turn.words}>{(w) => (
              <>{w.mark ? <mark class={w.mark} title={w.mark}>{w.text}</mark> : w.text}{' '}</>
            )}</For>
          </p>
        </div>
      )}</For>
    </div>
  );
}
