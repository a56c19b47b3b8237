import { A } from '@solidjs/router';
import { createResource, For, Show } from 'solid-js';
import { Sparkline } from '../components/Charts';
import { percent } from '../lib/format';
import { getTrends } from '../stores/account';

// What each trend means follows the evidence from rated interviews (README "Judgement").
const METRICS: { key: string; label: string; fmt: (v: number) => string; better: string }[] = [
  { key: 'readiness', label: 'Readiness', fmt: (v) => `${Math.round(v)} / 100`, better: 'higher is better' },
  { key: 'wpm', label: 'Pace', fmt: (v) => `${Math.round(v)} wpm`, better: 'below 130 is slow; brisk is rated well' },
  { key: 'fillerRatio', label: 'Fillers (share of words)', fmt: (v) => percent(v), better: 'lower is better' },
  { key: 'talkRatio', label: 'Talk ratio', fmt: (v) => percent(v), better: 'most of the talking' },
  { key: 'vocabularyMattr', label: 'Vocabulary richness', fmt: (v) => v.toFixed(2), better: 'higher is richer' },
  { key: 'starCoverage', label: 'STAR parts heard', fmt: (v) => percent(v), better: 'evidence, not scored' },
  { key: 'hedgesPerMinute', label: 'Hedges per minute', fmt: (v) => v.toFixed(1), better: 'for information' },
];

export default function Trends() {
  const [trends] = createResource(getTrends);
  return (
    <div class="page">
      <h1>Trends</h1>
      <p class="muted">How your delivery changes across completed interviews, oldest to newest.</p>
      <Show when={trends()} fallback={<Show when={trends.error} fallback={<div class="skeleton" aria-busy="true" />}><p class="error" role="alert">{(trends.error as Error).message}</p></Show>}>
        {(t) => (
          <Show when={(t().wordCount?.length ?? 0) > 0} fallback={<div class="card empty"><h2>No trends yet</h2><p>Trends appear once you have a completed interview. Two or more show how you're improving.</p><A href="/new" class="btn primary">Upload an interview</A></div>}>
            <Show when={t().wordCount?.length === 1}>
              <p class="notice" role="status">These are the numbers from your first completed interview. Analyse another one and each card draws a line showing how you're changing.</p>
            </Show>
            <div class="trend-grid">
              <For each={METRICS.filter((m) => t()[m.key]?.length)}>{(m) => {
                const series = t()[m.key]!;
                const last = series[series.length - 1]!;
                const first = series[0]!;
                return (
                  <article class="card trend" data-trend={m.key}>
                    <h3>{m.label}</h3>
                    <p class="trend-value">{m.fmt(last.value)}</p>
                    <p class="muted">{series.length > 1 ? `was ${m.fmt(first.value)} in “${first.title}”` : `from “${last.title}”`} · {m.better}</p>
                    <Sparkline values={series.map((p) => p.value)} label={`${m.label}: ${series.map((p) => m.fmt(p.value)).join(', ')}`} />
                  </article>
                );
              }}</For>
            </div>
          </Show>
        )}
      </Show>
    </div>
  );
}
