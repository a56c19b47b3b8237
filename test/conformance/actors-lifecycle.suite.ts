/**
 * Actor lifecycle conformance: what survives a process restart (state, reminders) and what does not
 * (timers), and idle deactivation (only for rows that configure a short `actorIdleTimeoutMs`).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ActorRuntime } from '../../dapr/ports/index.js';
import type { ConformanceRow } from './adapters.js';
import { ProbeLog, probeActor } from './actors-probe.suite.js';
import { uniq } from './common.suite.js';
import { eventually, sleep, type AdapterInstance, type AdapterRow } from './harness.js';

export function actorLifecycleSuite(row: AdapterRow): void {
  actorRestartSuite(row);
  actorIdleSuite(row);
}

function actorRestartSuite(row: AdapterRow): void {
  describe(`actors across a restart: ${row.name}`, () => {
    const run = uniq();
    const type = `ConformanceRestart${run}`;
    const a = `restart-${run}`;
    const log = new ProbeLog();
    let instance: AdapterInstance;
    let actors: ActorRuntime;
    let restartedAt = 0;

    beforeAll(async () => {
      instance = await row.create((runtime) => runtime.actors.register(probeActor(type, log, 1)));
      const before = instance.runtime.actors;
      await before.invoke(type, a, 'write', { entries: [['doc', { v: 1 }], ['zero', 0]] });
      await before.invoke(type, a, 'remind', { name: 'durable', spec: { dueTimeMs: 300, data: 'survives' } });
      await before.invoke(type, a, 'remind', { name: 'periodic', spec: { dueTimeMs: 100, periodMs: 150 } });
      await before.invoke(type, a, 'timer', { name: 'volatile', spec: { dueTimeMs: 300, periodMs: 100 } });
      // Restart at once: the one-shot reminder and the timer are not due yet.
      actors = (await instance.restart((runtime) => runtime.actors.register(probeActor(type, log, 2)))).actors;
      restartedAt = Date.now();
    });
    afterAll(async () => {
      await instance?.close();
    });

    it('state persists across a restart', async () => {
      expect(await actors.invoke(type, a, 'read', { key: 'doc' })).toStrictEqual({ found: true, value: { v: 1 } });
      expect(await actors.invoke(type, a, 'read', { key: 'zero' })).toStrictEqual({ found: true, value: 0 });
    });

    it('a reminder registered before the restart fires after it, with its data', async () => {
      const fired = await eventually(() => log.firings('reminders', a, 'durable').find((f) => f.gen === 2), 'the durable reminder', 4000);
      expect(fired.data).toBe('survives');
    });

    it('a periodic reminder keeps firing after the restart', async () => {
      await eventually(() => log.firings('reminders', a, 'periodic').filter((f) => f.gen === 2).length >= 2, 'periodic firings after restart', 4000);
      await actors.invoke(type, a, 'unremind', { name: 'periodic' });
    });

    it('timers are not durable: one registered before the restart never fires after it', async () => {
      await sleep(Math.max(0, restartedAt + 800 - Date.now()));
      expect(log.firings('timers', a).filter((f) => f.gen === 2)).toHaveLength(0);
    });
  });
}

function actorIdleSuite(row: AdapterRow): void {
  const idleMs = (row as ConformanceRow).actorIdleTimeoutMs;
  (idleMs ? describe : describe.skip)(`actor idle deactivation: ${row.name}`, () => {
    const run = uniq();
    const type = `ConformanceIdle${run}`;
    const log = new ProbeLog();
    let instance: AdapterInstance;
    const idle = idleMs ?? 0;

    beforeAll(async () => {
      instance = await row.create((runtime) => runtime.actors.register(probeActor(type, log, 1)));
    });
    afterAll(async () => {
      await instance?.close();
    });

    it('an idle actor is deactivated (onDeactivate) and re-activated with its state on its next call', async () => {
      const a = `idle-${uniq()}`;
      await instance.runtime.actors.invoke(type, a, 'write', { entries: [['k', 'kept']] });
      const lastCall = Date.now();
      await eventually(() => log.count(log.deactivations, a) === 1, 'onDeactivate', idle * 3 + 2000);
      expect(Date.now() - lastCall).toBeGreaterThanOrEqual(idle - 50);
      expect(await instance.runtime.actors.invoke(type, a, 'read', { key: 'k' })).toStrictEqual({ found: true, value: 'kept' });
      expect(log.count(log.activations, a)).toBe(2);
    });

    it('calls keep an actor active past the idle timeout', async () => {
      const a = `busy-${uniq()}`;
      const until = Date.now() + idle * 2;
      while (Date.now() < until) {
        await instance.runtime.actors.invoke(type, a, 'whoami');
        await sleep(idle / 4);
      }
      expect(log.count(log.deactivations, a)).toBe(0);
      expect(log.count(log.activations, a)).toBe(1);
    });
  });
}
