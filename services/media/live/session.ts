/**
 * One live session: decoder → segmenter → recognizer → captions, and the nudger beside them.
 *
 * Windows of a session are recognised one at a time, finals in order and before any interim; of
 * the interims only the newest waits (an older one would be replaced on screen before it showed).
 * So a session never has more than one window in the shared pool, and a slow node sheds interims,
 * not finals. Times are audio time: seconds of decoded PCM from the session's start (+ startSec).
 */
import type { LiveQuestion } from '../../api/live.contract.js';
import type { Logger } from '../../shared/logger.js';
import { LiveDecoder } from './decoder.js';
import { Nudger } from './nudges.js';
import { Outbox, type LiveOut } from './outbox.js';
import type { LiveRecognizer } from './recognizer.js';
import { Segmenter, type SegmentWindow } from './segmenter.js';

/** Nudges are considered every this many seconds of audio. */
const TICK_SEC = 0.5;
/** Finals waiting for the recognizer, at most (each holds up to 10 s of PCM, 320 kB). */
const MAX_WAITING_FINALS = 6;

export interface SessionOptions {
  questions: readonly LiveQuestion[];
  startSec?: number;
  recognizer: LiveRecognizer;
  log: Logger;
  /** Called once when the session closes (frees its slot). */
  onClose?: () => void;
}

export class LiveSession {
  private readonly decoder: LiveDecoder;
  private readonly segmenter: Segmenter;
  private readonly nudger: Nudger;
  private readonly outbox = new Outbox();
  private readonly finals: { w: SegmentWindow; question: number }[] = [];
  private interim: { w: SegmentWindow; question: number } | null = null;
  /** Withdraws the window this session has in the recognizer, while it is still waiting there. */
  private waiting: { abort: AbortController; interim: boolean } | null = null;
  private running: Promise<void> | null = null;
  /** Highest segment whose final has been queued: its interims are stale. */
  private finalUpTo = -1;
  /** Segments that showed an interim (their final must be sent even if empty, to clear it). */
  private readonly shown = new Set<number>();
  private question = 0;
  private lastTick = 0;
  private closed = false;
  private failures = 0;
  private dropped = 0;

  constructor(readonly id: string, private readonly opts: SessionOptions) {
    this.segmenter = new Segmenter({ startSec: opts.startSec ?? 0 });
    this.nudger = new Nudger(opts.questions);
    this.nudger.setQuestion(0, opts.startSec ?? 0);
    this.decoder = new LiveDecoder({
      onPcm: (pcm) => this.onPcm(pcm),
      onEnd: (error) => {
        if (error && !this.closed) opts.log.warn({ sessionId: id, error }, 'live decoder stopped');
      },
    });
  }

  push(bytes: Uint8Array): void {
    if (!this.closed && bytes.byteLength > 0) this.decoder.write(bytes);
  }

  /** Recording time of the audio decoded so far, seconds (+ startSec). */
  get positionSec(): number {
    return this.segmenter.nowSec;
  }

  setQuestion(index: number): void {
    this.question = index;
    this.nudger.setQuestion(index, this.segmenter.nowSec);
  }

  drain(): LiveOut {
    return this.outbox.drain();
  }

  /** Input is complete: decodes the rest, finalises the open segment and waits for its caption. */
  async end(): Promise<void> {
    if (this.closed) return;
    await this.decoder.end();
    this.enqueue(this.segmenter.flush());
    await this.idle();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.finals.length = 0;
    this.interim = null;
    this.waiting?.abort.abort();
    this.opts.onClose?.();
    await this.decoder.kill();
    await this.running;
  }

  /** Resolves when every queued window has been recognised. */
  private async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private onPcm(pcm: Int16Array): void {
    if (this.closed) return;
    this.enqueue(this.segmenter.push(pcm));
    const now = this.segmenter.nowSec;
    if (this.segmenter.lastSpeechSec !== null) this.nudger.speech(this.segmenter.lastSpeechSec);
    if (now - this.lastTick >= TICK_SEC) {
      this.lastTick = now;
      for (const n of this.nudger.tick(now, this.segmenter.lastSpeechSec)) this.outbox.nudge(n);
    }
  }

  private enqueue(windows: SegmentWindow[]): void {
    for (const w of windows) {
      if (w.kind === 'final') {
        this.finals.push({ w, question: this.question });
        // A node far behind drops the oldest waiting final rather than hold minutes of PCM.
        if (this.finals.length > MAX_WAITING_FINALS) {
          this.finals.shift();
          if (this.dropped++ % 20 === 0) this.opts.log.warn({ sessionId: this.id, dropped: this.dropped }, 'live captions behind: final window dropped');
        }
        this.finalUpTo = Math.max(this.finalUpTo, w.segment);
        if (this.interim && this.interim.w.segment <= w.segment) this.interim = null;
        // An interim still waiting in the shared pool would only be thrown away.
        if (this.waiting?.interim) this.waiting.abort.abort();
      } else if (w.segment > this.finalUpTo && this.opts.recognizer.interims !== false) {
        this.interim = { w, question: this.question };
      }
    }
    if (!this.running && (this.finals.length || this.interim)) {
      this.running = this.work().finally(() => (this.running = null));
    }
  }

  private async work(): Promise<void> {
    for (;;) {
      const job = this.finals.shift() ?? this.takeInterim();
      if (!job || this.closed) return;
      const { w, question } = job;
      let words: { text: string; start: number; end: number }[];
      const abort = new AbortController();
      this.waiting = { abort, interim: w.kind === 'interim' };
      try {
        words = await this.opts.recognizer.transcribe(w.pcm, { interim: w.kind === 'interim', signal: abort.signal });
      } catch (e) {
        if (abort.signal.aborted) continue;
        // One bad window costs one caption; the log says so without flooding.
        if (this.failures++ % 20 === 0) this.opts.log.warn({ sessionId: this.id, err: e, failures: this.failures }, 'live recognition failed');
        continue;
      }
      this.waiting = null;
      if (this.closed) return;
      const text = words.map((x) => x.text).join(' ').trim();
      if (w.kind === 'interim' && (w.segment <= this.finalUpTo || !text)) continue;
      if (w.kind === 'final') {
        this.nudger.final(w.startSec, w.endSec, words.map((x) => ({ text: x.text, start: w.startSec + x.start, end: w.startSec + x.end })));
        if (!text && !this.shown.has(w.segment)) continue;
        this.shown.delete(w.segment);
      } else {
        this.shown.add(w.segment);
      }
      this.outbox.caption({ text, final: w.kind === 'final', segment: w.segment, startSec: w.startSec, endSec: w.endSec, question });
    }
  }

  private takeInterim(): { w: SegmentWindow; question: number } | null {
    const i = this.interim;
    this.interim = null;
    return i && i.w.segment > this.finalUpTo ? i : null;
  }
}
