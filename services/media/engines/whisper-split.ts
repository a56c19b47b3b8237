/**
 * Pure planning of how one long recording is shared among several Whisper workers: one worker uses
 * about one core whatever its threads, so a recording on one worker cannot use a second core.
 * The recording is cut into as many contiguous parts as workers, of about equal length, each cut
 * inside a pause (the silences of chunking.ts) so no word is split and each part's first window
 * starts in silence, as Whisper's own 30 s windows expect.
 */
import { findSilences, type Chunk } from '../chunking.js';

export interface SplitOptions {
  /** Length of one envelope frame in seconds. */
  frameSec: number;
  /** How many parts (the idle workers). */
  parts: number;
  /** Frames above this level are speech (planChunks' thresholdDb for the same envelope). */
  thresholdDb: number;
}

/** How far a cut may move from the equal-length point, as a share of one part's length. */
const SLACK = 0.2;
const MIN_SILENCE_SEC = 0.25;
/** A pause this long is as safe a cut as any longer one; beyond it, prefer the cut nearest the target. */
const SAFE_PAUSE_SEC = 0.8;
/** Keep this far inside a pause: its edges can hold a word's soft onset or tail. */
const EDGE_MARGIN_SEC = 0.15;

/**
 * Parts covering the whole envelope, in order, with no gap or overlap. Each cut is the point of a
 * pause within ±SLACK of a part's length from its equal-share target, longest pause first (up to
 * SAFE_PAUSE_SEC), then nearest; without a pause there, the quietest frame.
 */
export function planSplit(db: ArrayLike<number>, opts: SplitOptions): Chunk[] {
  const { frameSec, thresholdDb } = opts;
  const total = db.length;
  const n = Math.max(1, Math.min(Math.floor(opts.parts), total));
  const partF = total / n;
  const slackF = Math.max(1, Math.floor(partF * SLACK));
  const marginF = Math.round(EDGE_MARGIN_SEC / frameSec);
  const pauses = findSilences(db, thresholdDb, frameSec, MIN_SILENCE_SEC).map((s) => {
    const from = Math.round(s.startSec / frameSec), to = Math.round(s.endSec / frameSec);
    const m = Math.min(marginF, Math.floor((to - from - 1) / 2));
    return { a: from + m, b: to - 1 - m, len: s.endSec - s.startSec };
  });

  const bounds = [0];
  for (let i = 1; i < n; i++) {
    const target = Math.round(i * partF);
    const lo = Math.max(bounds.at(-1)! + 1, target - slackF);
    const hi = Math.min(total - 1, target + slackF);
    let best: { cut: number; score: number } | null = null;
    for (const p of pauses) {
      const a = Math.max(p.a, lo), b = Math.min(p.b, hi);
      if (a > b) continue;
      const cut = Math.min(Math.max(target, a), b);
      const score = Math.min(p.len, SAFE_PAUSE_SEC) * 1000 - Math.abs(cut - target) * frameSec;
      if (!best || score > best.score) best = { cut, score };
    }
    let cut = best?.cut ?? lo;
    if (!best) for (let f = lo; f <= hi; f++) if (db[f]! < db[cut]!) cut = f;
    bounds.push(cut);
  }
  bounds.push(total);
  return bounds.slice(1).map((end, i) => ({ startSec: bounds[i]! * frameSec, endSec: end * frameSec }));
}
