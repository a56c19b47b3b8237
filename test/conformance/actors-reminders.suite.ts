/**
 * Actor reminder and timer conformance: due time and data, periodic firing until unregistered,
 * replace-by-name, at-least-once on a throwing handler, reminder turns commit their state, timers.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ActorRuntime, ReminderSpec } from '../../dapr/ports/index.js';
import { ProbeLog, probeActor } from './actors-probe.suite.js';
import { uniq } from './common.suite.js';
import { eventually, settles, sleep, type AdapterInstance, type AdapterRow } from './harness.js';


export function actorRemindersSuite(row: AdapterRow): void {
  describe(`actor reminders and timers: ${row.name}`, () => {
    const run = uniq();
    const type = `ConformanceReminders${run}`;
    const log = new ProbeLog();
    let instance: AdapterInstance;
    let actors: ActorRuntime;
    const id = (name: string) => `${name}-${uniq()}`;
    const remind = (a: string, name: string, spec: ReminderSpec) => actors.invoke(type, a, 'remind', { name, spec });
    const timer = (a: string, name: string, spec: ReminderSpec) => actors.invoke(type, a, 'timer', { name, spec });
    const holdStarted = (a: string) => eventually(() => log.maxConcurrent.has(a), 'the hold turn to start');

    beforeAll(async () => {
      instance = await row.create((runtime) => runtime.actors.register(probeActor(type, log, 1)));
      actors = instance.runtime.actors;
    });
    afterAll(async () => {
      await instance?.close();
    });

    it('a reminder fires once after its due time, with its data, in a turn whose state writes commit', async () => {
      const a = id('once');
      const data = { deadline: 'transcribe', attempt: 0, none: null };
      const before = Date.now();
      await remind(a, 'deadline', { dueTimeMs: 200, data });
      const [fired] = await eventually(() => (log.firings('reminders', a).length > 0 ? log.firings('reminders', a) : undefined), 'the reminder');
      expect(fired!.name).toBe('deadline');
      expect(fired!.data).toStrictEqual(data);
      expect(fired!.at - before).toBeGreaterThanOrEqual(200 - 20);
      await sleep(400);
      expect(log.firings('reminders', a)).toHaveLength(1);
      expect(await actors.invoke(type, a, 'read', { key: 'lastReminder' })).toStrictEqual({ found: true, value: 'deadline' });
    });

    it('a periodic reminder fires repeatedly until unregistered', async () => {
      const a = id('periodic');
      const registered = Date.now();
      await remind(a, 'tick', { dueTimeMs: 50, periodMs: 120, data: 'p' });
      await eventually(() => log.firings('reminders', a, 'tick').length >= 3, 'three periodic firings');
      // Never early, judged from the registration: firing k is due at 50 + k·120 ms. Not each gap: a
      // firing delivered late behind a busy machine may be followed by an on-time one.
      log.firings('reminders', a, 'tick').forEach((tick, k) => expect(tick.at - registered).toBeGreaterThanOrEqual(50 + k * 120 - 20));
      await actors.invoke(type, a, 'unremind', { name: 'tick' });
      // Firings queued behind a slow turn may still arrive; then, for several periods, none.
      const settled = await settles(() => log.firings('reminders', a, 'tick').length, 'the unregistered reminder', 600);
      await sleep(300);
      expect(log.firings('reminders', a, 'tick')).toHaveLength(settled);
    });

    it('re-registering a reminder name replaces it', async () => {
      const a = id('replace');
      await remind(a, 'r', { dueTimeMs: 250, data: 'first' });
      await remind(a, 'r', { dueTimeMs: 100, data: 'second' });
      await eventually(() => log.firings('reminders', a).length > 0, 'the replacing reminder');
      await sleep(450);
      expect(log.firings('reminders', a).map((f) => f.data)).toStrictEqual(['second']);
    });

    // Determinism: the turns of one actor run in order, so a long `hold` turn keeps the replacing turn
    // (queued right behind it, before the old due time) from committing until well after the old
    // registration is due (100 ms vs 600 ms: the pump has ~500 ms to pick it up and queue its firing
    // behind the replacing turn). The old registration is thus due, and possibly already picked up,
    // while the replacement is pending; either way only the replacement may fire. No timing in the
    // assertions depends on the machine's speed except "the 100 ms reminder was due before 600 ms".
    it('a reminder replaced by a turn queued while the old one is due does not fire with the old registration', async () => {
      const a = id('replace-queued');
      await remind(a, 'r', { dueTimeMs: 100, data: 'old' });
      const hold = actors.invoke(type, a, 'hold', { ms: 600 });
      await holdStarted(a); // two calls in flight at once may reach a sidecar in either order
      const replaced = remind(a, 'r', { dueTimeMs: 300, data: 'new' });
      await Promise.all([hold, replaced]);
      const committedAt = Date.now();
      expect(log.firings('reminders', a)).toStrictEqual([]);
      const [fired] = await eventually(() => (log.firings('reminders', a).length > 0 ? log.firings('reminders', a) : undefined), 'the replacing reminder');
      expect(fired!.data).toBe('new');
      expect(fired!.at - committedAt).toBeGreaterThanOrEqual(300 - 50);
      await sleep(400);
      expect(log.firings('reminders', a).map((f) => f.data)).toStrictEqual(['new']);
    });

    it('a reminder removed by a turn queued while it is due does not fire', async () => {
      const a = id('remove-queued');
      await remind(a, 'r', { dueTimeMs: 100, data: 'old' });
      const hold = actors.invoke(type, a, 'hold', { ms: 600 });
      await holdStarted(a);
      const removed = actors.invoke(type, a, 'unremind', { name: 'r' });
      await Promise.all([hold, removed]);
      await sleep(500);
      expect(log.firings('reminders', a)).toStrictEqual([]);
    });

    it('a reminder whose handler throws fires again (at-least-once), then stops once handled', async () => {
      const a = id('flaky');
      await remind(a, 'flaky', { dueTimeMs: 50, data: { failTimes: 1 } });
      await eventually(() => log.firings('reminders', a, 'flaky').length >= 2, 'the retried reminder', 6000);
      await sleep(400);
      expect(log.firings('reminders', a, 'flaky')).toHaveLength(2);
    });

    it('a timer fires with its data, repeatedly when periodic, until unregistered', async () => {
      const a = id('timer');
      await timer(a, 'poll', { dueTimeMs: 50, periodMs: 100, data: { t: 1 } });
      await eventually(() => log.firings('timers', a, 'poll').length >= 3, 'three timer firings');
      expect(log.firings('timers', a, 'poll')[0]!.data).toStrictEqual({ t: 1 });
      await actors.invoke(type, a, 'untimer', { name: 'poll' });
      const settled = await settles(() => log.firings('timers', a, 'poll').length, 'the unregistered timer', 500);
      await sleep(300);
      expect(log.firings('timers', a, 'poll')).toHaveLength(settled);
    });

    it('a one-shot timer fires once', async () => {
      const a = id('timer-once');
      await timer(a, 'once', { dueTimeMs: 80, data: 'x' });
      await eventually(() => log.firings('timers', a).length > 0, 'the timer');
      await sleep(300);
      expect(log.firings('timers', a)).toHaveLength(1);
    });
  });
}
