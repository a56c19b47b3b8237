/**
 * Pub/sub conformance (ports/pubsub.ts): CloudEvents 1.0 envelopes, SUCCESS/RETRY/DROP, a throwing
 * handler retried (never a silent success), dead letters after maxAttempts, trace context carried.
 * Durability across restarts and stop() draining live in pubsub-durability.suite.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { NotConfiguredError } from '../../dapr/ports/index.js';
import type { PubSub, SubscribeOptions } from '../../dapr/ports/index.js';
import { expectPortError, Inbox, uniq } from './common.suite.js';
import { eventually, sleep, type AdapterInstance, type AdapterRow } from './harness.js';

const fast: SubscribeOptions = { initialBackoffMs: 20, maxBackoffMs: 50, maxAttempts: 20 };

export function pubsubSuite(row: AdapterRow): void {
  describe(`pubsub: ${row.name}`, () => {
    const run = uniq();
    const topic = (name: string) => `conf-${run}-${name}`;
    const inboxes = {
      envelope: new Inbox(),
      retry: new Inbox(async (_e, attempt) => (attempt === 1 ? 'RETRY' : 'SUCCESS')),
      thrower: new Inbox(async (_e, attempt) => {
        if (attempt === 1) throw new Error('handler failure (expected by the test)');
        return 'SUCCESS';
      }),
      drop: new Inbox(async () => 'DROP'),
      exhausted: new Inbox(async () => 'RETRY'),
      dead: new Inbox(),
      many: new Inbox(),
      slow: new Inbox(async () => {
        await sleep(400);
        return 'SUCCESS';
      }),
      trace: new Inbox(),
    };
    const options: Partial<Record<keyof typeof inboxes, SubscribeOptions>> = {
      retry: { ...fast, initialBackoffMs: 150, maxBackoffMs: 150 },
      thrower: fast,
      drop: fast,
      exhausted: { ...fast, maxAttempts: 3, deadLetterTopic: topic('exhausted-dead') },
      slow: fast,
    };
    let instance: AdapterInstance;
    let pubsub: PubSub;

    beforeAll(async () => {
      instance = await row.create((runtime) => {
        const ps = runtime.pubsub(row.components.pubsub);
        for (const [name, inbox] of Object.entries(inboxes)) {
          const topicName = name === 'dead' ? topic('exhausted-dead') : topic(name);
          ps.subscribe(topicName, inbox.handler, options[name as keyof typeof inboxes]);
        }
      });
      pubsub = instance.runtime.pubsub(row.components.pubsub);
    });
    afterAll(async () => {
      await instance?.close();
    });

    it('delivers a CloudEvent 1.0 with every field set; a given id and type are kept', async () => {
      const t = topic('envelope');
      const before = Date.now();
      await pubsub.publish(t, { hello: 'world', zero: 0, none: null });
      await pubsub.publish(t, 0, { id: `given-${run}`, type: 'com.example.conformance' });
      await eventually(() => inboxes.envelope.deliveries.length >= 2, 'both events');
      const generated = inboxes.envelope.deliveries.find((d) => d.event.id !== `given-${run}`)!.event;
      const given = inboxes.envelope.of(`given-${run}`)[0]!.event;

      expect(generated).toMatchObject({ specversion: '1.0', topic: t, pubsubname: row.components.pubsub });
      expect(generated.datacontenttype).toBe('application/json');
      expect(generated.data).toStrictEqual({ hello: 'world', zero: 0, none: null });
      expect(typeof generated.id).toBe('string');
      expect(generated.id.length).toBeGreaterThan(0);
      expect(typeof generated.source).toBe('string');
      expect(generated.source.length).toBeGreaterThan(0);
      expect(typeof generated.type).toBe('string');
      expect(generated.type.length).toBeGreaterThan(0);
      const time = Date.parse(generated.time);
      expect(Number.isNaN(time)).toBe(false);
      expect(time).toBeGreaterThanOrEqual(before - 1000);
      expect(time).toBeLessThanOrEqual(Date.now() + 1000);

      expect(given.data).toBe(0); // a falsy payload survives the envelope
      expect(given.type).toBe('com.example.conformance');
      expect(given.topic).toBe(t);
    });

    it('RETRY redelivers the same event (same id) after at least initialBackoffMs', async () => {
      await pubsub.publish(topic('retry'), { n: 1 }, { id: `retry-${run}` });
      await eventually(() => inboxes.retry.of(`retry-${run}`).length >= 2, 'the redelivery');
      const [first, second] = inboxes.retry.of(`retry-${run}`);
      expect(second!.event.data).toStrictEqual({ n: 1 });
      expect(second!.at - first!.doneAt!).toBeGreaterThanOrEqual(150 - 20);
      await sleep(300);
      expect(inboxes.retry.of(`retry-${run}`)).toHaveLength(2); // SUCCESS on the second: done
    });

    it('a handler that throws is redelivered (treated as RETRY, never as a silent success)', async () => {
      await pubsub.publish(topic('thrower'), 'payload', { id: `throw-${run}` });
      await eventually(() => inboxes.thrower.of(`throw-${run}`).length >= 2, 'the redelivery after a throw');
      expect(inboxes.thrower.of(`throw-${run}`).map((d) => d.outcome)).toStrictEqual(['THROW', 'SUCCESS']);
    });

    it('DROP is not redelivered', async () => {
      await pubsub.publish(topic('drop'), 'bye', { id: `drop-${run}` });
      await eventually(() => inboxes.drop.of(`drop-${run}`).length >= 1, 'the delivery');
      await sleep(400); // 20 retries' worth of backoff
      expect(inboxes.drop.of(`drop-${run}`)).toHaveLength(1);
    });

    it('after maxAttempts deliveries the message goes to the dead-letter topic', async () => {
      await pubsub.publish(topic('exhausted'), { doomed: true }, { id: `dead-${run}` });
      const dead = await eventually(() => inboxes.dead.deliveries[0], 'the dead letter');
      expect(dead.event.data).toStrictEqual({ doomed: true });
      await sleep(300);
      expect(inboxes.exhausted.of(`dead-${run}`)).toHaveLength(3);
      expect(inboxes.dead.deliveries).toHaveLength(1);
    });

    it('delivers many messages exactly once each when handlers answer SUCCESS', async () => {
      const ids = Array.from({ length: 60 }, (_, i) => `many-${run}-${i}`);
      await Promise.all(ids.map((id, i) => pubsub.publish(topic('many'), { i }, { id })));
      await eventually(() => new Set(inboxes.many.ids).size === ids.length, 'all 60 messages', 8000);
      await sleep(300);
      expect([...inboxes.many.ids].sort()).toStrictEqual([...ids].sort());
      for (const d of inboxes.many.deliveries) expect(d.event.data).toStrictEqual({ i: ids.indexOf(d.event.id) });
    });

    it('a slow handler still gets every message (at-least-once), and an acked one is not redelivered', async () => {
      const ids = [0, 1, 2].map((i) => `slow-${run}-${i}`);
      for (const id of ids) await pubsub.publish(topic('slow'), id, { id });
      await eventually(() => ids.every((id) => inboxes.slow.of(id).some((d) => d.outcome === 'SUCCESS')), 'all slow acks', 8000);
      await sleep(500);
      for (const id of ids) {
        const acked = Math.min(...inboxes.slow.of(id).filter((d) => d.outcome === 'SUCCESS').map((d) => d.doneAt!));
        expect(inboxes.slow.of(id).filter((d) => d.at > acked)).toHaveLength(0);
      }
    });

    it('carries the W3C trace context (same trace id) to the subscriber', async () => {
      const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
      await pubsub.publish(topic('trace'), 't', { id: `trace-${run}`, traceparent: `00-${traceId}-00f067aa0ba902b7-01` });
      const delivery = await eventually(() => inboxes.trace.of(`trace-${run}`)[0], 'the traced event');
      expect(delivery.event.traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$/);
      expect(delivery.event.traceparent!.split('-')[1]).toBe(traceId);
    });

    it('an unknown pubsub name → NotConfiguredError', async () => {
      await expectPortError(() => instance.runtime.pubsub('no-such-pubsub').publish('t', 1), NotConfiguredError, 'not_configured');
    });
  });
}
