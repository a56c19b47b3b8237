/**
 * Pure planning of transcription chunks over an energy envelope (dBFS per frame).
 *
 * Long audio is cut into chunks of MIN..MAX seconds so they can be recognised in parallel. Cuts go
 * in the middle of a pause, so no word is split between two chunks and each chunk starts and ends
 * in silence, which is also what the recogniser's own segmenter expects. Levels are relative to the
 * recording's noise floor, because phone and laptop recordings differ by 30 dB in gain and hiss.
 */
import { mediaError } from './errors.js';

export interface ChunkPlanOptions {
  /** Length of one envelope frame in seconds. */
  frameSec: number;
  minChunkSec?: number;
  maxChunkSec?: number;
  /** The shortest pause we will cut in; shorter gaps can be between syllables of one word. */
  minSilenceSec?: number;
}

export interface Chunk {
  startSec: number;
  endSec: number;
}

export interface ChunkPlan {
  chunks: Chunk[];
  /** Frames above this level count as speech. */
  thresholdDb: number;
  speechSec: number;
}

export const DEFAULT_MIN_CHUNK_SEC = 20;
export const DEFAULT_MAX_CHUNK_SEC = 45;
const DEFAULT_MIN_SILENCE_SEC = 0.25;
/** Speech sits well above the floor; 12 dB keeps breaths and hiss out without losing soft words. */
const SPEECH_ABOVE_FLOOR_DB = 12;
/** Below this nothing is speech, whatever the floor (digital silence would make the floor -120). */
const ABSOLUTE_SPEECH_MIN_DB = -55;
/** Less speech than this in the whole file (a click, a cough) is treated as no speech at all. */
const MIN_SPEECH_SEC = 0.2;
/** A pause this long is as safe a cut as any longer one; beyond it, prefer a chunk near the target. */
const SAFE_PAUSE_SEC = 0.8;
const TARGET_CHUNK_SEC = 30;
const EDGE_MARGIN_SEC = 0.15;

/** The 10th-percentile frame level: the room's noise between words. */
export function noiseFloorDb(db: ArrayLike<number>): number {
  if (db.length === 0) return -120;
  const sorted = Float32Array.from(db).sort();
  return sorted[Math.floor(sorted.length * 0.1)]!;
}

export interface Silence {
  startSec: number;
  endSec: number;
}

/** Runs of at least `minSilenceSec` whose frames are all at or below `thresholdDb`. */
export function findSilences(db: ArrayLike<number>, thresholdDb: number, frameSec: number, minSilenceSec: number): Silence[] {
  const out: Silence[] = [];
  let runStart = -1;
  for (let i = 0; i <= db.length; i++) {
    const quiet = i < db.length && db[i]! <= thresholdDb;
    if (quiet && runStart < 0) runStart = i;
    if (!quiet && runStart >= 0) {
      if ((i - runStart) * frameSec >= minSilenceSec) out.push({ startSec: runStart * frameSec, endSec: i * frameSec });
      runStart = -1;
    }
  }
  return out;
}

/** Frame index of the quietest frame in [from, to): the least harmful place for a forced cut. */
function quietestFrame(db: ArrayLike<number>, from: number, to: number): number {
  let best = from;
  for (let i = from; i < to; i++) if (db[i]! < db[best]!) best = i;
  return best;
}

function hasSpeech(db: ArrayLike<number>, thresholdDb: number, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (db[i]! > thresholdDb) return true;
  return false;
}

/**
 * Plans chunks covering the recording. Throws PermanentError `no_speech` when nothing rises above
 * the speech threshold. Chunks holding only silence are left out (nothing to recognise there).
 */
export function planChunks(db: ArrayLike<number>, opts: ChunkPlanOptions): ChunkPlan {
  const { frameSec } = opts;
  const minChunk = opts.minChunkSec ?? DEFAULT_MIN_CHUNK_SEC;
  const maxChunk = opts.maxChunkSec ?? DEFAULT_MAX_CHUNK_SEC;
  const minSilence = opts.minSilenceSec ?? DEFAULT_MIN_SILENCE_SEC;
  if (!(minChunk > 0 && maxChunk >= minChunk)) throw new RangeError('need 0 < minChunkSec <= maxChunkSec');

  const thresholdDb = Math.max(noiseFloorDb(db) + SPEECH_ABOVE_FLOOR_DB, ABSOLUTE_SPEECH_MIN_DB);
  let speechFrames = 0;
  for (let i = 0; i < db.length; i++) if (db[i]! > thresholdDb) speechFrames++;
  const speechSec = speechFrames * frameSec;
  if (speechSec < MIN_SPEECH_SEC) throw mediaError('no_speech', 'No speech was found in the recording');

  const total = db.length;
  const minF = Math.round(minChunk / frameSec);
  const maxF = Math.round(maxChunk / frameSec);
  const silences = findSilences(db, thresholdDb, frameSec, minSilence).map((s) => ({
    from: Math.round(s.startSec / frameSec),
    to: Math.round(s.endSec / frameSec),
    len: s.endSec - s.startSec,
  }));

  const bounds: number[] = [0];
  let start = 0;
  while (total - start > maxF) {
    // Never leave a tail shorter than a minimum chunk when it can be avoided.
    const lo = start + minF;
    const hi = Math.max(lo + 1, Math.min(start + maxF, total - minF));
    const target = start + Math.round(TARGET_CHUNK_SEC / frameSec);
    // Any point of a pause is a safe cut except right at its edges (a word's soft onset or tail),
    // so take the point nearest the target size, keeping EDGE_MARGIN_SEC away from each edge.
    const margin = (p: { from: number; to: number }): number =>
      Math.min(Math.round(EDGE_MARGIN_SEC / frameSec), Math.floor((p.to - p.from - 1) / 2));
    const candidates = silences
      .map((p) => ({ a: Math.max(lo, p.from + margin(p)), b: Math.min(hi - 1, p.to - 1 - margin(p)), len: p.len }))
      .filter((p) => p.a <= p.b)
      .map((p) => ({ cut: Math.min(Math.max(target, p.a), p.b), len: p.len }));
    const score = (c: { cut: number; len: number }): number =>
      Math.min(c.len, SAFE_PAUSE_SEC) * 1000 - Math.abs(c.cut - target) * frameSec;
    const best = candidates.reduce<{ cut: number; len: number } | null>((b, c) => (!b || score(c) > score(b) ? c : b), null);
    // No pause at all in the window (music, a shouted monologue): cut where it is quietest.
    const cut = best ? best.cut : quietestFrame(db, lo, Math.min(hi, total));
    bounds.push(cut);
    start = cut;
  }
  bounds.push(total);

  const chunks: Chunk[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const from = bounds[i]!, to = bounds[i + 1]!;
    if (to > from && hasSpeech(db, thresholdDb, from, to)) chunks.push({ startSec: from * frameSec, endSec: to * frameSec });
  }
  return { chunks, thresholdDb, speechSec };
}
