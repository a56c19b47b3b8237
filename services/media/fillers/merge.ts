/**
 * Hesitations heard in the audio become words of the transcript, so the analysis counts them like
 * any other "um". Pure.
 */
import type { Word } from '../../transcripts/transcript.js';
import { GUARD_SEC, isHesitationWord } from './gaps.js';

/** One hesitation the audio pass found: its span, the sound, and the detector's 0..1 score. */
export interface HeardHesitation {
  start: number;
  end: number;
  kind: 'um' | 'uh';
  score: number;
}

/**
 * The words with each hesitation inserted at its time, as a word "um"/"uh" whose confidence is the
 * detector's score. A hesitation within GUARD_SEC of a filler already in the words is dropped (the
 * same sound, timed differently). A word that overlaps an inserted hesitation is trimmed to the side
 * where most of it lies (Whisper stretches words over a pause), keeping at least its last or first
 * 50 ms; so the timeline stays ordered and free of overlaps.
 */
export function mergeHesitations(words: readonly Word[], heard: readonly HeardHesitation[], guardSec = GUARD_SEC): Word[] {
  const out = words.map((w) => ({ ...w }));
  const fillers = out.filter((w) => isHesitationWord(w.text));
  const added: Word[] = [];
  for (const h of [...heard].sort((a, b) => a.start - b.start)) {
    if (!(h.end > h.start)) continue;
    if (fillers.some((f) => h.start < f.end + guardSec && h.end > f.start - guardSec)) continue;
    if (added.some((a) => h.start < a.end && h.end > a.start)) continue;
    const word: Word = { text: h.kind, start: h.start, end: h.end, confidence: h.score };
    for (const w of out) {
      if (!(w.start < h.end && w.end > h.start)) continue;
      const mid = (w.start + w.end) / 2;
      if (mid >= h.end || (mid >= h.start && w.end - h.end >= h.start - w.start)) {
        w.start = Math.min(Math.max(w.start, h.end), Math.max(w.start, w.end - 0.05));
      } else {
        w.end = Math.max(Math.min(w.end, h.start), Math.min(w.end, w.start + 0.05));
      }
    }
    // Trimming could leave a sliver of overlap where a word was shorter than the 50 ms kept: shrink the hesitation.
    for (const w of out) {
      if (w.start < word.end && w.end > word.start) {
        if (w.start >= word.start) word.end = Math.max(word.start, w.start);
        else word.start = Math.min(word.end, w.end);
      }
    }
    if (word.end - word.start < 0.05) continue;
    added.push(word);
  }
  return [...out, ...added].sort((a, b) => a.start - b.start || a.end - b.end);
}
