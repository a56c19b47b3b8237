/** The readiness score (report v3): the number, its likely range, what moved it most and how far to trust it. */
import { For, Show } from 'solid-js';
import { percent } from '../lib/format';
import type { Readiness } from '../lib/types';

type Driver = Readiness['drivers'][number];

/** A driver as a person reads it: the feature and the user's value, without model jargon. */
export function driverPhrase(d: Driver): string {
  switch (d.metric) {
    case 'wpm': return `Your pace of ${Math.round(d.value)} words a minute`;
    case 'fillerRatio': return `Fillers at ${percent(d.value, 1)} of your words`;
    case 'uniqueWordsLog': return `A vocabulary of ${Math.round(Math.expm1(d.value))} different words`;
    case 'talkShare': return `Your ${percent(d.value)} share of the words spoken`;
    default: return `${d.label}: ${Math.round(d.value * 100) / 100}`;
  }
}

/** Signed score points with a real minus sign: "+4.1", "−2.3", "±0". */
export function signedPoints(effect: number): string {
  const v = Math.round(effect * 10) / 10;
  if (v === 0) return '±0';
  return `${v > 0 ? '+' : '−'}${Math.abs(v).toFixed(1)}`;
}

export function ReadinessView(props: { readiness: Readiness }) {
  const r = () => props.readiness;
  const lo = () => Math.round(r().interval[0]);
  const hi = () => Math.round(r().interval[1]);
  return (
    <section class="card readiness" aria-labelledby="h-readiness" data-testid="readiness">
      <h2 id="h-readiness">Readiness</h2>
      <p class="readiness-score">
        <strong data-testid="readiness-score">{Math.round(r().score)}</strong> <span class="muted">/ 100</span>
        <span class="readiness-interval" data-testid="readiness-interval">likely {lo()}–{hi()}</span>
      </p>
      <Show when={r().drivers.length}>
        <h3>What moved it most</h3>
        <ul class="drivers">
          <For each={r().drivers.slice(0, 3)}>{(d) => (
            <li data-metric={d.metric}>
              <span>{driverPhrase(d)}</span>{' '}
              <strong class={d.effect > 0 ? 'effect-up' : d.effect < 0 ? 'effect-down' : 'effect-none'}>{signedPoints(d.effect)} points</strong>
            </li>
          )}</For>
        </ul>
      </Show>
      <p class="muted" data-testid="readiness-statement">{r().statement}</p>
      <Show when={r().model.variant === 'untimed'}>
        <p class="muted" data-testid="readiness-untimed">Scored with the untimed model: the transcript had no times, so pace is not part of this score.</p>
      </Show>
    </section>
  );
}
