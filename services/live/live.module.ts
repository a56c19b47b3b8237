/**
 * Live practice, media side (issue 17): the LiveSessionActor and the node's caption engine. The
 * composition root registers `actorTypes` on the media role; the api role's socket handlers
 * (services/api/live.socket.ts) reach the actor through the runtime, also across apps.
 */
import type { ActorType } from '../../dapr/ports/actors.js';
import { LIVE_LIMITS } from '../api/live.contract.js';
import type { Config } from '../config.js';
import { createLiveEngine, type LiveEngine, liveUnavailable } from '../media/live/live-engine.js';
import type { Logger } from '../shared/logger.js';
import type { UploadStore } from '../upload/upload.store.js';
import { EngineFeed } from './engine-feed.js';
import { liveSessionActor } from './live-session.actor.js';

export interface LiveModuleDeps {
  uploads: UploadStore;
  config: Pick<Config, 'LIVE_MAX_SESSIONS'>;
  log: Logger;
  /** The node's caption engine; by default Whisper/pocketsphinx with LIVE_MAX_SESSIONS slots. */
  engine?: LiveEngine;
  /** Why live captions cannot run here (null: they can); by default what the engine module says. */
  unavailable?: () => string | null;
}

export interface LiveModule {
  /** Register on the media role. */
  actorTypes: ActorType[];
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

  return {
    actorTypes: [liveSessionActor({ engine, uploads: d.uploads, log, unavailable }, feed)],
    async close() {
      clearInterval(sweeper);
      await engine.close();
    },
  };
}
