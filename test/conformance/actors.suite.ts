/**
 * Actor conformance (ports/actors.ts). This file: activation, turn-based concurrency, state, the
 * all-or-nothing turn (state + publish + reminders discarded on throw), errors and purge. Reminders and
 * timers are in actors-reminders.suite.ts; restart and idle deactivation in actors-lifecycle.suite.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ActorInvokeError, ActorMethodNotFoundError, NotConfiguredError } from '../../dapr/ports/index.js';
import type { ActorRuntime } from '../../dapr/ports/index.js';
import { actorLifecycleSuite } from './actors-lifecycle.suite.js';
import { ProbeLog, probeActor } from './actors-probe.suite.js';
import { actorRemindersSuite } from './actors-reminders.suite.js';
import { expectPortError, Inbox, uniq } from './common.suite.js';
import { eventually, sleep, type AdapterInstance, type AdapterRow } from './harness.js';

export function actorsSuite(row: AdapterRow): void {
  actorTurnsSuite(row);
  actorRemindersSuite(row);
  actorLifecycleSuite(row);
}

function actorTurnsSuite(row: AdapterRow): void {
  describe(`actors: ${row.name}`, () => {
    const run = uniq();
    const type = `ConformanceProbe${run}`;
    const ps = row.components.pubsub;
    const topics = { committed: `conf-${run}-committed`, discarded: `conf-${run}-discarded` };
    const inbox = { committed: new Inbox(), discarded: new Inbox() };
    const log = new ProbeLog();
    let instance: AdapterInstance;
    let actors: ActorRuntime;
    const id = (name: string) => `${name}-${uniq()}`;
    const read = (actorId: string, key: string) => actors.invoke<{ found: boolean; value: unknown }>(type, actorId, 'read', { key });

    beforeAll(async () => {
      instance = await row.create((runtime) => {
        runtime.actors.register(probeActor(type, log, 1));
        runtime.pubsub(ps).subscribe(topics.committed, inbox.committed.handler);
        runtime.pubsub(ps).subscribe(topics.discarded, inbox.discarded.handler);
      });
      actors = instance.runtime.actors;
    });
    afterAll(async () => {
      await instance?.close();
    });

    it('activates an actor on its first call, once, and gives the method its identity and payload', async () => {
      const a = id('activate');
      expect(log.count(log.activations, a)).toBe(0);
      const payload = { zero: 0, no: false, empty: '', nil: null, list: [1, 'x'] };
      const who = await actors.invoke<{ type: string; id: string; payload: unknown; now: number }>(type, a, 'whoami', payload);
      expect(who).toMatchObject({ type, id: a, payload });
      expect(Math.abs(who.now - Date.now())).toBeLessThan(2000);
      await actors.invoke(type, a, 'whoami');
      await actors.invoke(type, a, 'incr');
      expect(log.count(log.activations, a)).toBe(1);
    });

    it('runs calls to one actor one at a time: 20 concurrent read-modify-write increments end at 20', async () => {
      const a = id('turns');
      const results = await Promise.all(Array.from({ length: 20 }, () => actors.invoke<number>(type, a, 'incr')));
      expect([...results].sort((x, y) => x - y)).toStrictEqual(Array.from({ length: 20 }, (_, i) => i + 1));
      expect(await read(a, 'count')).toStrictEqual({ found: true, value: 20 });
      expect(log.maxConcurrent.get(a)).toBe(1);
    });

    it('runs different actor ids in parallel', async () => {
      const [a, b] = [id('parallel-a'), id('parallel-b')];
      await Promise.all([actors.invoke(type, a, 'hold', { ms: 300 }), actors.invoke(type, b, 'hold', { ms: 300 })]);
      const spanA = log.spans.find((s) => s.id === a)!;
      const spanB = log.spans.find((s) => s.id === b)!;
      const overlap = Math.min(spanA.end, spanB.end) - Math.max(spanA.start, spanB.start);
      expect(overlap).toBeGreaterThan(150);
    });

    it('keeps state across calls, falsy values included, and a turn reads its own buffered writes', async () => {
      const a = id('state');
      const entries: [string, unknown][] = [['zero', 0], ['false', false], ['empty', ''], ['null', null], ['obj', { n: 1 }]];
      await actors.invoke(type, a, 'write', { entries });
      for (const [key, value] of entries) expect(await read(a, key)).toStrictEqual({ found: true, value });
      expect(await read(a, 'never-set')).toStrictEqual({ found: false, value: null });
      expect(await actors.invoke(type, a, 'writeThenRead')).toStrictEqual({ ryw: 'buffered', deleted: true });
      expect(await read(a, 'ryw')).toStrictEqual({ found: true, value: 'buffered' });
      expect(await read(a, 'ryw-deleted')).toStrictEqual({ found: false, value: null });
    });

    it('keeps state per actor id: two ids never see each other’s keys', async () => {
      const [a, b] = [id('iso-a'), id('iso-b')];
      await actors.invoke(type, a, 'write', { entries: [['k', 'from-a']] });
      expect(await read(b, 'k')).toStrictEqual({ found: false, value: null });
    });

    it('a method that throws → ActorInvokeError; its state writes, publishes and reminder changes are all discarded', async () => {
      const a = id('fail');
      const keep = 'kept-reminder';
      await actors.invoke(type, a, 'write', { entries: [['count', 7], ['kept', 'still here']] });
      await actors.invoke(type, a, 'remind', { name: keep, spec: { dueTimeMs: 400, data: 'keep' } });
      const err = await expectPortError(
        () => actors.invoke(type, a, 'failAfterEffects', { pubsub: ps, topic: topics.discarded, keep }),
        ActorInvokeError,
        'actor_invoke_failed',
      );
      expect((err as ActorInvokeError).method).toBe('failAfterEffects');
      expect(await read(a, 'count')).toStrictEqual({ found: true, value: 7 });
      expect(await read(a, 'fresh')).toStrictEqual({ found: false, value: null });
      expect(await read(a, 'kept')).toStrictEqual({ found: true, value: 'still here' });
      await eventually(() => log.firings('reminders', a, keep).length > 0, 'the reminder the failed turn tried to remove');
      await sleep(200);
      expect(log.firings('reminders', a, 'doomed')).toHaveLength(0);
      expect(inbox.discarded.deliveries).toHaveLength(0);
      expect(await actors.invoke(type, a, 'incr')).toBe(8); // the actor is still usable
    });

    it('a publish inside a turn is delivered only after the turn commits', async () => {
      const a = id('publish');
      const returnedAt = await actors.invoke<number>(type, a, 'publishThenWait', { pubsub: ps, topic: topics.committed, waitMs: 300 });
      const delivery = await eventually(() => inbox.committed.of(`turn-${a}`)[0], 'the committed publish');
      expect(delivery.at).toBeGreaterThanOrEqual(returnedAt);
      expect(delivery.event.data).toStrictEqual({ from: a });
      expect(await read(a, 'published')).toStrictEqual({ found: true, value: true });
    });

    it('an actor can call another actor through ctx.actors', async () => {
      const [a, b] = [id('caller'), id('callee')];
      expect(await actors.invoke(type, a, 'callOther', { id: b })).toBe(1);
      expect(await read(b, 'count')).toStrictEqual({ found: true, value: 1 });
    });

    it('an unknown method → ActorMethodNotFoundError; an unknown type → NotConfiguredError', async () => {
      await expectPortError(() => actors.invoke(type, id('nomethod'), 'noSuchMethod'), ActorMethodNotFoundError, 'actor_method_not_found');
      await expectPortError(() => actors.invoke(`NoSuchType${run}`, 'x', 'incr'), NotConfiguredError, 'not_configured');
    });

    it('purge removes every state key and reminder of the actor (and of no other)', async () => {
      const [a, other] = [id('purge'), id('purge-other')];
      await actors.invoke(type, a, 'write', { entries: [['k1', 1], ['k2', 'two']] });
      await actors.invoke(type, other, 'write', { entries: [['k1', 'other']] });
      await actors.invoke(type, a, 'remind', { name: 'erase-me', spec: { dueTimeMs: 300, periodMs: 100 } });
      await actors.purge(type, a);
      expect(await read(a, 'k1')).toStrictEqual({ found: false, value: null });
      expect(await read(a, 'k2')).toStrictEqual({ found: false, value: null });
      expect(await read(other, 'k1')).toStrictEqual({ found: true, value: 'other' });
      await sleep(600);
      expect(log.firings('reminders', a, 'erase-me')).toHaveLength(0);
      await actors.purge(type, id('never-used'));
    });
  });
}
