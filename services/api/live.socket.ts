/**
 * Live practice over the authenticated socket (api role, issue 17): validates the contract's
 * requests, creates the `source: 'live'` interview, and relays everything else to the session's
 * LiveSessionActor (media role), which answers `not_found` to anyone but the owner. While a session
 * is bound to a socket, its captions and nudges are drained and sent to the owner's room only.
 */
import type { z } from 'zod';
import type { ActorClient } from '../../dapr/ports/actors.js';
import type { InterviewService } from '../interviews/interview.service.js';
import { LIVE_SESSION_ACTOR, type LiveResult, type LiveSessionMethods, liveError } from '../live/live-session.types.js';
import type { Logger } from '../shared/logger.js';
import { userRoom } from './events.js';
import {
  LiveChunkSchema, type LiveClientToServer, LiveFinishSchema, LiveQuestionChangeSchema, LiveResumeSchema, type LiveStart, LiveStartSchema,
} from './live.contract.js';
import type { IoServer } from './socket.js';

export interface LiveSocketDeps {
  actors: ActorClient;
  service: InterviewService;
  log: Logger;
  /** How often a bound session's captions are drained. */
  drainEveryMs?: number;
}

type Socket = Parameters<Parameters<IoServer['on']>[1]>[0];
type Method = keyof LiveSessionMethods;
type Payload<M extends Method> = Omit<Parameters<LiveSessionMethods[M]>[0], 'uid'>;
type Result<M extends Method> = ReturnType<LiveSessionMethods[M]>;

/** MediaRecorder's Opus containers; anything else would not decode in the caption engine. */
const OPUS = /^audio\/(webm|ogg)(;\s*codecs="?opus"?)?$/i;
const DEFAULT_TITLE = 'Live practice';
const SERVER_ERROR_MESSAGE = 'Something went wrong on our side; try again.';
const inProgress = (interviewId: string) => liveError('live_in_progress', 'You already have a live practice running; finish it first.', { interviewId });

export function attachLiveSocket(io: IoServer, d: LiveSocketDeps): { close(): void } {
  const drainEveryMs = d.drainEveryMs ?? 250;
  const timers = new Set<NodeJS.Timeout>();
  const call = <M extends Method>(id: string, method: M, uid: string, payload: Payload<M>) =>
    d.actors.invoke<Result<M>>(LIVE_SESSION_ACTOR, id, method, { ...payload, uid });

  io.on('connection', (socket: Socket) => {
    const uid = socket.data.user?.uid;
    if (!uid) return;
    const bound = new Set<string>();
    let draining = false;
    let timer: NodeJS.Timeout | undefined;
    // A socket's requests reach the actor in the order sent: over Dapr, concurrent calls may not,
    // and a finish overtaking the last chunk would cut the recording short.
    let queue: Promise<unknown> = Promise.resolve();
    const inOrder = <T>(fn: () => Promise<T>): Promise<T> => {
      const next = queue.then(fn);
      queue = next.catch(() => undefined);
      return next;
    };

    /** Sends what the session produced to the owner's room; false once it is over. */
    async function drainOne(id: string): Promise<boolean> {
      const r = await call(id, 'drain', uid!, {});
      if (!r.ok) return false;
      const room = io.to(userRoom(uid!));
      for (const c of r.captions) room.emit('live.caption', { ...c, interviewId: id });
      for (const n of r.nudges) room.emit('live.nudge', { ...n, interviewId: id });
      return !r.ended;
    }
    const tick = async () => {
      if (draining) return; // a slow media node: skip a beat rather than pile calls up
      draining = true;
      try {
        for (const id of [...bound]) {
          const alive = await drainOne(id).catch((err: unknown) => {
            d.log.debug({ err, interviewId: id }, 'live drain failed');
            return true;
          });
          if (!alive) unbind(id);
        }
      } finally {
        draining = false;
      }
    };
    const bind = (id: string) => {
      bound.add(id);
      if (!timer) {
        timer = setInterval(() => void tick(), drainEveryMs);
        timers.add(timer);
      }
    };
    function unbind(id: string) {
      bound.delete(id);
      if (bound.size === 0 && timer) stop();
    }
    function stop() {
      if (timer) clearInterval(timer);
      timers.delete(timer!);
      timer = undefined;
    }
    socket.on('disconnect', () => {
      bound.clear();
      stop();
    });

    const handle = <E extends keyof LiveClientToServer, S extends z.ZodType>(event: E, schema: S, run: (req: z.infer<S>) => Promise<LiveResult<object>>) => {
      // Untyped on purpose: a client may send anything, with or without an ack callback.
      (socket.on as (ev: string, fn: (...args: unknown[]) => void) => void)(event, (...args: unknown[]) => {
        const ack = typeof args.at(-1) === 'function' ? (args.pop() as (r: unknown) => void) : () => {};
        const parsed = schema.safeParse(args[0]);
        if (!parsed.success) return ack(liveError('invalid_live_request', describe(parsed.error)));
        run(parsed.data).then(ack, (err: unknown) => {
          d.log.error({ err, event, uid }, 'live request failed');
          ack(liveError('server_error', SERVER_ERROR_MESSAGE));
        });
      });
    };

    handle('live.start', LiveStartSchema, async (req: LiveStart) => {
      if (req.mimeType && !OPUS.test(req.mimeType)) return liveError('invalid_live_request', 'record audio as WebM/Opus or Ogg/Opus');
      // One live session per user: a second tab would split the practice and hold a second slot.
      const running = await liveInterview();
      if (running) return inProgress(running);
      const interview = await d.service.create(uid, {
        title: req.title?.trim() ?? DEFAULT_TITLE, source: 'live', ...(req.jobDescription?.trim() && { jobDescription: req.jobDescription }),
      });
      let r: Result<'start'>;
      try {
        r = await call(interview.id, 'start', uid, { questions: req.questions });
      } catch (err) {
        await eraseQuietly(interview.id);
        throw err;
      }
      // Busy or unavailable: the interview made for it must not linger as an empty `created` one.
      if (!r.ok) {
        await eraseQuietly(interview.id);
        return r;
      }
      // Two starts at once both pass the check above; each that then sees another gives up its own
      // (both may: at most one survives, never two).
      const other = await liveInterview(interview.id);
      if (other) {
        // Erased rather than finished (a finished empty session would tell the user it failed);
        // the drain then finds the session gone and frees its engine slot.
        await eraseQuietly(interview.id);
        await call(interview.id, 'drain', uid, {}).catch(() => undefined);
        return inProgress(other);
      }
      bind(interview.id);
      return r;
    });
    handle('live.resume', LiveResumeSchema, async ({ interviewId }) => {
      const r = await inOrder(() => call(interviewId, 'resume', uid, {}));
      if (r.ok) bind(interviewId);
      return r;
    });
    handle('live.chunk', LiveChunkSchema, async ({ interviewId, offset, data }) => {
      const base64 = Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('base64');
      const r = await inOrder(() => call(interviewId, 'chunk', uid, { offset, data: base64 }));
      if (r.ok) bind(interviewId);
      return r;
    });
    handle('live.question', LiveQuestionChangeSchema, ({ interviewId, index }) => inOrder(() => call(interviewId, 'question', uid, { index })));
    handle('live.finish', LiveFinishSchema, async ({ interviewId }) => {
      const r = await inOrder(async () => {
        // Captions still queued go out before the engine session closes.
        if (bound.has(interviewId)) await drainOne(interviewId).catch(() => false);
        return call(interviewId, 'finish', uid, {});
      });
      unbind(interviewId);
      return r;
    });

    /** The user's interview that is recording live, other than `except`. */
    async function liveInterview(except?: string): Promise<string | undefined> {
      return (await d.service.list(uid!)).find((i) => i.status === 'live' && i.id !== except)?.id;
    }

    async function eraseQuietly(id: string) {
      await d.service.erase(uid!, id).catch((err: unknown) => d.log.warn({ err, interviewId: id }, 'erasing an unstarted live interview failed'));
    }
  });

  return {
    close() {
      for (const t of timers) clearInterval(t);
      timers.clear();
    },
  };
}

function describe(err: z.ZodError): string {
  const issues = err.issues.slice(0, 3).map((i) => `${i.path.length ? i.path.join('.') : 'request'}: ${i.message}`);
  return `invalid live request (${issues.join('; ')})`;
}
