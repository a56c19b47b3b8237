/**
 * One live practice session in the browser (issue 17): MediaRecorder's WebM/Opus slices go to the
 * server as `live.chunk` over the app's socket.io connection, one request at a time (everything not
 * yet sent is joined into the next request, so a slow link never falls behind). Only unacknowledged
 * bytes are kept, bounded by `MAX_UNACKED_BYTES`; after a reconnect `live.resume` says what the server
 * holds and sending continues from there.
 */
import type { Socket } from 'socket.io-client';
import type { LiveCaption, LiveClientToServer, LiveError, LiveNudge, LiveServerToClient, LiveStart } from '../../../services/api/live.contract';
import { LIVE_MAX_CHUNK_BYTES as MAX_CHUNK_BYTES } from '../../../services/contract/limits';
import { ChunkQueue } from './chunk-queue';

export type LiveSocket = Socket<LiveServerToClient, LiveClientToServer>;

/** About 12 minutes of 32 kbit/s Opus the server has not acknowledged: past it, recording stops. */
export const MAX_UNACKED_BYTES = 3 * 1024 * 1024;
export const TIMESLICE_MS = 400;
const ACK_TIMEOUT_MS = 20_000;
const CONNECT_TIMEOUT_MS = 15_000;
const DRAIN_TIMEOUT_MS = 120_000;

export interface SessionHooks {
  caption(c: LiveCaption): void;
  nudge(n: LiveNudge): void;
  /** Connection and backlog, for the page to show. */
  status(s: { connected: boolean; unackedBytes: number; recording: boolean }): void;
  /** Recording stopped but the session goes on (memory bound, longest length): say why. */
  warning(message: string): void;
  /** The server refused the session for good (ended, not found): nothing more can be sent. */
  fatal(e: LiveError): void;
}

/** MediaRecorder's best Opus container here, or undefined when it has none. */
export function pickMimeType(): string | undefined {
  if (typeof MediaRecorder === 'undefined') return undefined;
  return ['audio/webm;codecs=opus', 'audio/ogg;codecs=opus', 'audio/webm'].find((t) => MediaRecorder.isTypeSupported(t));
}

const failure = (code: LiveError['code'], message: string): { ok: false; error: LiveError } => ({ ok: false, error: { code, message } });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function connected(socket: LiveSocket, ms: number): Promise<boolean> {
  if (socket.connected) return Promise.resolve(true);
  return new Promise((resolve) => {
    const done = (ok: boolean) => { clearTimeout(timer); socket.off('connect', onConnect); resolve(ok); };
    const onConnect = () => done(true);
    const timer = setTimeout(() => done(false), ms);
    socket.on('connect', onConnect);
  });
}

export class LiveSession {
  private readonly queue = new ChunkQueue(MAX_UNACKED_BYTES);
  private recorder: MediaRecorder | undefined;
  /** Bytes read from the recorder's blobs, in order. */
  private reading: Promise<void> = Promise.resolve();
  /** Next offset to send; the server acknowledged everything before `queue.acked`. */
  private cursor = 0;
  private pumping = false;
  /** Bumped on every disconnect: acks of an older connection are ignored. */
  private generation = 0;
  /** True while the server has this session bound to the current connection. */
  private bound = true;
  private ended = false;
  private question = 0;

  private constructor(readonly interviewId: string, private readonly socket: LiveSocket, private readonly stream: MediaStream, private readonly hooks: SessionHooks) {
    socket.on('live.caption', this.onCaption);
    socket.on('live.nudge', this.onNudge);
    socket.on('connect', this.onConnect);
    socket.on('disconnect', this.onDisconnect);
  }

  /** `live.start`, then records; on a refusal the caller still owns (and stops) the stream. */
  static async start(socket: LiveSocket, stream: MediaStream, mimeType: string, req: LiveStart, hooks: SessionHooks): Promise<LiveSession | LiveError> {
    if (!(await connected(socket, CONNECT_TIMEOUT_MS))) return failure('invalid_live_request', 'Cannot reach the server. Check your connection and try again.').error;
    const r = await socket.timeout(ACK_TIMEOUT_MS).emitWithAck('live.start', { ...req, mimeType }).catch(() => failure('invalid_live_request', 'The server did not answer. Try again.'));
    if (!r.ok) return r.error;
    const session = new LiveSession(r.interviewId, socket, stream, hooks);
    session.record(mimeType);
    return session;
  }

  private record(mimeType: string) {
    const rec = new MediaRecorder(this.stream, { mimeType, audioBitsPerSecond: 32_000 });
    rec.ondataavailable = (e) => {
      const blob = e.data;
      if (!blob.size) return;
      this.reading = this.reading.then(async () => {
        const over = this.queue.overflowed;
        if (this.queue.push(new Uint8Array(await blob.arrayBuffer()))) return void this.pump();
        if (over) return;
        void this.stopRecording();
        this.hooks.warning('Your connection is not keeping up, so recording stopped to keep this tab from running out of memory. What was recorded is kept: press Finish once you are back online.');
      });
    };
    rec.start(TIMESLICE_MS);
    this.recorder = rec;
    this.report();
  }

  /** The user moved to question `index`; re-sent after a resume if the server missed it. */
  async setQuestion(index: number): Promise<LiveError | undefined> {
    this.question = index;
    if (!this.socket.connected || !this.bound) return undefined;
    const r = await this.socket.timeout(ACK_TIMEOUT_MS).emitWithAck('live.question', { interviewId: this.interviewId, index })
      .catch(() => undefined);
    return r && !r.ok ? r.error : undefined;
  }

  /** Stops recording, waits until the server holds every byte, then `live.finish`. */
  async finish(onWaiting?: (unackedBytes: number) => void): Promise<LiveError | undefined> {
    await this.stopRecording();
    await this.reading;
    const until = Date.now() + DRAIN_TIMEOUT_MS;
    while (this.queue.unacked > 0 && !this.ended) {
      if (Date.now() > until) return failure('invalid_live_request', 'The end of the recording could not be sent. Check your connection, then press Finish again.').error;
      onWaiting?.(this.queue.unacked);
      void this.pump();
      await sleep(200);
    }
    if (!(await connected(this.socket, CONNECT_TIMEOUT_MS))) return failure('invalid_live_request', 'Cannot reach the server. Check your connection, then press Finish again.').error;
    const r = await this.socket.timeout(ACK_TIMEOUT_MS).emitWithAck('live.finish', { interviewId: this.interviewId })
      .catch(() => failure('invalid_live_request', 'The server did not answer. Press Finish again.'));
    // Already finished (the grace period ran out): its interview page still has the report.
    if (!r.ok && r.error.code !== 'live_ended') return r.error;
    this.close();
    return undefined;
  }

  /** Stops the recorder and the microphone; resolves once the recorder's last slice is out. */
  stopRecording(): Promise<void> {
    const rec = this.recorder;
    const stopped = rec && rec.state !== 'inactive'
      ? new Promise<void>((resolve) => { rec.addEventListener('stop', () => resolve(), { once: true }); rec.stop(); })
      : Promise.resolve();
    this.stream.getTracks().forEach((t) => t.stop());
    return stopped.then(() => this.report());
  }

  /** Leaves the session to the server (it finishes it after the resume grace) and stops listening. */
  close(): void {
    void this.stopRecording();
    this.ended = true;
    this.socket.off('live.caption', this.onCaption);
    this.socket.off('live.nudge', this.onNudge);
    this.socket.off('connect', this.onConnect);
    this.socket.off('disconnect', this.onDisconnect);
  }

  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      while (this.socket.connected && this.bound && !this.ended) {
        const next = this.queue.take(this.cursor, MAX_CHUNK_BYTES);
        if (!next) break;
        const gen = this.generation;
        const r = await this.socket.timeout(ACK_TIMEOUT_MS).emitWithAck('live.chunk', { interviewId: this.interviewId, ...next }).catch(() => undefined);
        if (gen !== this.generation) break; // reconnected meanwhile: the resume restarts sending
        if (!r) continue; // no answer in time: the same bytes again (idempotent at the same offset)
        if (r.ok) this.acked(r.receivedBytes);
        else if (r.error.code === 'offset_mismatch' && r.error.receivedBytes !== undefined) this.acked(r.error.receivedBytes);
        else if (r.error.code === 'recording_too_long') {
          this.queue.drop();
          void this.stopRecording();
          this.hooks.warning('The session has reached its longest length, so recording stopped. Press Finish to get your report.');
        } else return this.end(r.error);
      }
    } catch (err) {
      this.end(failure('invalid_live_request', (err as Error).message).error);
    } finally {
      this.pumping = false;
      this.report();
    }
  }

  private acked(receivedBytes: number) {
    this.queue.ack(receivedBytes);
    this.cursor = receivedBytes;
    this.report();
  }

  private end(e: LiveError) {
    this.close();
    this.hooks.fatal(e);
  }

  private report() {
    this.hooks.status({ connected: this.socket.connected, unackedBytes: this.queue.unacked, recording: this.recorder?.state === 'recording' });
  }

  private readonly onCaption = (c: LiveCaption) => { if (c.interviewId === this.interviewId) this.hooks.caption(c); };
  private readonly onNudge = (n: LiveNudge) => { if (n.interviewId === this.interviewId) this.hooks.nudge(n); };
  private readonly onDisconnect = () => {
    this.generation++;
    this.bound = false;
    this.report();
  };
  private readonly onConnect = async () => {
    const gen = this.generation;
    const r = await this.socket.timeout(ACK_TIMEOUT_MS).emitWithAck('live.resume', { interviewId: this.interviewId }).catch(() => undefined);
    if (gen !== this.generation || this.ended) return;
    if (!r) return void setTimeout(() => { if (gen === this.generation && this.socket.connected) void this.onConnect(); }, 2000);
    if (!r.ok) return this.end(r.error);
    this.bound = true;
    this.acked(r.receivedBytes);
    if (r.question !== this.question) void this.setQuestion(this.question);
    void this.pump();
  };
}
