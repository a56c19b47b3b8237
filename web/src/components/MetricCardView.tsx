import { formatMetric, formatRange } from '../lib/format';
import type { MetricCard } from '../lib/types';

const VERDICT = { ok: 'On target', low: 'Below range', high: 'Above range' } as const;

export function MetricCardView(props: { card: MetricCard }) {
  return (
    <article class={`metric verdict-${props.card.verdict}`} data-metric={props.card.id} data-value={props.card.value}>
      <header>
        <h4>{props.card.label}</h4>
        <span class="pill">{VERDICT[props.card.verdict]}</span>
      </header>
      <p class="metric-value">{formatMetric(props.card.value, props.card.unit)}</p>
      <p class="metric-range">Target {formatRange(props.card)}</p>
      <p class="metric-advice">{props.card.advice}</p>
      <details>
        <summary>How it's measured</summary>
        <p>{props.card.definition}</p>
        <p class="muted">Source: {props.card.range.source}</p>
      </details>
    </article>
  );
}
