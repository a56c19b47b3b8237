import { createResource, For, Show } from 'solid-js';
import { formatClock, formatDuration, percent } from '../lib/format';
import { buildTurns } from '../lib/transcript';
import type { Report } from '../lib/types';
import { fetchReport, fetchTranscript } from '../stores/interviews';
import { Answers } from './Answers';
import { PaceChart, TalkRatio, Timeline } from './Charts';
import { JobCoverage } from './JobCoverage';
import { MetricCardView } from './MetricCardView';
import { ReadinessView } from './Readiness';
import { TranscriptView } from './TranscriptView';

function download(report: Report, title: string) {
  const blob = new Blob([JSON.stringify(report, null, 2)], { type: 'application/json' });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = `${title.replace(/[^\w-]+/g, '-').toLowerCase() || 'report'}.json`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

export function ReportView(props: { id: string; title: string }) {
  const [report] = createResource(() => props.id, fetchReport);
  const [transcript] = createResource(() => props.id, fetchTranscript);
  return (
    <Show when={report()} fallback={<Show when={report.error} fallback={<div class="skeleton" aria-busy="true" />}><p class="error" role="alert">Could not load the report: {(report.error as Error).message}</p></Show>}>
      {(r) => {
        const m = () => r().metrics;
        // Stored v2 reports have no `timed` and every time-based field: only an explicit false means untimed.
        const timed = () => m().timed !== false;
        const talkShare = () => m().talkRatio ?? m().talkRatioByWords;
        const byWords = () => m().talkRatio === undefined;
        const candidate = () => r().speakers.find((s) => s.role === 'candidate');
        const names = () => Object.fromEntries(r().speakers.map((s) => [s.id, s.name ?? s.id]));
        const paceCard = () => r().metricCards.find((c) => c.id === 'wpm');
        const band = (): [number, number] | undefined => {
          const c = paceCard();
          return c && c.range.low !== undefined && c.range.high !== undefined ? [c.range.low, c.range.high] : undefined;
        };
        return (
          <div class="report" data-testid="report">
            <div class="report-actions no-print">
              <button class="btn small" onClick={() => download(r(), props.title)}>Download JSON</button>
              <button class="btn small" onClick={() => window.print()}>Print / PDF</button>
            </div>
            <section class="card summary">
              <h2>Summary</h2>
              <p data-testid="summary">{r().summary}</p>
              <h3>Top tips</h3>
              <ol class="tips">
                <For each={r().tips}>{(t) => <li>{t}</li>}</For>
              </ol>
            </section>
            <Show when={r().readiness}>{(rd) => <ReadinessView readiness={rd()} />}</Show>
            <Show when={r().job}>{(j) => <JobCoverage job={j()} answers={r().answers} />}</Show>
            <section class="stats" aria-label="Key numbers">
              <Show when={m().wpm !== undefined}>
                <div class="stat"><span class="stat-label">Pace</span><span class="stat-value" data-testid="stat-wpm">{Math.round(m().wpm!)}</span><span class="muted">words / min</span></div>
              </Show>
              <div class="stat"><span class="stat-label">Fillers</span><span class="stat-value" data-testid="stat-fillers">{m().fillers.count}</span><span class="muted">{m().fillers.perMinute !== undefined ? `${m().fillers.perMinute!.toFixed(1)} / min` : `${percent(m().fillers.ratio, 1)} of words`}</span></div>
              <Show when={m().pauses}>
                {(p) => <div class="stat"><span class="stat-label">Pauses ≥ 1 s</span><span class="stat-value" data-testid="stat-pauses">{p().count}</span><span class="muted">longest {p().longestSec.toFixed(1)} s</span></div>}
              </Show>
              <div class="stat"><span class="stat-label">Words</span><span class="stat-value" data-testid="stat-words">{m().wordCount}</span><span class="muted">{m().durationSec !== undefined ? `in ${formatDuration(m().durationSec)}` : 'spoken by you'}</span></div>
            </section>

            <section aria-labelledby="h-delivery">
              <h2 id="h-delivery">Delivery</h2>
              <Show when={!timed()}>
                <p class="notice untimed" data-testid="untimed-note">This transcript had no times, so pace, pauses and durations are left out.</p>
              </Show>
              <div class={timed() ? 'grid-2' : undefined}>
                <Show when={timed() && m().durationSec !== undefined}>
                  <div class="card">
                    <h3>Pace over time</h3>
                    <p class="muted">Words per minute in each 30-second window{band() ? `; the band is the ${band()![0]}–${band()![1]} wpm target` : ''}.</p>
                    <PaceChart points={m().wpmSeries ?? []} band={band()} durationSec={m().durationSec!} />
                  </div>
                </Show>
                <div class="card">
                  <h3>Talk ratio</h3>
                  <p class="muted">{byWords() ? 'Share of the words spoken that were yours.' : 'Share of speaking time that was yours.'}</p>
                  <TalkRatio share={talkShare()} speakers={r().speakers.map((s) => ({ name: s.name ?? s.id, sec: s.talkSec, candidate: s.role === 'candidate' }))} showTime={timed()} />
                </div>
              </div>
              <Show when={timed() && m().durationSec !== undefined}>
                <div class="card">
                  <h3>Fillers on the timeline <span class="count">{m().fillers.count}</span></h3>
                  <Timeline kind="fillers" durationSec={m().durationSec!} marks={m().fillers.items.map((f) => ({ t: f.start, label: `“${f.word}” at ${formatClock(f.start)}` }))} />
                  <Show when={m().pauses}>
                    {(p) => (
                      <>
                        <h3>Pauses <span class="count">{p().count}</span></h3>
                        <Timeline kind="pauses" durationSec={m().durationSec!} spans={p().items.map((x) => ({ start: x.start, end: x.end, label: `${x.durationSec.toFixed(1)} s pause at ${formatClock(x.start)}` }))} />
                        <p class="muted">Silence is {percent(p().silenceShare)} of your turns · longest uninterrupted stretch {formatDuration(m().longestSpeechSec)}.</p>
                      </>
                    )}
                  </Show>
                </div>
              </Show>
              <div class="metrics">
                <For each={r().metricCards}>{(c) => <MetricCardView card={c} />}</For>
              </div>
            </section>

            <section aria-labelledby="h-answers">
              <h2 id="h-answers">Questions and answers</h2>
              <Answers answers={r().answers} />
            </section>

            <Show when={r().prep?.points.length}>
              <section aria-labelledby="h-prep" class="card">
                <h2 id="h-prep">Prep coverage</h2>
                <ul class="prep">
                  <For each={r().prep!.points}>{(p) => (
                    <li class={`prep-${p.status}`}><span class={`pill p-${p.status}`}>{p.status}</span> <span>{p.point}</span><Show when={p.evidence}><q>{p.evidence}</q></Show></li>
                  )}</For>
                </ul>
              </section>
            </Show>

            <section aria-labelledby="h-transcript" class="card">
              <h2 id="h-transcript">Transcript</h2>
              <p class="legend-inline"><mark class="filler">filler</mark> <mark class="hedge">hedge</mark></p>
              <Show when={transcript()} fallback={<div class="skeleton" aria-busy="true" />}>
                {(t) => <TranscriptView turns={buildTurns(t().words, r())} candidate={candidate()?.id} names={names()} timed={timed()} />}
              </Show>
            </section>

            <section aria-labelledby="h-about" class="card about">
              <h2 id="h-about">About this report</h2>
              <p>Transcribed with <strong>{r().quality.engine}</strong>{r().quality.assumedSingleSpeaker ? '; no speaker labels, so all speech was taken as yours' : ''}.</p>
              <Show when={r().quality.notes.length}><ul><For each={r().quality.notes}>{(n) => <li>{n}</li>}</For></ul></Show>
              <Show when={r().ai?.models.length ? r().ai : undefined} fallback={<p class="muted" data-testid="ai-cost">No AI models were used: everything was computed locally. Cost $0.00.</p>}>
                {(ai) => (
                  <>
                    <table class="table">
                      <caption class="sr-only">AI models used</caption>
                      <thead><tr><th>Task</th><th>Model</th><th>Tokens in / out</th><th>Cost</th></tr></thead>
                      <tbody><For each={ai().models}>{(c) => <tr><td>{c.task}</td><td>{c.provider} {c.model}{c.cached ? ' (cached)' : ''}</td><td>{c.inputTokens} / {c.outputTokens}</td><td>${c.costUsd.toFixed(4)}</td></tr>}</For></tbody>
                    </table>
                    <p data-testid="ai-cost">Total AI cost <strong>${ai().totalCostUsd.toFixed(4)}</strong></p>
                  </>
                )}
              </Show>
            </section>
          </div>
        );
      }}
    </Show>
  );
}
