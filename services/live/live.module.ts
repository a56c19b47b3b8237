/**
 * Live practice, server side (issue 17). The composition root registers `actorTypes` on the media
 * role (the LiveSessionActor and the caption engine live in that process) and calls `attachSocket`
 * on the api role (the socket handlers reach the actor through the runtime, also across apps).
 */
import type { ActorClient, ActorType } from '../../dapr/ports/actors.js';
import type { IoServer } from '../api/socket.js';
import { LIVE_LIMITS } from '../api/live.contract.js';
import { attachLiveSocket } from '../api/live.socket.js';
import type { Config } from '../config.js';
import type { InterviewService } from '../interviews/interview.service.js';
import { createLiveEngine, type LiveEngine, liveUnavailable } from '../media/live/live-engine.js';
import type { Logger } from '../shared/logger.js';
import type { UploadStore } from '../upload/upload.store.js';
import { EngineFeed } from './engine-feed.js';
import { liveSessionActor } from './live-session.actor.js';

export interface LiveModuleDeps {
  actors: ActorClient;
  uploads: UploadStore;
  service: InterviewService;
  config: Pick<Config, 'LIVE_MAX_SESSIONS'>;
  log: Logger;
  /** The node's caption engine; by default Whisper/pocketsphinx with LIVE_MAX_SESSIONS slots. */
  engine?: LiveEngine;
  /** Why live captions cannot run here (null: they can); by default what the engine module says. */
  unavailable?: () => string | null;
  drainEveryMs?: number;
}

export interface LiveModule {
  /** Register on the media role. */
  actorTypes: ActorType[];
  /** Call on the api role. */
  attachSocket(io: IoServer): void;
  close(): Promise<void>;
}

/** An engine slot nobody fed for this long is freed (its session ended or moved; the grace is long past). */
const SWEEP_IDLE_MS = 2 * LIVE_LIMITS.resumeGraceSec * 1000;

export function createLive(d: LiveModuleDeps): LiveModule {
  const log = d.log.child({ component: 'live' });
  const engine = d.engine ?? createLiveEngine({ capacity: d.config.LIVE_MAX_SESSIONS, log });
  let why: string | null | undefined;
  const unavailable = d.unavailable ?? (d.engine ? () => null : () => (why === undefined ? (why = liveUnavailable()) : why));
  const feed = new EngineFeed(engine, log);
  const sweeper = setInterval(() => void feed.sweep(SWEEP_IDLE_MS).catch((err: unknown) => log.warn({ err }, 'live sweep failed')), 30_000);
  sweeper.unref();
  const sockets: { close(): void }[] = [];

  return {
    actorTypes: [liveSessionActor({ engine, uploads: d.uploads, log, unavailable }, feed)],
    attachSocket(io) {
      sockets.push(attachLiveSocket(io, { actors: d.actors, service: d.service, log, ...(d.drainEveryMs && { drainEveryMs: d.drainEveryMs }) }));
    },
    async close() {
      clearInterval(sweeper);
      for (const s of sockets.splice(0)) s.close();
      await engine.close();
    },
  };
}
