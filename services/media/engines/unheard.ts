/**
 * Where Whisper skipped speech: stretches between its words (or inside words it stretched) where
 * the audio is clearly speech-loud for at least a second. Pure.
 *
 * Whisper decodes long audio in 30 s windows and now and then jumps a timestamp past a short
 * utterance in a window, so the words are never written. It happens on a few clips only and depends
 * on the CPU's arithmetic: on one machine the two-person interview test lost "Good, thank you. What
 * is your greatest weakness?" (a whole interviewer turn, 3.3 s) while this machine kept it. Those
 * stretches are decoded again on their own (whisper.ts `recoverUnheard`).
 *
 * The gaps are hesitationRegions' (gaps.ts): between words, plus the parts of a word longer than its
 * text needs, and kept GUARD_SEC clear of Whisper's own fillers, whose times are loose (an "um" timed
 * 0.1 s may be a 0.8 s sound). Inside a gap, frames above the speech threshold are bridged over short
 * dips (a pause inside a phrase), and a run of at least MIN_UNHEARD_SPEECH_SEC of speech frames is a
 * stretch to decode. A lone hesitation is shorter than that, so the filler pass keeps those.
 */
import type { Word } from '../../transcripts/transcript.js';
import { expectedWordSec, hesitationRegions } from '../fillers/gaps.js';

export interface Span {
  start: number;
  end: number;
}

/** Speech frames a skipped stretch must hold: longer than any hesitation in the testdata (≤ 0.9 s). */
export const MIN_UNHEARD_SPEECH_SEC = 1.0;
/** Quiet dips shorter than this inside a stretch are part of it (between words of one phrase). */
export const BRIDGE_SEC = 0.5;
/** Margin kept around a stretch when it is decoded, so a soft onset or tail is not clipped. */
export const PAD_SEC = 0.2;
export interface UnheardOptions {
  frameSec: number;
  /** Frame level above which a frame is speech (chunking.ts planChunks' threshold). */
  thresholdDb: number;
}

/** Stretches of speech no word covers, padded and kept inside their gap, in time order. */
export function unheardSpeech(words: readonly Word[], db: ArrayLike<number>, durationSec: number, opts: UnheardOptions): Span[] {
  const { frameSec, thresholdDb } = opts;
  const out: Span[] = [];
  for (const gap of hesitationRegions(words, durationSec, undefined, MIN_UNHEARD_SPEECH_SEC)) {
    const from = Math.max(0, Math.ceil(gap.start / frameSec));
    const to = Math.min(db.length, Math.floor(gap.end / frameSec));
    let run: { first: number; last: number; frames: number } | null = null;
    const close = (): void => {
      if (run && run.frames * frameSec >= MIN_UNHEARD_SPEECH_SEC) {
        out.push({ start: Math.max(gap.start, run.first * frameSec - PAD_SEC), end: Math.min(gap.end, (run.last + 1) * frameSec + PAD_SEC) });
      }
      run = null;
    };
    for (let i = from; i < to; i++) {
      if (db[i]! <= thresholdDb) continue;
      if (run && (i - run.last - 1) * frameSec > BRIDGE_SEC) close();
      if (run) {
        run.last = i;
        run.frames++;
      } else run = { first: i, last: i, frames: 1 };
    }
    close();
  }
  // A stretched word's inside and the gap next to it are separate regions of one stretch.
  const merged: Span[] = [];
  for (const s of out.sort((a, b) => a.start - b.start)) {
    const last = merged[merged.length - 1];
    if (last && s.start <= last.end + BRIDGE_SEC) last.end = Math.max(last.end, s.end);
    else merged.push({ ...s });
  }
  return merged;
}

/**
 * Below this geometric mean of its words' probabilities, what a re-decoded stretch produced is
 * dropped. Measured on the two-person interview's stretches (README, "Skipped speech"): the lost
 * question came back at 0.75–0.80; breaths, held words, a phrase the first pass already had and the
 * stock "Thank you very much." that Whisper invents for noise scored 0.09–0.41.
 */
export const MIN_RECOVERED_MEAN_P = 0.5;

/** [text, start s, end s, probability], as the worker returns words. */
type WordTuple = readonly [string, number, number, number];

/** The re-decoded stretches worth keeping, each with its words: kept or dropped whole by their mean probability. Pure. */
export function confidentlyHeard<T extends WordTuple>(spans: readonly Span[], words: readonly T[], minMeanP = MIN_RECOVERED_MEAN_P): { span: Span; words: T[] }[] {
  const kept: { span: Span; words: T[] }[] = [];
  for (const span of spans) {
    const mine = words.filter((w) => (w[1] + w[2]) / 2 >= span.start && (w[1] + w[2]) / 2 <= span.end);
    if (mine.length === 0) continue;
    const meanLogP = mine.reduce((sum, w) => sum + Math.log(Math.max(w[3], 1e-6)), 0) / mine.length;
    if (Math.exp(meanLogP) >= minMeanP) kept.push({ span, words: mine });
  }
  return kept;
}

/**
 * The first pass's words with the recovered ones put in. A first-pass word timed into a recovered
 * stretch was misplaced there (that audio is the recovered words'), most often a neighbour's word
 * stretched over it: it moves out to the nearer edge of the stretch, keeping its order, so a turn is
 * not interleaved with another speaker's words. Pure.
 */
export function withRecovered(words: readonly Word[], recovered: readonly { span: Span; words: readonly Word[] }[]): Word[] {
  const out = words.map((w) => ({ ...w }));
  for (const { span } of recovered) {
    const mid = (span.start + span.end) / 2;
    const inside = out.filter((w) => w.start >= span.start && w.start < span.end);
    let after = span.end;
    for (const w of inside.filter((x) => (x.start + x.end) / 2 >= mid)) {
      const len = Math.min(w.end - w.start, expectedWordSec(w.text));
      w.start = after;
      w.end = Math.max(w.end, after + len);
      after = w.start + len;
    }
    let before = span.start;
    for (const w of inside.filter((x) => (x.start + x.end) / 2 < mid).reverse()) {
      const len = Math.min(w.end - w.start, expectedWordSec(w.text));
      w.end = before;
      w.start = Math.min(w.start, before - len);
      before = w.start;
    }
  }
  return [...out, ...recovered.flatMap((r) => r.words)].sort((a, b) => a.start - b.start);
}
