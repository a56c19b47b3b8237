/**
 * The live server side on the embedded runtime (SQLite in a temp dir, ManualClock): the real
 * InterviewActor, UserActor, InterviewService, local tus upload store and LiveSessionActor, with a
 * fake caption engine. Every `interview.uploaded` message is recorded.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { interviewActor } from '../../../actors/interview.actor.js';
import { InterviewClient } from '../../../actors/interview.client.js';
import { defaultPolicy } from '../../../actors/interview.types.js';
import { userActor } from '../../../actors/user.actor.js';
import { ManualClock } from '../../../dapr/embedded/clock.js';
import { createEmbeddedRuntime, type EmbeddedRuntime } from '../../../dapr/embedded/runtime.js';
import { InterviewService } from '../../../services/interviews/interview.service.js';
import { createLive, type LiveModule } from '../../../services/live/live.module.js';
import { LIVE_SESSION_ACTOR, type LiveSessionMethods } from '../../../services/live/live-session.types.js';
import { Artifacts } from '../../../services/shared/artifacts.js';
import { createLogger } from '../../../services/shared/logger.js';
import { LocalUploadStore } from '../../../services/upload/upload.store.js';
import { type FakeEngine, fakeEngine } from './fake-engine.js';

export interface LiveHarness {
  runtime: EmbeddedRuntime;
  clock: ManualClock;
  engine: FakeEngine;
  uploads: LocalUploadStore;
  uploadDir: string;
  service: InterviewService;
  interviews: InterviewClient;
  live: LiveModule;
  uploaded: Record<string, unknown>[];
  call<M extends keyof LiveSessionMethods>(id: string, method: M, payload: Parameters<LiveSessionMethods[M]>[0]): Promise<ReturnType<LiveSessionMethods[M]>>;
  stop(): Promise<void>;
}

export async function liveHarness(opts: { capacity?: number; systemClock?: boolean } = {}): Promise<LiveHarness> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ib-live-'));
  const clock = new ManualClock(Date.UTC(2026, 0, 1));
  const runtime = createEmbeddedRuntime({ dataDir, pollIntervalMs: 10, ...(!opts.systemClock && { clock }) });
  const log = createLogger(process.env.TEST_LOG_LEVEL ?? 'silent');
  const uploadDir = path.join(dataDir, 'uploads');
  const uploads = new LocalUploadStore(uploadDir, 24 * 3_600_000);
  const interviews = new InterviewClient(runtime.actors);
  const service = new InterviewService({ interviews, actors: runtime.actors, artifacts: new Artifacts(runtime.bindings), uploads, log });
  const engine = fakeEngine(opts.capacity ?? 3);
  const live = createLive({ uploads, config: { LIVE_MAX_SESSIONS: engine.capacity }, log, engine });
  runtime.actors.register(interviewActor(defaultPolicy));
  runtime.actors.register(userActor);
  for (const t of live.actorTypes) runtime.actors.register(t);
  const uploaded: Record<string, unknown>[] = [];
  runtime.pubsub('pubsub').subscribe<Record<string, unknown>>('interview.uploaded', async (e) => {
    uploaded.push(e.data);
    return 'SUCCESS';
  });
  runtime.pubsub('pubsub').subscribe<{ id: string; ownerUid: string }>('interview.deleted', async (e) => {
    await service.finishErase(e.data.ownerUid, e.data.id);
    return 'SUCCESS';
  });
  await runtime.start();
  return {
    runtime, clock, engine, uploads, uploadDir, service, interviews, live, uploaded,
    call: (id, method, payload) => runtime.actors.invoke(LIVE_SESSION_ACTOR, id, method, payload),
    async stop() {
      await live.close();
      await runtime.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A WebM-shaped recording: an EBML "header", then Clusters (ID 1F43B675, unknown size, Timecode `ms`) of filler. */
export function webm(clusters: { ms: number; bytes: number }[]): { bytes: Buffer; headLength: number; clusterAt: number[] } {
  const head = Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0x84, 0x42, 0x86, 0x81, 0x01, 0x16, 0x54, 0xae, 0x6b, 0x80]);
  const parts: Buffer[] = [head];
  const clusterAt: number[] = [];
  let at = head.length;
  for (const c of clusters) {
    const tc = Buffer.from([0xe7, 0x82, (c.ms >> 8) & 0xff, c.ms & 0xff]);
    const cluster = Buffer.concat([Buffer.from([0x1f, 0x43, 0xb6, 0x75, 0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]), tc, Buffer.alloc(c.bytes, 0x55)]);
    clusterAt.push(at);
    parts.push(cluster);
    at += cluster.length;
  }
  return { bytes: Buffer.concat(parts), headLength: head.length, clusterAt };
}
