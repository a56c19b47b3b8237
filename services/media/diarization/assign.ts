/**
 * Pure: Whisper's words onto the diarizer's speaker turns. A word takes the speaker whose turns
 * overlap it most (majority overlap); a word in no turn (voice activity missed it, or it sits in a
 * pause) takes the nearest turn's speaker, and is counted so the caller can say how many.
 */
import type { Word } from '../../transcripts/transcript.js';

export interface SpeakerTurn {
  start: number;
  end: number;
  speaker: string;
}

export interface Assignment {
  words: Word[];
  /** Words outside every turn, given the nearest turn's speaker. */
  byNearest: number;
}

export function assignSpeakers(words: readonly Word[], turns: readonly SpeakerTurn[]): Assignment {
  if (turns.length === 0) return { words: words.map((w) => ({ ...w })), byNearest: 0 };
  const sorted = [...turns].sort((a, b) => a.start - b.start || a.end - b.end);
  let byNearest = 0;
  let first = 0; // turns ending before the current word can be skipped: words are non-decreasing
  const out = words.map((w): Word => {
    while (first < sorted.length && sorted[first]!.end < w.start - 30) first++;
    const overlap = new Map<string, number>();
    for (let i = first; i < sorted.length && sorted[i]!.start <= w.end; i++) {
      const t = sorted[i]!;
      const o = Math.min(w.end, t.end) - Math.max(w.start, t.start);
      // a zero-length word inside a turn still belongs to it
      if (o > 0 || (o === 0 && w.start === w.end && w.start >= t.start && w.start <= t.end)) {
        overlap.set(t.speaker, (overlap.get(t.speaker) ?? 0) + Math.max(o, 1e-9));
      }
    }
    let speaker: string | undefined;
    let best = 0;
    for (const [s, o] of overlap) {
      if (o > best) [speaker, best] = [s, o];
    }
    if (speaker === undefined) {
      byNearest++;
      speaker = nearest(sorted, (w.start + w.end) / 2);
    }
    return { ...w, speaker };
  });
  return { words: out, byNearest };
}

function nearest(turns: readonly SpeakerTurn[], t: number): string {
  let best = turns[0]!;
  let dist = Infinity;
  for (const turn of turns) {
    const d = t < turn.start ? turn.start - t : t > turn.end ? t - turn.end : 0;
    if (d < dist) [best, dist] = [turn, d];
  }
  return best.speaker;
}
