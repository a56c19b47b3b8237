/** Hand-rolled SVG charts: a few hundred bytes each instead of a charting library in the bundle. */
import { For, Show } from 'solid-js';
import { formatClock } from '../lib/format';

const W = 640;
const H = 200;
const PAD = { l: 40, r: 12, t: 12, b: 26 };

/** Pace over time: one point per 30 s window, with the reference band shaded. */
export function PaceChart(props: { points: { t: number; wpm: number }[]; band?: [number, number]; durationSec: number }) {
  const maxY = () => Math.max(200, ...props.points.map((p) => p.wpm)) * 1.1;
  const x = (t: number) => PAD.l + (t / Math.max(1, props.durationSec)) * (W - PAD.l - PAD.r);
  const y = (v: number) => H - PAD.b - (v / maxY()) * (H - PAD.t - PAD.b);
  const path = () => props.points.map((p, i) => `${i ? 'L' : 'M'}${x(p.t + 15).toFixed(1)},${y(p.wpm).toFixed(1)}`).join(' ');
  const ticks = () => [0, 50, 100, 150, 200].filter((v) => v < maxY());
  return (
    <figure class="chart" data-chart="pace" data-points={props.points.length}>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`Pace over time: ${props.points.map((p) => `${formatClock(p.t)} ${Math.round(p.wpm)} wpm`).join(', ') || 'not enough speech'}`}>
        <Show when={props.band}>
          {(b) => <rect class="band" x={PAD.l} width={W - PAD.l - PAD.r} y={y(b()[1])} height={Math.max(0, y(b()[0]) - y(b()[1]))} />}
        </Show>
        <For each={ticks()}>{(v) => (<g><line class="grid" x1={PAD.l} x2={W - PAD.r} y1={y(v)} y2={y(v)} /><text class="axis" x={PAD.l - 6} y={y(v) + 4} text-anchor="end">{v}</text></g>)}</For>
        <text class="axis" x={PAD.l} y={H - 6}>0:00</text>
        <text class="axis" x={W - PAD.r} y={H - 6} text-anchor="end">{formatClock(props.durationSec)}</text>
        <path class="line" d={path()} />
        <For each={props.points}>{(p) => <circle class="dot" cx={x(p.t + 15)} cy={y(p.wpm)} r="4"><title>{`${formatClock(p.t)}: ${Math.round(p.wpm)} wpm`}</title></circle>}</For>
      </svg>
      <Show when={!props.points.length}><figcaption class="muted">Not enough continuous speech for a pace curve (each point needs 10 s of your speaking floor).</figcaption></Show>
    </figure>
  );
}

/** Events on a timeline: fillers (ticks) and pauses (bars), each labelled on hover/focus. */
export function Timeline(props: { kind: string; durationSec: number; marks?: { t: number; label: string }[]; spans?: { start: number; end: number; label: string }[] }) {
  const x = (t: number) => PAD.l + (t / Math.max(1, props.durationSec)) * (W - PAD.l - PAD.r);
  const count = () => (props.marks?.length ?? 0) + (props.spans?.length ?? 0);
  return (
    <figure class="chart timeline" data-chart={props.kind} data-points={count()}>
      {/* Stretched to the card's width at a fixed height; strokes keep their width, labels live in HTML. */}
      <svg viewBox={`0 0 ${W} 56`} preserveAspectRatio="none" role="img" aria-label={`${props.kind}: ${count()} on the timeline`}>
        <line class="grid" x1={PAD.l} x2={W - PAD.r} y1="28" y2="28" vector-effect="non-scaling-stroke" />
        <For each={props.spans ?? []}>{(s) => (
          <rect class="span" x={x(s.start)} width={Math.max(2, x(s.end) - x(s.start))} y="14" height="28"><title>{s.label}</title></rect>
        )}</For>
        <For each={props.marks ?? []}>{(m) => (
          <line class="mark" x1={x(m.t)} x2={x(m.t)} y1="10" y2="46" vector-effect="non-scaling-stroke"><title>{m.label}</title></line>
        )}</For>
      </svg>
      <div class="axis-row" aria-hidden="true"><span>0:00</span><span>{formatClock(props.durationSec)}</span></div>
    </figure>
  );
}

/** Talk ratio: a donut of the candidate's share against the interviewers'. */
export function TalkRatio(props: { share: number; speakers: { name: string; sec: number; candidate: boolean }[]; /** False without times: no speaking time per speaker. */ showTime?: boolean }) {
  const r = 52;
  const c = 2 * Math.PI * r;
  return (
    <figure class="chart talk" data-chart="talk" data-value={props.share.toFixed(3)}>
      <svg viewBox="0 0 140 140" width="140" height="140" role="img" aria-label={props.showTime === false ? `You spoke ${Math.round(props.share * 100)}% of the words` : `You spoke ${Math.round(props.share * 100)}% of the time`}>
        <circle cx="70" cy="70" r={r} class="donut-bg" />
        <circle cx="70" cy="70" r={r} class="donut" stroke-dasharray={`${c * props.share} ${c}`} transform="rotate(-90 70 70)" />
        <text x="70" y="76" text-anchor="middle" class="donut-label">{Math.round(props.share * 100)}%</text>
      </svg>
      <ul class="legend">
        <For each={props.speakers}>{(s) => (
          <li><span class={s.candidate ? 'swatch you' : 'swatch them'} aria-hidden="true" />{s.name}{s.candidate ? ' (you)' : ''}{props.showTime === false ? '' : ` · ${formatClock(s.sec)}`}</li>
        )}</For>
      </ul>
    </figure>
  );
}

/** A small trend sparkline; a single value sits mid-way on a dashed baseline until a second one arrives. */
export function Sparkline(props: { values: number[]; label: string }) {
  const w = 240;
  const h = 56;
  const min = () => Math.min(...props.values);
  const max = () => Math.max(...props.values);
  const x = (i: number) => (props.values.length < 2 ? w / 2 : 6 + (i / (props.values.length - 1)) * (w - 12));
  const y = (v: number) => (props.values.length < 2 ? h / 2 : h - 8 - ((v - min()) / (max() - min() || 1)) * (h - 16));
  return (
    <svg class="spark" viewBox={`0 0 ${w} ${h}`} role="img" aria-label={props.label} data-points={props.values.length}>
      <Show when={props.values.length < 2}><line class="baseline" x1="6" x2={w - 6} y1={h / 2} y2={h / 2} /></Show>
      <path class="line" d={props.values.map((v, i) => `${i ? 'L' : 'M'}${x(i)},${y(v)}`).join(' ')} />
      <For each={props.values}>{(v, i) => <circle class="dot" cx={x(i())} cy={y(v)} r="3" />}</For>
    </svg>
  );
}
