/**
 * Actor reminder and timer conformance: due time and data, periodic firing until unregistered,
 * replace-by-name, at-least-once on a throwing handler, reminder turns commit their state, timers.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ActorRuntime, ReminderSpec } from '../../dapr/ports/index.js';
import { ProbeLog, probeActor, type Firing } from './actors-probe.suite.js';
import { uniq } from './common.suite.js';
import { eventually, sleep, type AdapterInstance, type AdapterRow } from './harness.js';

const gaps = (firings: readonly Firing[]) => firings.slice(1).map((f, i) => f.at - firings[i]!.at);

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
      await remind(a, 'tick', { dueTimeMs: 50, periodMs: 120, data: 'p' });
      await eventually(() => log.firings('reminders', a, 'tick').length >= 3, 'three periodic firings');
      for (const gap of gaps(log.firings('reminders', a, 'tick'))) expect(gap).toBeGreaterThanOrEqual(120 - 20);
      await actors.invoke(type, a, 'unremind', { name: 'tick' });
      const atStop = log.firings('reminders', a, 'tick').length;
      await sleep(500);
      expect(log.firings('reminders', a, 'tick').length).toBeLessThanOrEqual(atStop + 1); // one may be queued behind the turn
    });

    it('re-registering a reminder name replaces it', async () => {
      const a = id('replace');
      await remind(a, 'r', { dueTimeMs: 250, data: 'first' });
      await remind(a, 'r', { dueTimeMs: 100, data: 'second' });
      await eventually(() => log.firings('reminders', a).length > 0, 'the replacing reminder');
      await sleep(450);
      expect(log.firings('reminders', a).map((f) => f.data)).toStrictEqual(['second']);
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
      const atStop = log.firings('timers', a, 'poll').length;
      await sleep(400);
      expect(log.firings('timers', a, 'poll').length).toBeLessThanOrEqual(atStop + 1);
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
