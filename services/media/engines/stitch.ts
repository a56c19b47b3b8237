/**
 * Pure stitching of per-chunk recognition results into one timeline. Chunk-local times are shifted
 * by the chunk's offset; chunks may finish in any order, so they are ordered by offset first.
 * Words are clamped so the global timeline never runs backwards or past the recording's end,
 * which analyzers (pauses, WPM over time) rely on.
 */
import type { Word } from '../../transcripts/transcript.js';

export interface ChunkResult {
  /** Where the chunk starts in the recording, seconds. */
  offsetSec: number;
  /** Where the chunk ends in the recording, seconds; words are clamped inside [offset, end]. */
  endSec: number;
  /** Words with times relative to the chunk's start. */
  words: readonly Word[];
}

const round3 = (x: number): number => Math.round(x * 1000) / 1000;

export function stitchChunks(results: readonly ChunkResult[], durationSec: number): Word[] {
  const ordered = [...results].sort((a, b) => a.offsetSec - b.offsetSec);
  const out: Word[] = [];
  let floor = 0; // no word may start before the previous word started
  for (const chunk of ordered) {
    const limit = Math.min(chunk.endSec, durationSec);
    const local = [...chunk.words].sort((a, b) => a.start - b.start);
    for (const w of local) {
      const start = round3(Math.min(limit, Math.max(floor, chunk.offsetSec, chunk.offsetSec + w.start)));
      const end = round3(Math.min(limit, Math.max(start, chunk.offsetSec + w.end)));
      out.push({ ...w, start, end });
      floor = start;
    }
  }
  return out;
}
