/**
 * LiveSessionActor (media role): one live practice session, keyed by its interview id. It owns the
 * recording, written through the upload store's tus DataStore (so storage, expiry and erase are the
 * tus ones), feeds the node's caption engine, and tells the InterviewActor when the recording
 * starts, grows and ends. Chunks are idempotent by offset, so a client that lost its socket re-sends
 * from `receivedBytes` and nothing is lost or doubled. A reminder finishes a session nobody resumed.
 */
import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { Upload } from '@tus/utils';
import { INTERVIEW_ACTOR, type DispatchResult, type InterviewCommand } from '../../actors/interview.actor.js';
import type { ActorContext, ActorType } from '../../dapr/ports/actors.js';
import { LIVE_LIMITS, type LiveStarted } from '../api/live.contract.js';
import type { LiveEngine } from '../media/live/live-engine.js';
import type { Logger } from '../shared/logger.js';
import { type UploadStore, uploadIdFor } from '../upload/upload.store.js';
import { EngineFeed } from './engine-feed.js';
import {
  BUSY_MESSAGE, BUSY_RETRY_AFTER_SEC, type ChunkPayload, ended, LIVE_SESSION_ACTOR, type LiveCall, liveError, type LiveResult, notFound,
  type QuestionPayload, type StartPayload,
} from './live-session.types.js';
import { addMark, PROGRESS, type Progress, SESSION, type Session, type Stored } from './live-session.state.js';

const IDLE = 'idle';
/** The interview's deadline is refreshed at most this often (each refresh is a durable reminder write). */
const PROGRESS_EVERY_MS = 10_000;
/** Opus from MediaRecorder stays far below 256 kbit/s: a byte cap that matches maxSessionSec. */
const MAX_BYTES = LIVE_LIMITS.maxSessionSec * 32_000;
const GRACE_MS = LIVE_LIMITS.resumeGraceSec * 1000;

export interface LiveSessionDeps {
  engine: LiveEngine;
  uploads: UploadStore;
  log: Logger;
  /** Why no caption engine can run on this node (null: it can). */
  unavailable: () => string | null;
}

export function liveSessionActor(d: LiveSessionDeps, feed = new EngineFeed(d.engine, d.log)): ActorType {
  const load = async (ctx: ActorContext, uid?: string): Promise<Stored | null> => {
    const s = await ctx.state.get<Session>(SESSION);
    const p = await ctx.state.get<Progress>(PROGRESS);
    if (!s || !p || (uid !== undefined && s.ownerUid !== uid)) return null;
    return { s, p };
  };
  const dispatch = (ctx: ActorContext, command: InterviewCommand) => ctx.actors.invoke<DispatchResult>(INTERVIEW_ACTOR, ctx.id, 'dispatch', command);
  /**
   * Where the recording is now, in its own time: the audio this node's engine has decoded (it lags
   * the click by at most a slice and the decoder's buffer), else the time since start. A dropped
   * socket leaves no gap to subtract: the browser keeps recording and re-sends from receivedBytes.
   */
  const positionSec = (ctx: ActorContext, st: Stored): number => d.engine.get(ctx.id)?.positionSec ?? (ctx.now() - st.s.startedAt) / 1000;
  const started = ({ p }: Stored, id: string): LiveResult<LiveStarted> => ({ ok: true, interviewId: id, receivedBytes: p.receivedBytes, question: p.question });

  /** The interview is gone (erased mid-session): leave nothing behind. */
  async function forget(ctx: ActorContext, st: Stored): Promise<void> {
    await feed.close(ctx.id);
    await d.uploads.tus.remove(st.s.uploadId).catch(() => undefined);
    ctx.state.delete(SESSION);
    ctx.state.delete(PROGRESS);
    ctx.unregisterReminder(IDLE);
  }

  /** Ends the recording and hands it to the interview (as if uploaded); idempotent by event id. */
  async function end(ctx: ActorContext, st: Stored): Promise<'ended' | 'gone'> {
    await feed.close(ctx.id);
    const { uploadId } = st.s;
    const size = st.p.receivedBytes;
    let res: DispatchResult;
    if (size === 0) {
      await d.uploads.tus.remove(uploadId).catch(() => undefined);
      res = await dispatch(ctx, { type: 'stageFailed', eventId: `live-end:${uploadId}`, stage: 'upload', code: 'no_speech', message: 'the live session ended before any audio arrived' });
    } else {
      await d.uploads.tus.declareUploadLength(uploadId, size).catch(async (err: unknown) => {
        // Gone with an erase racing us: the interview answers below. Anything else is retried.
        if (await d.uploads.tus.getUpload(uploadId).then(() => true, () => false)) throw err;
      });
      res = await dispatch(ctx, { type: 'liveEnded', eventId: `live-end:${uploadId}`, key: uploadId, size, ...(st.p.marks && { marks: st.p.marks }) });
    }
    if (res.outcome === 'rejected') {
      if (!res.state || res.state.status === 'deleted') return forget(ctx, st).then(() => 'gone' as const);
      // The interview would not take it (it moved on meanwhile): do not keep an orphan recording.
      d.log.warn({ interviewId: ctx.id, error: res.error }, 'live recording refused by the interview');
      await d.uploads.tus.remove(uploadId).catch(() => undefined);
    }
    // What stays is what erase needs to find and what a late resume needs to hear `live_ended`.
    ctx.state.set<Session>(SESSION, { ...st.s, questions: [], head: '' });
    ctx.state.set<Progress>(PROGRESS, { ...st.p, ended: true });
    ctx.unregisterReminder(IDLE);
    d.log.info({ interviewId: ctx.id, bytes: size }, 'live session ended');
    return 'ended';
  }

  async function start(ctx: ActorContext, { uid, questions }: StartPayload): Promise<LiveResult<LiveStarted>> {
    const existing = await ctx.state.get<Session>(SESSION);
    if (existing) {
      // A retried start (the ack was lost) answers like a resume; anyone else hears nothing.
      const st = await load(ctx, uid);
      if (!st) return notFound();
      return st.p.ended ? ended() : started(st, ctx.id);
    }
    const why = d.unavailable();
    if (why) return liveError('live_unavailable', `Live practice is not available on this server: ${why}.`);
    if (d.engine.open(ctx.id, { questions }) === 'busy') return liveError('live_busy', BUSY_MESSAGE, { retryAfterSec: BUSY_RETRY_AFTER_SEC });
    feed.touch(ctx.id);
    const now = ctx.now();
    const uploadId = uploadIdFor(ctx.id, randomBytes(12).toString('hex'));
    try {
      await d.uploads.tus.create(new Upload({ id: uploadId, offset: 0, metadata: { interviewId: ctx.id, filename: 'live.webm', filetype: 'audio/webm' }, creation_date: new Date(now).toISOString() }));
      // The questions go to the interview now, so a deadline-finished recording still has them.
      const script = questions.map((q) => ({ text: q.text, ...(q.kind && { kind: q.kind }) }));
      const res = await dispatch(ctx, { type: 'liveStarted', eventId: `live-start:${uploadId}`, key: uploadId, questions: script });
      if (res.outcome === 'rejected' || res.state.status !== 'live') {
        await feed.close(ctx.id);
        await d.uploads.tus.remove(uploadId).catch(() => undefined);
        return notFound();
      }
    } catch (err) {
      await feed.close(ctx.id);
      await d.uploads.tus.remove(uploadId).catch(() => undefined);
      throw err;
    }
    const st: Stored = {
      s: { interviewId: ctx.id, ownerUid: uid, uploadId, questions, startedAt: now, head: '' },
      p: { receivedBytes: 0, question: 0, lastChunkAt: now, lastSeenAt: now, reportedBytes: 0, reportedAt: now, ended: false, headDone: false, marks: [{ index: 0, atSec: 0 }] },
    };
    ctx.state.set(SESSION, st.s);
    ctx.state.set(PROGRESS, st.p);
    ctx.registerReminder(IDLE, { dueTimeMs: GRACE_MS });
    d.log.info({ interviewId: ctx.id, uploadId }, 'live session started');
    return started(st, ctx.id);
  }

  async function chunk(ctx: ActorContext, { uid, offset, data }: ChunkPayload): Promise<LiveResult<{ receivedBytes: number }>> {
    const st = await load(ctx, uid);
    if (!st) return notFound();
    if (st.p.ended) return ended();
    const bytes = Buffer.from(typeof data === 'string' ? data : '', 'base64');
    if (!Number.isSafeInteger(offset) || offset < 0 || bytes.length === 0 || bytes.length > LIVE_LIMITS.maxChunkBytes) {
      return liveError('invalid_live_request', `a chunk is 1..${LIVE_LIMITS.maxChunkBytes} bytes at a non-negative offset`);
    }
    const received = st.p.receivedBytes;
    if (offset + bytes.length <= received) return { ok: true, receivedBytes: received }; // a re-sent chunk
    if (offset > received) return liveError('offset_mismatch', `the server holds ${received} bytes; re-send from there`, { receivedBytes: received });
    const now = ctx.now();
    const tail = bytes.subarray(received - offset);
    if (now - st.s.startedAt > LIVE_LIMITS.maxSessionSec * 1000 || received + tail.length > MAX_BYTES) {
      return liveError('recording_too_long', `a live session records at most ${LIVE_LIMITS.maxSessionSec / 60} minutes; finish it to get the report`);
    }
    let next: number;
    try {
      next = await d.uploads.tus.write(Readable.from([tail]), st.s.uploadId, received);
    } catch (err) {
      // The file is gone when the interview was erased meanwhile.
      const res = await dispatch(ctx, { type: 'liveProgress', eventId: `live-progress:${st.s.uploadId}:${received}`, bytes: received });
      if (res.outcome === 'rejected') return forget(ctx, st).then(notFound);
      // A store that only appends (Azure) already holds bytes a turn wrote before it failed to
      // commit: they are the client's own, so take them and ask for the rest from there.
      const held = await d.uploads.tus.getUpload(st.s.uploadId).then((u) => u.offset, () => undefined);
      if (held === undefined || held <= received) throw err;
      ctx.state.set<Progress>(PROGRESS, { ...st.p, receivedBytes: held, lastChunkAt: now, lastSeenAt: now });
      return liveError('offset_mismatch', `the server holds ${held} bytes; re-send from there`, { receivedBytes: held });
    }
    const head = feed.captureHead(st, tail);
    const p: Progress = { ...st.p, ...head.p, receivedBytes: next, lastChunkAt: now, lastSeenAt: now };
    feed.push(ctx.id, { s: head.s, p }, tail, now);
    if (head.s !== st.s) ctx.state.set(SESSION, head.s);
    if (st.p.reportedBytes === 0 || now - st.p.reportedAt >= PROGRESS_EVERY_MS) {
      const res = await dispatch(ctx, { type: 'liveProgress', eventId: `live-progress:${st.s.uploadId}:${next}`, bytes: next });
      if (res.outcome === 'rejected') return forget(ctx, st).then(notFound);
      if (res.state.status !== 'live') {
        // The interview finished the recording without us (its deadline): this session is over.
        await feed.close(ctx.id);
        ctx.state.set<Progress>(PROGRESS, { ...p, ended: true });
        ctx.unregisterReminder(IDLE);
        return ended();
      }
      Object.assign(p, { reportedBytes: next, reportedAt: now });
    }
    ctx.state.set(PROGRESS, p);
    return { ok: true, receivedBytes: next };
  }

  return {
    type: LIVE_SESSION_ACTOR,
    methods: {
      start,
      chunk,
      async resume(ctx, { uid }: LiveCall) {
        const st = await load(ctx, uid);
        if (!st) return notFound();
        if (st.p.ended) return ended();
        ctx.state.set<Progress>(PROGRESS, { ...st.p, lastSeenAt: ctx.now() });
        return started(st, ctx.id);
      },
      async question(ctx, { uid, index }: QuestionPayload): Promise<LiveResult> {
        const st = await load(ctx, uid);
        if (!st) return notFound();
        if (st.p.ended) return ended();
        if (!Number.isInteger(index) || index < 0 || index >= st.s.questions.length) {
          return liveError('invalid_live_request', `question index must be 0..${st.s.questions.length - 1}`);
        }
        const before = st.p.marks;
        const marks = before ? addMark(before, index, positionSec(ctx, st)) : undefined;
        const last = marks?.[marks.length - 1];
        if (marks && last && JSON.stringify(marks) !== JSON.stringify(before)) {
          // Marks reach the interview at once: a session lost later still has them for the report.
          const res = await dispatch(ctx, { type: 'liveProgress', eventId: `live-mark:${st.s.uploadId}:${marks.length}:${last.index}@${last.atSec}`, bytes: st.p.receivedBytes, marks });
          if (res.outcome === 'rejected') return forget(ctx, st).then(notFound);
        }
        d.engine.get(ctx.id)?.setQuestion(index);
        ctx.state.set<Progress>(PROGRESS, { ...st.p, question: index, lastSeenAt: ctx.now(), ...(marks && { marks }) });
        return { ok: true };
      },
      async finish(ctx, { uid }: LiveCall): Promise<LiveResult<{ interviewId: string }>> {
        const st = await load(ctx, uid);
        if (!st) return notFound();
        if (!st.p.ended && (await end(ctx, st)) === 'gone') return notFound();
        return { ok: true, interviewId: ctx.id };
      },
      async drain(ctx, { uid }: LiveCall) {
        const st = await load(ctx, uid);
        if (!st) {
          // Erased (state purged) while a socket still drains: free the engine slot too.
          if (!(await ctx.state.get(SESSION))) await feed.close(ctx.id);
          return notFound();
        }
        if (st.p.ended) return { ok: true, captions: [], nudges: [], ended: true };
        const out = d.engine.get(ctx.id)?.drain() ?? { captions: [], nudges: [] };
        return { ok: true, ...out, ended: false };
      },
    },
    async onReminder(ctx, name) {
      if (name !== IDLE) return;
      const st = await load(ctx);
      if (!st || st.p.ended) return;
      const left = st.p.lastSeenAt + GRACE_MS - ctx.now();
      if (left > 0) return ctx.registerReminder(IDLE, { dueTimeMs: left });
      await end(ctx, st);
    },
    async onDeactivate(ctx) {
      // The engine session lives in this process's memory: an idle, unloaded actor frees its slot.
      await feed.close(ctx.id);
    },
  };
}
