/**
 * InterviewService.list() reads the summaries the UserActor keeps: one actor call for a user whose
 * entries all have one. Entries written before summaries existed are read from their interview once
 * and backfilled; entries whose interview never came to be, or is deleted, are not listed.
 */
import { afterEach, beforeEach, expect, it } from '@jest/globals';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { interviewActor } from '../../../actors/interview.actor.js';
import { InterviewClient } from '../../../actors/interview.client.js';
import { defaultPolicy } from '../../../actors/interview.types.js';
import { USER_ACTOR, userActor } from '../../../actors/user.actor.js';
import { createEmbeddedRuntime, type EmbeddedRuntime } from '../../../dapr/embedded/runtime.js';
import type { ActorClient, ActorType } from '../../../dapr/ports/actors.js';
import { Artifacts } from '../../../services/shared/artifacts.js';
import { createLogger } from '../../../services/shared/logger.js';
import { InterviewService } from '../../../services/interviews/interview.service.js';
import type { UploadStore } from '../../../services/upload/upload.store.js';

const ALICE = 'uid-alice';
let dataDir: string;
const runtimes: EmbeddedRuntime[] = [];

beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ib-list-'));
});
afterEach(async () => {
  for (const r of runtimes.splice(0)) await r.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** The InterviewActor as it was before summaries: its calls to the UserActor never happen. */
function withoutSummaries(def: ActorType): ActorType {
  const methods = Object.fromEntries(
    Object.entries(def.methods).map(([name, fn]) => [
      name,
      (ctx: Parameters<typeof fn>[0], arg: unknown) => {
        const actors: ActorClient = { invoke: (type, id, method, payload) => (type === USER_ACTOR && method === 'putSummary' ? Promise.resolve(null as never) : ctx.actors.invoke(type, id, method, payload)) };
        return fn({ ...ctx, actors }, arg);
      },
    ]),
  );
  return { ...def, methods };
}

async function start(legacy: boolean) {
  const runtime = createEmbeddedRuntime({ dataDir, pollIntervalMs: 20 });
  runtimes.push(runtime);
  const interview = interviewActor(defaultPolicy);
  runtime.actors.register(legacy ? withoutSummaries(interview) : interview);
  runtime.actors.register(userActor);
  await runtime.start();
  const interviews = new InterviewClient(runtime.actors);
  const service = new InterviewService({
    interviews,
    actors: runtime.actors,
    artifacts: new Artifacts(runtime.bindings),
    uploads: {} as UploadStore, // create, update, list and delete never touch uploads
    log: createLogger('silent'),
  });
  return { runtime, interviews, service };
}

/** Counts actor calls by type while `body` runs. */
async function counting<T>(runtime: EmbeddedRuntime, body: () => Promise<T>): Promise<{ result: T; calls: Record<string, number> }> {
  const calls: Record<string, number> = {};
  const original = runtime.actors.invoke.bind(runtime.actors);
  runtime.actors.invoke = (type, id, method, payload) => {
    calls[type] = (calls[type] ?? 0) + 1;
    return original(type, id, method, payload);
  };
  try {
    return { result: await body(), calls };
  } finally {
    runtime.actors.invoke = original;
  }
}

it('lists from summaries in one actor call, newest first, with what each transition changed', async () => {
  const { runtime, service } = await start(false);
  const a = await service.create(ALICE, { title: 'first' });
  const b = await service.create(ALICE, { title: 'second' });
  await service.update(ALICE, a.id, { title: 'first, renamed' });
  const { result, calls } = await counting(runtime, () => service.list(ALICE));
  expect(result.map((s) => [s.id, s.title, s.status])).toEqual([
    [b.id, 'second', 'created'],
    [a.id, 'first, renamed', 'created'],
  ]);
  expect(calls).toEqual({ [USER_ACTOR]: 1 });
  expect(await service.list('uid-bob')).toEqual([]);
});

it('entries from before summaries are read once and backfilled; orphaned and deleted ones are not listed', async () => {
  const old = await start(true);
  const a = await old.service.create(ALICE, { title: 'legacy a' });
  const b = await old.service.create(ALICE, { title: 'legacy b' });
  await old.interviews.index(ALICE).add({ id: 'never-created', createdAt: Date.now() }); // a crash between index and create
  expect((await old.interviews.index(ALICE).list()).some((e) => e.summary)).toBe(false);
  await old.runtime.stop();

  const next = await start(false);
  const first = await counting(next.runtime, () => next.service.list(ALICE));
  expect(first.result.map((s) => s.title)).toEqual(['legacy b', 'legacy a']);
  expect(first.calls['InterviewActor']).toBe(3); // each entry without a summary, once
  const second = await counting(next.runtime, () => next.service.list(ALICE));
  expect(second.result).toEqual(first.result);
  expect(second.calls).toEqual({ [USER_ACTOR]: 1, InterviewActor: 1 }); // only the orphan is looked up again

  // Deleted: gone from the list at once, even before the erase removes the entry.
  await next.interviews.dispatch(b.id, { type: 'delete', eventId: `delete:${b.id}` });
  expect((await next.service.list(ALICE)).map((s) => s.id)).toEqual([a.id]);
});
