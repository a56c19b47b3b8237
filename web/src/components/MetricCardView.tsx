import { Show } from 'solid-js';
import { formatMetric, formatRange } from '../lib/format';
import type { MetricCard } from '../lib/types';

const VERDICT: Record<MetricCard['verdict'], string> = { ok: 'On target', low: 'Below range', high: 'Above range', info: 'For information' };

/** "Rated interviews: r = +0.48 (n = 70)", with a real minus sign for negative r. */
export function evidenceNote(e: NonNullable<MetricCard['evidence']>): string {
  const r = `${e.r > 0 ? '+' : e.r < 0 ? '−' : ''}${Math.abs(e.r).toFixed(2)}`;
  return `Rated interviews: r = ${r} (n = ${e.n})`;
}

export function MetricCardView(props: { card: MetricCard }) {
  const info = () => props.card.verdict === 'info';
  return (
    <article class={`metric verdict-${props.card.verdict}`} data-metric={props.card.id} data-value={props.card.value}>
      <header>
        <h4>{props.card.label}</h4>
        <span class="pill">{VERDICT[props.card.verdict] ?? props.card.verdict}</span>
      </header>
      <p class="metric-value">{formatMetric(props.card.value, props.card.unit)}</p>
      <p class="metric-range">{info() ? 'Typical range' : 'Target'} {formatRange(props.card)}</p>
      <p class="metric-advice">{props.card.advice}</p>
      <Show when={props.card.evidence}>
        {(e) => <p class="metric-evidence muted" title={e().data} data-testid="evidence">{evidenceNote(e())}</p>}
      </Show>
      <details>
        <summary>How it's measured</summary>
        <p>{props.card.definition}</p>
        <p class="muted">Source: {props.card.range.source}</p>
        <Show when={props.card.evidence}>{(e) => <p class="muted">Evidence: {e().data}</p>}</Show>
      </details>
    </article>
  );
}
