/**
 * Pure: cuts live 16 kHz PCM into speech segments with an energy VAD and says when to transcribe.
 *
 * - A frame (20 ms) is speech when its level is above both an absolute floor and the adaptive
 *   noise floor plus a margin, so a hissy microphone does not count as talking all the time.
 * - A segment opens at the first speech frame (with a short pre-roll, so the first consonant is
 *   kept) and is final at a pause of `pauseSec`, or at `maxSegmentSec`, cut at the quietest frame
 *   of its last second so a word is rarely split.
 * - While a segment is open an interim is due after every `interimEverySec` of new audio: the
 *   caller may skip it when the recognizer is busy (interims are replaced by the next one anyway).
 * Memory: only the open segment's PCM is held, in a buffer of `maxSegmentSec` (+ pre-roll).
 */
export interface SegmenterOptions {
  sampleRate?: number;
  /** Time of the first sample, seconds (a resumed session starts later). */
  startSec?: number;
  pauseSec?: number;
  maxSegmentSec?: number;
  interimEverySec?: number;
  /** Speech must be at least this loud, dBFS. */
  minSpeechDb?: number;
  /** ... and this many dB above the noise floor. */
  marginDb?: number;
  /** Segments shorter than this (a click, a cough) are dropped, seconds of speech. */
  minSpeechSec?: number;
}

export interface SegmentWindow {
  kind: 'interim' | 'final';
  segment: number;
  startSec: number;
  endSec: number;
  pcm: Int16Array;
}

const FRAME_SEC = 0.02;
const PRE_ROLL_SEC = 0.2;
/** Silence kept after the last speech frame of a final segment (word endings decay slowly). */
const TAIL_SEC = 0.2;

export class Segmenter {
  private readonly rate: number;
  private readonly frame: number;
  private readonly pauseSec: number;
  private readonly maxSec: number;
  private readonly interimEverySec: number;
  private readonly minSpeechDb: number;
  private readonly marginDb: number;
  private readonly minSpeechSec: number;
  /** Samples consumed so far. */
  private samples = 0;
  /** Partial frame carried to the next push. */
  private carry: Int16Array = new Int16Array(0);
  /** Adaptive noise floor, dB; set from the first frame (capped, in case that frame is speech). */
  private noiseDb: number | null = null;
  /** Pre-roll ring: the last PRE_ROLL_SEC of audio while no segment is open. */
  private readonly pre: Int16Array;
  private preLen = 0;
  /** The open segment: buffer, used length, first sample's index, speech bookkeeping. */
  private readonly buf: Int16Array;
  private len = 0;
  private segStart = -1;
  private lastSpeechEnd = -1;
  private speechSamples = 0;
  private lastInterimLen = 0;
  /** Per-frame levels of the open segment, for choosing a cut. */
  private levels: number[] = [];
  private nextSegment = 0;
  /** Audio time of the end of the last speech frame (null before any speech). */
  lastSpeechSec: number | null = null;

  constructor(private readonly opts: SegmenterOptions = {}) {
    this.rate = opts.sampleRate ?? 16000;
    this.frame = Math.round(this.rate * FRAME_SEC);
    this.pauseSec = opts.pauseSec ?? 0.6;
    this.maxSec = opts.maxSegmentSec ?? 10;
    this.interimEverySec = opts.interimEverySec ?? 1;
    this.minSpeechDb = opts.minSpeechDb ?? -50;
    this.marginDb = opts.marginDb ?? 12;
    this.minSpeechSec = opts.minSpeechSec ?? 0.15;
    this.pre = new Int16Array(Math.round(this.rate * PRE_ROLL_SEC));
    this.buf = new Int16Array(Math.ceil(this.rate * (this.maxSec + PRE_ROLL_SEC)) + this.frame);
  }

  /** Audio time now (end of the samples consumed), seconds. */
  get nowSec(): number {
    return this.sec(this.samples);
  }

  /** True while a segment is open. */
  get inSegment(): boolean {
    return this.segStart >= 0;
  }

  /** Segments started so far (the next one's number). */
  get segments(): number {
    return this.nextSegment;
  }

  push(pcm: Int16Array): SegmentWindow[] {
    const out: SegmentWindow[] = [];
    let data = pcm;
    if (this.carry.length) {
      data = new Int16Array(this.carry.length + pcm.length);
      data.set(this.carry);
      data.set(pcm, this.carry.length);
    }
    let at = 0;
    for (; at + this.frame <= data.length; at += this.frame) this.onFrame(data.subarray(at, at + this.frame), out);
    this.carry = data.slice(at);
    return out;
  }

  /** End of the stream: the open segment becomes final. */
  flush(): SegmentWindow[] {
    const out: SegmentWindow[] = [];
    if (this.inSegment) this.finalize(this.len, out);
    return out;
  }

  private sec(sample: number): number {
    return (this.opts.startSec ?? 0) + sample / this.rate;
  }

  private onFrame(f: Int16Array, out: SegmentWindow[]): void {
    const db = levelDb(f);
    const floor = this.noiseDb ?? Math.min(db, this.minSpeechDb);
    const speech = db > this.minSpeechDb && db > floor + this.marginDb;
    // The floor drops at once to a quieter frame and rises slowly (3 dB/s), so the pauses between
    // words keep it down while someone talks, and steady hiss still lifts it within seconds.
    this.noiseDb = db < floor ? db : floor + 0.06;
    const frameStart = this.samples;
    this.samples += f.length;
    if (speech) this.lastSpeechSec = this.sec(this.samples);

    if (!this.inSegment) {
      if (speech) this.open(frameStart);
      else return this.remember(f);
    }
    this.append(f, db);
    if (speech) {
      this.lastSpeechEnd = this.len;
      this.speechSamples += f.length;
    }
    const silentSec = (this.len - this.lastSpeechEnd) / this.rate;
    if (silentSec >= this.pauseSec) return this.finalize(Math.min(this.len, this.lastSpeechEnd + Math.round(TAIL_SEC * this.rate)), out);
    if (this.len / this.rate >= this.maxSec) return this.finalize(this.quietestCut(), out);
    // An interim only when there is new speech to show since the last one.
    const fresh = this.lastSpeechEnd > this.lastInterimLen;
    if (fresh && (this.len - this.lastInterimLen) / this.rate >= this.interimEverySec && this.speechSamples / this.rate >= this.minSpeechSec) {
      this.lastInterimLen = this.len;
      out.push({ kind: 'interim', segment: this.nextSegment - 1, startSec: this.sec(this.segStart), endSec: this.sec(this.segStart + this.len), pcm: this.buf.slice(0, this.len) });
    }
  }

  private open(frameStart: number): void {
    this.segStart = frameStart - this.preLen;
    this.buf.set(this.pre.subarray(0, this.preLen));
    this.len = this.preLen;
    this.levels = Array.from({ length: Math.ceil(this.preLen / this.frame) }, () => -120);
    this.preLen = 0;
    this.lastSpeechEnd = this.len;
    this.speechSamples = 0;
    this.lastInterimLen = 0;
    this.nextSegment++;
  }

  private append(f: Int16Array, db: number): void {
    this.buf.set(f, this.len);
    this.len += f.length;
    this.levels.push(db);
  }

  private remember(f: Int16Array): void {
    const keep = this.pre.length;
    if (f.length >= keep) {
      this.pre.set(f.subarray(f.length - keep));
      this.preLen = keep;
      return;
    }
    const old = Math.min(this.preLen, keep - f.length);
    this.pre.copyWithin(0, this.preLen - old, this.preLen);
    this.pre.set(f, old);
    this.preLen = old + f.length;
  }

  /** Sample offset of the quietest frame in the segment's last second (where a long segment is cut). */
  private quietestCut(): number {
    const frames = Math.round(1 / FRAME_SEC);
    let best = this.levels.length;
    let bestDb = Infinity;
    for (let i = Math.max(1, this.levels.length - frames); i < this.levels.length; i++) {
      if (this.levels[i]! < bestDb) {
        bestDb = this.levels[i]!;
        best = i;
      }
    }
    return Math.min(this.len, best * this.frame);
  }

  /** Emits [0, cut) of the open segment as final; what follows the cut opens the next segment. */
  private finalize(cut: number, out: SegmentWindow[]): void {
    const segment = this.nextSegment - 1;
    if (this.speechSamples / this.rate >= this.minSpeechSec) {
      out.push({ kind: 'final', segment, startSec: this.sec(this.segStart), endSec: this.sec(this.segStart + cut), pcm: this.buf.slice(0, cut) });
    }
    const rest = this.buf.slice(cut, this.len);
    const restLevels = this.levels.slice(Math.floor(cut / this.frame));
    const restSpeechEnd = this.lastSpeechEnd - cut;
    const restStart = this.segStart + cut;
    this.segStart = -1;
    this.len = 0;
    this.levels = [];
    this.preLen = 0;
    if (restSpeechEnd > 0) {
      // A segment cut at its length cap goes on: the remainder is the next one's start.
      this.nextSegment++;
      this.segStart = restStart;
      this.buf.set(rest);
      this.len = rest.length;
      this.levels = restLevels;
      this.lastSpeechEnd = restSpeechEnd;
      this.speechSamples = restSpeechEnd;
      this.lastInterimLen = 0;
    } else {
      this.remember(rest);
    }
  }
}

/** RMS level of a frame, dBFS (digital silence is -120). */
export function levelDb(f: Int16Array): number {
  let sum = 0;
  for (let i = 0; i < f.length; i++) {
    const s = f[i]! / 32768;
    sum += s * s;
  }
  const rms = Math.sqrt(sum / Math.max(1, f.length));
  return rms > 1e-6 ? 20 * Math.log10(rms) : -120;
}
