/**
 * Pub/sub durability conformance: a message nobody acked survives a process restart (and an acked one
 * is not delivered again), and stop() drains the handlers in flight. Each test owns its runtime.
 */
import { describe, expect, it } from '@jest/globals';
import { Inbox, uniq } from './common.suite.js';
import { eventually, sleep, type AdapterRow } from './harness.js';

export function pubsubDurabilitySuite(row: AdapterRow): void {
  describe(`pubsub durability: ${row.name}`, () => {
    const ps = row.components.pubsub;

    it('across a restart, an unacked message reaches the new handler and an acked one is not redelivered', async () => {
      const run = uniq();
      const [pending, acked] = [`conf-${run}-pending`, `conf-${run}-acked`];
      const before = { pending: new Inbox(async () => 'RETRY'), acked: new Inbox() };
      const after = { pending: new Inbox(), acked: new Inbox() };
      const instance = await row.create((runtime) => {
        // A long backoff keeps the message unacked (waiting for its retry) when the process stops.
        runtime.pubsub(ps).subscribe(pending, before.pending.handler, { initialBackoffMs: 1500, maxBackoffMs: 1500, maxAttempts: 100 });
        runtime.pubsub(ps).subscribe(acked, before.acked.handler);
      });
      try {
        await instance.runtime.pubsub(ps).publish(pending, { survives: true }, { id: `p-${run}` });
        await instance.runtime.pubsub(ps).publish(acked, { done: true }, { id: `a-${run}` });
        await eventually(() => before.pending.deliveries.length >= 1 && before.acked.deliveries.length >= 1, 'first deliveries');

        await instance.restart((runtime) => {
          runtime.pubsub(ps).subscribe(pending, after.pending.handler, { initialBackoffMs: 20, maxAttempts: 100 });
          runtime.pubsub(ps).subscribe(acked, after.acked.handler);
        });
        const redelivered = await eventually(() => after.pending.of(`p-${run}`)[0], 'the unacked message after restart', 6000);
        expect(redelivered.event.data).toStrictEqual({ survives: true });
        expect(redelivered.event.id).toBe(`p-${run}`);
        await sleep(300);
        expect(after.acked.deliveries).toHaveLength(0);
        expect(after.pending.of(`p-${run}`)).toHaveLength(1);
      } finally {
        await instance.close();
      }
    });

    it('stop() waits for a handler in flight and is safe to call twice', async () => {
      const run = uniq();
      const topic = `conf-${run}-drain`;
      let finished = false;
      const inbox = new Inbox(async () => {
        await sleep(300);
        finished = true;
        return 'SUCCESS';
      });
      const instance = await row.create((runtime) => runtime.pubsub(ps).subscribe(topic, inbox.handler));
      try {
        await instance.runtime.pubsub(ps).publish(topic, 'slow');
        await eventually(() => inbox.deliveries.length >= 1, 'the delivery to start');
        expect(finished).toBe(false);
        await instance.runtime.stop();
        expect(finished).toBe(true);
        await instance.runtime.stop();
      } finally {
        await instance.close();
      }
    });
  });
}
