/**
 * InterviewActor and UserActor hosted on the embedded runtime (SQLite in a temp dir), driven through
 * the typed InterviewClient. Time is a ManualClock: a 15-minute deadline is `clock.advance()` +
 * `runtime.settle()`, so these tests run in milliseconds of real time.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { interviewActor, type InterviewCommand } from '../../../actors/interview.actor.js';
import type { ActorType } from '../../../dapr/ports/actors.js';
import { InterviewClient } from '../../../actors/interview.client.js';
import { defaultPolicy, type InterviewState, type Topic } from '../../../actors/interview.types.js';
import { summaryOf } from '../../../actors/interview.summary.js';
import { userActor } from '../../../actors/user.actor.js';
import { ManualClock } from '../../../dapr/embedded/clock.js';
import { createEmbeddedRuntime, type EmbeddedRuntime } from '../../../dapr/embedded/runtime.js';
import type { CloudEvent } from '../../../dapr/ports/pubsub.js';

const policy = defaultPolicy;
const TOPICS: Topic[] = ['interview.progress', 'interview.uploaded', 'interview.transcribed', 'interview.completed', 'interview.failed', 'interview.deleted'];
const ALICE = 'uid-alice';
const BOB = 'uid-bob';
const MEDIA = { key: 'media/uid-alice/iv-1', size: 4096 };

interface Host {
  runtime: EmbeddedRuntime;
  client: InterviewClient;
  /** Every message delivered to the subscribed topics, in delivery order. */
  got: CloudEvent<Record<string, unknown>>[];
  on(topic: Topic): CloudEvent<Record<string, unknown>>[];
}

type Worker = (e: CloudEvent<Record<string, unknown>>, client: InterviewClient) => Promise<void>;

let dataDir: string;
let clock: ManualClock;
const hosts: EmbeddedRuntime[] = [];

beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ib-actors-'));
  clock = new ManualClock(Date.UTC(2025, 0, 1));
});

afterEach(async () => {
  for (const r of hosts.splice(0)) await r.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** Starts a runtime on the shared dataDir; subscribes a recorder (plus an optional worker) to `topics`. */
async function host(topics: Topic[] = TOPICS, workers: Partial<Record<Topic, Worker>> = {}): Promise<Host> {
  const runtime = createEmbeddedRuntime({ dataDir, clock, pollIntervalMs: 20 });
  hosts.push(runtime);
  runtime.actors.register(withProbes(interviewActor(policy)));
  runtime.actors.register(userActor);
  const client = new InterviewClient(runtime.actors);
  const got: Host['got'] = [];
  for (const topic of topics) {
    runtime.pubsub('pubsub').subscribe<Record<string, unknown>>(topic, async (e) => {
      got.push(e);
      await workers[topic]?.(e, client);
      return 'SUCCESS';
    });
  }
  await runtime.start();
  return { runtime, client, got, on: (topic) => got.filter((e) => e.topic === topic) };
}

/**
 * The real InterviewActor plus two test-only methods: `fireDeadline` runs its reminder handler as a
 * turn with the given data (a late or replaced reminder firing anyway), `deadlineToken` reads the token
 * of the armed deadline. Everything else is the actor as shipped.
 */
function withProbes(def: ActorType): ActorType {
  return {
    ...def,
    methods: {
      ...def.methods,
      fireDeadline: (ctx, data: unknown) => def.onReminder!(ctx, 'deadline', data),
      deadlineToken: async (ctx) => (await ctx.state.get<string>('deadlineToken')) ?? null,
    },
  };
}

let n = 0;
const cmd = (c: Record<string, unknown>): InterviewCommand => ({ eventId: `cmd-${++n}`, ...c }) as InterviewCommand;
const create = (id: string, ownerUid = ALICE) => cmd({ type: 'create', id, ownerUid, title: `Interview ${id}` });

async function dispatchAll(client: InterviewClient, id: string, commands: InterviewCommand[]) {
  const results = [];
  for (const c of commands) results.push(await client.dispatch(id, c));
  return results;
}

describe('InterviewActor on the embedded runtime', () => {
  it('full lifecycle publishes uploaded, transcribed and completed exactly once each', async () => {
    const h = await host();
    const results = await dispatchAll(h.client, 'iv-1', [
      create('iv-1'),
      cmd({ type: 'uploadStarted' }),
      cmd({ type: 'uploadProgress', fraction: 0.5 }),
      cmd({ type: 'uploadCompleted', ...MEDIA }),
      cmd({ type: 'stageStarted', stage: 'transcription' }),
      cmd({ type: 'transcribed', key: 'tr/iv-1', durationSec: 321 }),
      cmd({ type: 'stageStarted', stage: 'analysis' }),
      cmd({ type: 'analyzed', key: 'rep/iv-1', transcriptKey: 'tr/iv-1' }),
    ]);
    expect(results.map((r) => r.outcome)).toEqual(results.map(() => 'applied'));
    await h.runtime.settle();

    const common = { id: 'iv-1', ownerUid: ALICE };
    expect(h.on('interview.uploaded').map((e) => e.data)).toEqual([{ ...common, status: 'uploaded', stage: 'transcription', progress: 0.3, ...MEDIA }]);
    expect(h.on('interview.transcribed').map((e) => e.data)).toEqual([{ ...common, status: 'transcribed', stage: 'analysis', progress: 0.85, key: 'tr/iv-1' }]);
    expect(h.on('interview.completed').map((e) => e.data)).toEqual([
      { ...common, status: 'completed', stage: 'analysis', progress: 1, reportKey: 'rep/iv-1', durationSec: 321 },
    ]);
    expect(h.on('interview.failed')).toEqual([]);
    // CloudEvents 1.0 envelopes, typed by topic, each with its own id.
    for (const e of h.got) expect(e).toMatchObject({ specversion: '1.0', type: e.topic, pubsubname: 'pubsub', datacontenttype: 'application/json' });
    expect(new Set(h.got.map((e) => e.id)).size).toBe(h.got.length);

    const final = (await h.client.get('iv-1'))!;
    expect(final).toMatchObject({ status: 'completed', progress: 1, report: { key: 'rep/iv-1' }, media: MEDIA });
    expect(final.updatedAt).toBe(clock.now());
  });

  it('a 15-minute transcription deadline re-publishes interview.uploaded, then fails with stage_timeout after maxAttempts', async () => {
    const realStart = Date.now();
    // A media worker that acknowledges each trigger with stageStarted (one per delivered message).
    const h = await host(TOPICS, {
      'interview.uploaded': async (e, client) => {
        await client.dispatch(String(e.data.id), cmd({ type: 'stageStarted', stage: 'transcription', eventId: `start:${e.id}` }));
      },
    });
    await dispatchAll(h.client, 'iv-1', [create('iv-1'), cmd({ type: 'uploadCompleted', ...MEDIA })]);
    await h.runtime.settle();
    expect(h.on('interview.uploaded')).toHaveLength(1);
    expect((await h.client.get('iv-1'))!.attempts.transcription).toBe(1);

    const budget = policy.budgetMs.transcription;
    expect(budget).toBe(15 * 60_000);
    clock.advance(budget - 1);
    await h.runtime.settle();
    expect(h.on('interview.uploaded')).toHaveLength(1);

    clock.advance(1);
    await h.runtime.settle();
    expect(h.on('interview.uploaded')).toHaveLength(2);
    expect(h.on('interview.uploaded')[1]!.data).toMatchObject({ id: 'iv-1', key: MEDIA.key, size: MEDIA.size, retry: 1 });
    expect((await h.client.get('iv-1'))!.status).toBe('transcribing');

    // Each retry waits twice as long as the one before.
    for (let attempt = 2; attempt <= policy.maxAttempts; attempt++) {
      const wait = budget * 2 ** (attempt - 1);
      clock.advance(wait - 1);
      await h.runtime.settle();
      expect(h.on('interview.uploaded')).toHaveLength(attempt);
      clock.advance(1);
      await h.runtime.settle();
    }
    const failed = (await h.client.get('iv-1'))!;
    expect(failed.status).toBe('failed');
    expect(failed.error).toMatchObject({ code: 'stage_timeout', stage: 'transcription' });
    expect(h.on('interview.uploaded')).toHaveLength(policy.maxAttempts);
    expect(h.on('interview.failed').map((e) => e.data.error)).toEqual([failed.error]);

    // The deadline was cleared: nothing fires any more.
    clock.advance(24 * 3_600_000);
    await h.runtime.settle();
    expect(h.on('interview.uploaded')).toHaveLength(policy.maxAttempts);
    expect(h.on('interview.failed')).toHaveLength(1);
    expect(Date.now() - realStart).toBeLessThan(5_000);
  });

  // Was a bug: with no worker acknowledging the trigger, attempts stayed at 0 and the retries were unbounded.
  it('an interview whose transcription no worker starts fails with stage_timeout after maxAttempts triggers', async () => {
    const h = await host();
    await dispatchAll(h.client, 'iv-1', [create('iv-1'), cmd({ type: 'uploadCompleted', ...MEDIA })]);
    for (let i = 0; i < 10; i++) {
      clock.advance(24 * 3_600_000);
      await h.runtime.settle();
    }
    const s = (await h.client.get('iv-1'))!;
    expect(s.status).toBe('failed');
    expect(s.error?.code).toBe('stage_timeout');
    // One trigger from uploadCompleted, then one per deadline until the last attempt.
    expect(h.on('interview.uploaded')).toHaveLength(policy.maxAttempts);
    expect(h.on('interview.uploaded').slice(1).map((e) => e.data.retry)).toEqual([1, 2]);
    expect(h.on('interview.failed')).toHaveLength(1);
    expect(await h.client.get('iv-1')).toEqual(s);
  });

  it('with no worker, the retries back off: 1×, 2×, 4× the budget', async () => {
    const h = await host();
    await dispatchAll(h.client, 'iv-1', [create('iv-1'), cmd({ type: 'uploadCompleted', ...MEDIA })]);
    const budget = policy.budgetMs.transcription;
    for (const [wait, triggers] of [[budget, 2], [budget * 2, 3]] as const) {
      clock.advance(wait - 1);
      await h.runtime.settle();
      expect(h.on('interview.uploaded')).toHaveLength(triggers - 1);
      clock.advance(1);
      await h.runtime.settle();
      expect(h.on('interview.uploaded')).toHaveLength(triggers);
    }
    clock.advance(budget * 4 - 1);
    await h.runtime.settle();
    expect((await h.client.get('iv-1'))!.status).toBe('uploaded');
    clock.advance(1);
    await h.runtime.settle();
    expect((await h.client.get('iv-1'))!.error?.code).toBe('stage_timeout');
  });

  // Was a bug: a reminder already picked up by the pump still fired after a queued turn replaced it.
  // Here the worker's progress report re-arms the deadline (new token, new generation) in the turn
  // queued just before the old reminder's turn; the old firing must not re-trigger the stage.
  it('a deadline replaced by progress in an earlier turn does not fire', async () => {
    const h = await host();
    await dispatchAll(h.client, 'iv-1', [
      create('iv-1'), cmd({ type: 'uploadCompleted', ...MEDIA }), cmd({ type: 'stageStarted', stage: 'transcription' }),
    ]);
    clock.advance(policy.budgetMs.transcription);
    const progress = h.client.dispatch('iv-1', cmd({ type: 'stageProgress', stage: 'transcription', fraction: 0.5 }));
    await h.runtime.settle();
    expect((await progress).outcome).toBe('applied');
    await h.runtime.settle();
    expect(h.on('interview.uploaded')).toHaveLength(1);
    expect((await h.client.get('iv-1'))!.seen.filter((id) => id.startsWith('deadline:'))).toEqual([]);
    // The re-armed deadline still fires, one full budget after the progress report.
    clock.advance(policy.budgetMs.transcription - 1);
    await h.runtime.settle();
    expect(h.on('interview.uploaded')).toHaveLength(1);
    clock.advance(1);
    await h.runtime.settle();
    expect(h.on('interview.uploaded')).toHaveLength(2);
  });

  it('the actor ignores a deadline firing whose token is not the armed one, and any after the deadline is cleared', async () => {
    const h = await host();
    await dispatchAll(h.client, 'iv-1', [
      create('iv-1'), cmd({ type: 'uploadCompleted', ...MEDIA }), cmd({ type: 'stageStarted', stage: 'transcription' }),
    ]);
    await h.runtime.settle();
    const token = await h.runtime.actors.invoke<string | null>('InterviewActor', 'iv-1', 'deadlineToken');
    expect(token).toEqual(expect.any(String));
    const before = (await h.client.get('iv-1'))!;

    // A replaced reminder (an older token) and a forged one: no state change, nothing published.
    for (const stale of ['not-the-armed-token', undefined]) {
      await h.runtime.actors.invoke('InterviewActor', 'iv-1', 'fireDeadline', { stage: 'transcription', token: stale });
    }
    await h.runtime.settle();
    expect(await h.client.get('iv-1')).toEqual(before);
    expect(h.on('interview.uploaded')).toHaveLength(1);

    // Progress re-arms the deadline with a new token: the previous one is now stale too.
    await h.client.dispatch('iv-1', cmd({ type: 'stageProgress', stage: 'transcription', fraction: 0.2 }));
    const rearmed = await h.runtime.actors.invoke<string | null>('InterviewActor', 'iv-1', 'deadlineToken');
    expect(rearmed).toEqual(expect.any(String));
    expect(rearmed).not.toBe(token);
    const progressed = (await h.client.get('iv-1'))!;
    await h.runtime.actors.invoke('InterviewActor', 'iv-1', 'fireDeadline', { stage: 'transcription', token });
    expect(await h.client.get('iv-1')).toEqual(progressed);

    // The armed token fires: the stage is re-triggered, once even if the reminder is delivered twice.
    await h.runtime.actors.invoke('InterviewActor', 'iv-1', 'fireDeadline', { stage: 'transcription', token: rearmed });
    const retried = (await h.client.get('iv-1'))!;
    expect(retried.seen).toContain(`deadline:${rearmed}`);
    expect(retried.attempts.transcription).toBe(2);
    await h.runtime.actors.invoke('InterviewActor', 'iv-1', 'fireDeadline', { stage: 'transcription', token: rearmed });
    await h.runtime.settle();
    expect(h.on('interview.uploaded')).toHaveLength(2);

    // A terminal transition clears the deadline and its token: the last armed token no longer fires.
    const lastArmed = await h.runtime.actors.invoke<string | null>('InterviewActor', 'iv-1', 'deadlineToken');
    expect(lastArmed).toEqual(expect.any(String));
    expect([token, rearmed]).not.toContain(lastArmed);
    await dispatchAll(h.client, 'iv-1', [cmd({ type: 'stageFailed', stage: 'transcription', code: 'engine_down', message: 'x' })]);
    expect(await h.runtime.actors.invoke('InterviewActor', 'iv-1', 'deadlineToken')).toBeNull();
    const failed = (await h.client.get('iv-1'))!;
    for (const t of [lastArmed, undefined]) await h.runtime.actors.invoke('InterviewActor', 'iv-1', 'fireDeadline', { stage: 'transcription', token: t });
    expect(await h.client.get('iv-1')).toEqual(failed);
    clock.advance(24 * 3_600_000);
    await h.runtime.settle();
    expect(await h.client.get('iv-1')).toEqual(failed);
    expect(h.on('interview.uploaded')).toHaveLength(2);
  });

  it('a duplicate dispatch (same eventId) publishes nothing and changes nothing', async () => {
    const h = await host();
    await h.client.dispatch('iv-1', create('iv-1'));
    const done = cmd({ type: 'uploadCompleted', ...MEDIA });
    expect((await h.client.dispatch('iv-1', done)).outcome).toBe('applied');
    await h.runtime.settle();
    const published = h.got.length;
    const before = await h.client.get('iv-1');

    clock.advance(1000);
    const again = await h.client.dispatch('iv-1', done);
    expect(again.outcome).toBe('duplicate');
    await h.runtime.settle();
    expect(h.got).toHaveLength(published);
    expect(h.on('interview.uploaded')).toHaveLength(1);
    expect(await h.client.get('iv-1')).toEqual(before);
  });

  it('rejected commands come back as data with a code and leave the state untouched', async () => {
    const h = await host();
    const missing = await h.client.dispatch('nope', cmd({ type: 'uploadStarted' }));
    expect(missing).toMatchObject({ outcome: 'rejected', error: { code: 'illegal_transition' }, state: null });
    expect(await h.client.get('nope')).toBeNull();

    await h.client.dispatch('iv-1', create('iv-1'));
    await h.runtime.settle();
    const published = h.got.length;
    const before = (await h.client.get('iv-1'))!;
    clock.advance(1000);
    for (const c of [cmd({ type: 'retry' }), cmd({ type: 'analyzed', key: 'r', transcriptKey: 't' }), create('iv-1')]) {
      const r = await h.client.dispatch('iv-1', c);
      expect(r).toMatchObject({ outcome: 'rejected', error: { code: 'illegal_transition', message: expect.any(String) } });
      expect(r.state).toEqual(before);
    }
    await h.client.dispatch('iv-1', cmd({ type: 'delete' }));
    const gone = await h.client.get('iv-1');
    expect((await h.client.dispatch('iv-1', cmd({ type: 'uploadStarted' }))).outcome).toBe('rejected');
    await h.runtime.settle();
    expect(await h.client.get('iv-1')).toEqual(gone);
    expect(h.got.slice(published).map((e) => e.topic).sort()).toEqual(['interview.deleted', 'interview.progress']);
  });

  // Was a bug: an unknown type made the reducer return undefined and the actor throw a TypeError.
  it('a malformed command from the wire is rejected as data (invalid_event), not thrown', async () => {
    const h = await host();
    await h.client.dispatch('iv-1', create('iv-1'));
    await h.runtime.settle();
    const published = h.got.length;
    const before = (await h.client.get('iv-1'))!;
    const malformed = [
      { type: 'bogus', eventId: 'x' },
      { type: 'uploadStarted' },
      { type: 'uploadStarted', eventId: 42 },
      { type: 'retry', eventId: null },
    ];
    for (const c of malformed) {
      clock.advance(1000);
      const r = await h.client.dispatch('iv-1', c as unknown as InterviewCommand);
      expect(r).toMatchObject({ outcome: 'rejected', error: { code: 'invalid_event', message: expect.any(String) } });
      expect(r.state).toEqual(before);
    }
    // Without an interview yet, a command without an eventId is invalid too (and creates nothing).
    const none = await h.client.dispatch('iv-2', { type: 'create', id: 'iv-2', ownerUid: ALICE, title: 't' } as unknown as InterviewCommand);
    expect(none).toMatchObject({ outcome: 'rejected', error: { code: 'invalid_event' }, state: null });
    expect(await h.client.get('iv-2')).toBeNull();
    await h.runtime.settle();
    expect(await h.client.get('iv-1')).toEqual(before);
    expect(h.got).toHaveLength(published);
  });

  it('durability: state, pending outbox messages and the deadline reminder survive a restart', async () => {
    // First process: nobody subscribes yet, so the published events stay in the outbox.
    const first = await host([]);
    await first.client.index(ALICE).add({ id: 'iv-1', createdAt: clock.now() }); // index first, as create() does
    await dispatchAll(first.client, 'iv-1', [create('iv-1'), cmd({ type: 'uploadCompleted', ...MEDIA })]);
    await first.runtime.settle();
    const before = (await first.client.get('iv-1'))!;
    await first.runtime.stop();

    clock.advance(60_000);
    const second = await host();
    await second.runtime.settle();
    expect(await second.client.get('iv-1')).toEqual(before);
    expect(await second.client.index(ALICE).list()).toEqual([{ id: 'iv-1', createdAt: before.createdAt, summary: summaryOf(before) }]);
    expect(second.on('interview.uploaded').map((e) => e.data)).toEqual([
      { id: 'iv-1', ownerUid: ALICE, status: 'uploaded', stage: 'transcription', progress: 0.3, ...MEDIA },
    ]);
    expect(second.on('interview.progress').map((e) => e.data.status)).toEqual(['created', 'uploaded']);

    // The 15-minute deadline registered by the first process fires in the second.
    clock.advance(policy.budgetMs.transcription - 60_000 - 1);
    await second.runtime.settle();
    expect(second.on('interview.uploaded')).toHaveLength(1);
    clock.advance(1);
    await second.runtime.settle();
    expect(second.on('interview.uploaded')).toHaveLength(2);
    expect(second.on('interview.uploaded')[1]!.data).toMatchObject({ id: 'iv-1', key: MEDIA.key, retry: expect.any(Number) });
    expect((await second.client.get('iv-1'))!.seen.some((id) => id.startsWith('deadline:'))).toBe(true);
  });

  it('getOwned hides other users\' and deleted interviews', async () => {
    const h = await host();
    await h.client.dispatch('iv-a', create('iv-a', ALICE));
    expect((await h.client.getOwned('iv-a', ALICE))?.id).toBe('iv-a');
    expect(await h.client.getOwned('iv-a', BOB)).toBeNull();
    expect(await h.client.getOwned('iv-none', ALICE)).toBeNull();
    await h.client.dispatch('iv-a', cmd({ type: 'delete' }));
    expect(await h.client.getOwned('iv-a', ALICE)).toBeNull();
    expect((await h.client.get('iv-a'))?.status).toBe('deleted');
  });

  it('the user index lists newest first, add is idempotent, and each uid has its own list', async () => {
    const h = await host();
    const alice = h.client.index(ALICE);
    await alice.add({ id: 'old', createdAt: 1_000 });
    await alice.add({ id: 'new', createdAt: 3_000 });
    await alice.add({ id: 'mid', createdAt: 2_000 });
    await alice.add({ id: 'new', createdAt: 3_000 });
    await alice.add({ id: 'old', createdAt: 9_000 });
    expect(await alice.list()).toEqual([
      { id: 'new', createdAt: 3_000 },
      { id: 'mid', createdAt: 2_000 },
      { id: 'old', createdAt: 1_000 },
    ]);
    expect(await h.client.index(BOB).list()).toEqual([]);
    await alice.remove('mid');
    await alice.remove('missing');
    expect((await alice.list()).map((e) => e.id)).toEqual(['new', 'old']);
    await Promise.all(Array.from({ length: 20 }, (_, i) => alice.add({ id: `c${i}`, createdAt: 10_000 + i })));
    const listed = await alice.list();
    expect(listed).toHaveLength(22);
    expect(listed.map((e) => e.createdAt)).toEqual([...listed.map((e) => e.createdAt)].sort((a, b) => b - a));
  });

  it('each transition that changes what a list shows updates the owner\'s summary; progress does not, and an older revision never wins', async () => {
    const h = await host([]);
    const alice = h.client.index(ALICE);
    await alice.add({ id: 'iv-1', createdAt: clock.now() });
    await dispatchAll(h.client, 'iv-1', [create('iv-1'), cmd({ type: 'uploadCompleted', ...MEDIA }), cmd({ type: 'stageStarted', stage: 'transcription' })]);
    const summary = async () => (await alice.list()).find((e) => e.id === 'iv-1')!.summary!;
    const transcribing = (await h.client.get('iv-1'))!;
    expect(await summary()).toEqual(summaryOf(transcribing));
    expect(await summary()).toMatchObject({ status: 'transcribing', title: 'Interview iv-1', rev: transcribing.rev });

    await h.client.dispatch('iv-1', cmd({ type: 'stageProgress', stage: 'transcription', fraction: 0.5 }));
    expect((await h.client.get('iv-1'))!.rev).toBe(transcribing.rev! + 1);
    expect((await summary()).rev).toBe(transcribing.rev); // progress is not in a list: no write

    await h.client.dispatch('iv-1', cmd({ type: 'transcribed', key: 't/iv-1', durationSec: 61 }));
    await h.client.dispatch('iv-1', cmd({ type: 'update', title: 'Renamed' }));
    const renamed = (await h.client.get('iv-1'))!;
    expect(await summary()).toEqual(summaryOf(renamed));
    expect(await summary()).toMatchObject({ title: 'Renamed', status: 'transcribed', durationSec: 61 });

    // A retried (older) write arriving late is ignored; the same revision again is accepted.
    await alice.putSummary({ ...summaryOf(transcribing) });
    expect(await summary()).toEqual(summaryOf(renamed));
    await alice.putSummary({ ...summaryOf(renamed), title: 'Same rev' });
    expect((await summary()).title).toBe('Same rev');
    // Summaries live in the owner's index only, and a late write never brings back a removed entry.
    expect(await h.client.index(BOB).list()).toEqual([]);
    await alice.remove('iv-1');
    await alice.putSummary({ ...summaryOf(renamed), rev: renamed.rev! + 5 });
    expect(await alice.list()).toEqual([]);
  });

  it('50 concurrent dispatches of distinct progress events to one interview all apply (no lost update)', async () => {
    const h = await host([]);
    await dispatchAll(h.client, 'iv-1', [create('iv-1'), cmd({ type: 'uploadCompleted', ...MEDIA }), cmd({ type: 'stageStarted', stage: 'transcription' })]);
    const commands = Array.from({ length: 50 }, (_, i) => cmd({ type: 'stageProgress', stage: 'transcription', fraction: ((i * 37) % 50) / 100 }));
    const results = await Promise.all(commands.map((c) => h.client.dispatch('iv-1', c)));
    expect(results.map((r) => r.outcome)).toEqual(commands.map(() => 'applied'));
    const s = (await h.client.get('iv-1')) as InterviewState;
    // Progress reports do not enter the duplicate window (repeating them is harmless).
    for (const c of commands) expect(s.seen).not.toContain(c.eventId);
    expect(s.seen).toHaveLength(3);
    const maxFraction = Math.max(...commands.map((c) => (c as { fraction: number }).fraction));
    expect(s.progress).toBeCloseTo(0.3 + 0.55 * maxFraction, 3);
    expect(s.status).toBe('transcribing');
  });
});
