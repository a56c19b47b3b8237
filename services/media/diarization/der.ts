/**
 * Pure: diarization error rate, scored as NIST md-eval / pyannote.metrics do.
 *
 *   DER = (missed speech + false alarm + speaker confusion) / reference speech
 *
 * - Time is split at every boundary of either side; within each piece, with R reference and H
 *   hypothesis speakers active: missed = max(0, R - H), false alarm = max(0, H - R), and
 *   confusion = min(R, H) - (speakers matched under the optimal one-to-one mapping). Overlapped
 *   speech therefore counts once per speaker, as in md-eval.
 * - The mapping of hypothesis labels to reference labels maximises the total matched time
 *   (exact: a DP over subsets of hypothesis speakers, fine for up to ~12 labels).
 * - A collar (default 0.25 s) on each side of every reference boundary is not scored: where a
 *   turn begins or ends is not well defined to a tenth of a second.
 * - Only [0, the scored end] is scored (default: the end of the last reference or hypothesis turn).
 */

export interface Segment {
  start: number;
  end: number;
  speaker: string;
}

export interface DerOptions {
  /** Seconds not scored on each side of every reference boundary. Default 0.25. */
  collar?: number;
  /** Scored region [start, end]; default [0, last turn end]. */
  uem?: { start: number; end: number };
}

export interface DerResult {
  /** Fractions of scored reference speech (speaker-seconds). */
  der: number;
  missed: number;
  falseAlarm: number;
  confusion: number;
  /** Scored reference speech, speaker-seconds. */
  referenceSec: number;
  missedSec: number;
  falseAlarmSec: number;
  confusionSec: number;
  /** Hypothesis label → reference label, under the optimal mapping. */
  mapping: Record<string, string>;
}

export function diarizationErrorRate(reference: readonly Segment[], hypothesis: readonly Segment[], opts: DerOptions = {}): DerResult {
  const collar = opts.collar ?? 0.25;
  const lastEnd = Math.max(0, ...reference.map((s) => s.end), ...hypothesis.map((s) => s.end));
  const uem = opts.uem ?? { start: 0, end: lastEnd };
  const ref = reference.filter((s) => s.end > s.start);
  const hyp = hypothesis.filter((s) => s.end > s.start);

  // Regions not scored: the collars, merged.
  const excluded = mergeIntervals(
    collar > 0 ? ref.flatMap((s) => [[s.start - collar, s.start + collar] as const, [s.end - collar, s.end + collar] as const]) : [],
  );
  const cuts = new Set<number>([uem.start, uem.end]);
  for (const s of [...ref, ...hyp]) for (const t of [s.start, s.end]) if (t > uem.start && t < uem.end) cuts.add(t);
  for (const [a, b] of excluded) for (const t of [a, b]) if (t > uem.start && t < uem.end) cuts.add(t);
  const times = [...cuts].sort((a, b) => a - b);

  const refLabels = [...new Set(ref.map((s) => s.speaker))];
  const hypLabels = [...new Set(hyp.map((s) => s.speaker))];
  // co[r][h]: seconds where reference r and hypothesis h are both active (scored time only)
  const co = refLabels.map(() => hypLabels.map(() => 0));
  let refSec = 0;
  let missedSec = 0;
  let faSec = 0;
  let matchedAny = 0; // sum of min(R, H): what a perfect mapping could match
  let ex = 0;
  for (let i = 0; i + 1 < times.length; i++) {
    const a = times[i]!;
    const b = times[i + 1]!;
    const dur = b - a;
    if (dur <= 0) continue;
    const mid = (a + b) / 2;
    while (ex < excluded.length && excluded[ex]![1] <= mid) ex++;
    if (ex < excluded.length && excluded[ex]![0] <= mid && mid < excluded[ex]![1]) continue;
    const r = activeIn(ref, mid, refLabels);
    const h = activeIn(hyp, mid, hypLabels);
    refSec += r.length * dur;
    missedSec += Math.max(0, r.length - h.length) * dur;
    faSec += Math.max(0, h.length - r.length) * dur;
    matchedAny += Math.min(r.length, h.length) * dur;
    for (const ri of r) for (const hi of h) co[ri]![hi]! += dur;
  }
  const { total: matched, pairs } = bestMapping(co);
  const confusionSec = Math.max(0, matchedAny - matched);
  const mapping: Record<string, string> = {};
  for (const [ri, hi] of pairs) mapping[hypLabels[hi]!] = refLabels[ri]!;
  const frac = (x: number): number => (refSec > 0 ? x / refSec : 0);
  return {
    der: frac(missedSec + faSec + confusionSec),
    missed: frac(missedSec),
    falseAlarm: frac(faSec),
    confusion: frac(confusionSec),
    referenceSec: refSec,
    missedSec,
    falseAlarmSec: faSec,
    confusionSec,
    mapping,
  };
}

/** Indexes (into `labels`) of the speakers with a segment covering time t. */
function activeIn(segs: readonly Segment[], t: number, labels: readonly string[]): number[] {
  const on = new Set<number>();
  for (const s of segs) if (s.start <= t && t < s.end) on.add(labels.indexOf(s.speaker));
  return [...on];
}

function mergeIntervals(xs: ReadonlyArray<readonly [number, number]>): Array<[number, number]> {
  const sorted = [...xs].sort((a, b) => a[0] - b[0]);
  const out: Array<[number, number]> = [];
  for (const [a, b] of sorted) {
    const last = out.at(-1);
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

/**
 * The one-to-one mapping of reference rows to hypothesis columns with the largest total weight:
 * DP over subsets of columns (rows in order, each takes one unused column or none).
 */
export function bestMapping(w: readonly (readonly number[])[]): { total: number; pairs: Array<[number, number]> } {
  const rows = w.length;
  const cols = rows ? w[0]!.length : 0;
  if (cols > 16) throw new RangeError(`too many hypothesis speakers to map exactly (${cols})`);
  const size = 1 << cols;
  // best[i][mask]: best total for rows i.. given columns in mask are used
  const memo = new Map<number, number>();
  const key = (i: number, mask: number): number => i * size + mask;
  const solve = (i: number, mask: number): number => {
    if (i === rows) return 0;
    const k = key(i, mask);
    const hit = memo.get(k);
    if (hit !== undefined) return hit;
    let best = solve(i + 1, mask);
    for (let c = 0; c < cols; c++) {
      if (mask & (1 << c)) continue;
      best = Math.max(best, w[i]![c]! + solve(i + 1, mask | (1 << c)));
    }
    memo.set(k, best);
    return best;
  };
  const total = solve(0, 0);
  const pairs: Array<[number, number]> = [];
  let mask = 0;
  for (let i = 0; i < rows; i++) {
    const rest = solve(i, mask);
    if (Math.abs(solve(i + 1, mask) - rest) < 1e-12) continue;
    for (let c = 0; c < cols; c++) {
      if (mask & (1 << c)) continue;
      if (Math.abs(w[i]![c]! + solve(i + 1, mask | (1 << c)) - rest) < 1e-9) {
        pairs.push([i, c]);
        mask |= 1 << c;
        break;
      }
    }
  }
  return { total, pairs };
}

/** Pure: RTTM `SPEAKER <file> <chan> <start> <dur> <NA> <NA> <speaker> ...` lines → segments. */
export function parseRttm(text: string): Segment[] {
  const out: Segment[] = [];
  for (const line of text.split(/\r?\n/)) {
    const f = line.trim().split(/\s+/);
    if (f[0] !== 'SPEAKER' || f.length < 8) continue;
    const start = Number(f[3]);
    const dur = Number(f[4]);
    if (!Number.isFinite(start) || !Number.isFinite(dur)) throw new SyntaxError(`bad RTTM line: ${line}`);
    out.push({ start, end: start + dur, speaker: f[7]! });
  }
  return out;
}

/** Pure: a TSV with a header holding start_s, end_s and speaker columns → segments. */
export function parseSegmentsTsv(text: string): Segment[] {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const head = (lines.shift() ?? '').split('\t');
  const [si, ei, ki] = ['start_s', 'end_s', 'speaker'].map((c) => head.indexOf(c));
  if (si! < 0 || ei! < 0 || ki! < 0) throw new SyntaxError('segments TSV needs start_s, end_s and speaker columns');
  return lines.map((l) => {
    const f = l.split('\t');
    return { start: Number(f[si!]), end: Number(f[ei!]), speaker: f[ki!]! };
  });
}
