/**
 * Embedded pub/sub: a durable outbox table polled by the runtime's pump. A row is deleted only after
 * its handler answers SUCCESS or DROP, so a crash mid-handler means redelivery (at-least-once).
 */
import { randomUUID } from 'node:crypto';
import {
  resolveSubscribeOptions,
  retryDelayMs,
  type CloudEvent,
  type EventHandler,
  type HandlerStatus,
  type PublishOptions,
  type PubSub,
  type ResolvedSubscribeOptions,
  type SubscribeOptions,
} from '../ports/pubsub.js';
import type { Clock } from './clock.js';
import type { Db } from './db.js';
import type { RuntimeLogger } from './log.js';

interface Subscription {
  handler: EventHandler<unknown>;
  options: Omit<ResolvedSubscribeOptions, 'concurrency'>;
  concurrency: number;
}

interface OutboxRow {
  seq: number;
  event: string;
  attempts: number;
}

export type EmbeddedSubscribeOptions = SubscribeOptions;

export { retryDelayMs };

export class EmbeddedPubSub implements PubSub {
  private readonly subs = new Map<string, Subscription>();
  private readonly inflight = new Map<number, Promise<void>>();
  /**
   * Messages whose outcome could not be written (SQLITE_FULL: a full disk) → when to try them again.
   * Their row is unchanged, so without this they would be redelivered in a hot loop; in memory is
   * enough, since a restart redelivers them anyway (at-least-once).
   */
  private readonly held = new Map<number, number>();
  private readonly q;

  constructor(
    private readonly db: Db,
    readonly name: string,
    private readonly appId: string,
    private readonly clock: Clock,
    private readonly log: RuntimeLogger,
    private readonly wake: () => void,
  ) {
    this.q = {
      insert: db.prepare('INSERT INTO pubsub_outbox (pubsub, topic, event, next_at) VALUES (?, ?, ?, ?)'),
      due: db.prepare<[string, string, number, number], OutboxRow>(
        'SELECT seq, event, attempts FROM pubsub_outbox WHERE pubsub = ? AND topic = ? AND next_at <= ? ORDER BY seq LIMIT ?',
      ),
      done: db.prepare('DELETE FROM pubsub_outbox WHERE seq = ?'),
      retry: db.prepare('UPDATE pubsub_outbox SET attempts = ?, next_at = ? WHERE seq = ?'),
      dead: db.prepare(
        'INSERT INTO pubsub_dead_letters (seq, pubsub, topic, event, attempts, reason, at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
    };
  }

  /** Builds the CloudEvent and writes it to the outbox. Synchronous, so it joins an open transaction. */
  enqueue<T>(topic: string, data: T, options: PublishOptions = {}): void {
    const event: CloudEvent<T> = {
      specversion: '1.0',
      id: options.id ?? randomUUID(),
      source: this.appId,
      type: options.type ?? 'com.dapr.event.sent',
      topic,
      pubsubname: this.name,
      datacontenttype: 'application/json',
      time: new Date(this.clock.now()).toISOString(),
      data,
      ...(options.traceparent && { traceparent: options.traceparent }),
    };
    this.q.insert.run(this.name, topic, JSON.stringify(event), this.clock.now());
  }

  async publish<T>(topic: string, data: T, options?: PublishOptions): Promise<void> {
    this.enqueue(topic, data, options);
    this.wake();
  }

  subscribe<T>(topic: string, handler: EventHandler<T>, options: EmbeddedSubscribeOptions = {}): void {
    if (this.subs.has(topic)) throw new Error(`topic "${topic}" already has a subscriber on ${this.name}`);
    const { concurrency, ...resolved } = resolveSubscribeOptions(options);
    this.subs.set(topic, { handler: handler as EventHandler<unknown>, concurrency, options: resolved });
  }

  /** Starts handlers for due messages, up to each subscription's concurrency. */
  pump(): void {
    const now = this.clock.now();
    for (const [seq, until] of this.held) if (until <= now) this.held.delete(seq);
    for (const [topic, sub] of this.subs) {
      const busy = [...this.inflight.keys()];
      const rows = this.q.due.all(this.name, topic, now, sub.concurrency + busy.length + this.held.size);
      let running = rows.filter((r) => this.inflight.has(r.seq)).length;
      for (const row of rows) {
        if (running >= sub.concurrency) break;
        if (this.inflight.has(row.seq) || this.held.has(row.seq)) continue;
        running++;
        const p = this.deliver(topic, sub, row)
          .catch((err: unknown) => {
            this.held.set(row.seq, this.clock.now() + retryDelayMs(row.attempts + 1, sub.options.initialBackoffMs, sub.options.maxBackoffMs));
            this.log.error({ err, topic, seq: row.seq }, 'could not record a delivery outcome; the message is held back and retried');
          })
          .finally(() => {
            this.inflight.delete(row.seq);
            this.wake();
          });
        this.inflight.set(row.seq, p);
      }
    }
  }

  private async deliver(topic: string, sub: Subscription, row: OutboxRow): Promise<void> {
    const event = JSON.parse(row.event) as CloudEvent;
    let status: HandlerStatus;
    try {
      status = await sub.handler(event);
    } catch (err) {
      // Never a silent success: a throwing handler is retried (the Dapr SDK's pitfall, avoided).
      this.log.warn({ err, topic, id: event.id }, 'subscription handler threw; will retry');
      status = 'RETRY';
    }
    if (status === 'SUCCESS' || status === 'DROP') {
      if (status === 'DROP') this.log.warn({ topic, id: event.id }, 'message dropped by its handler');
      this.q.done.run(row.seq);
      return;
    }
    const attempts = row.attempts + 1;
    const { maxAttempts, initialBackoffMs, maxBackoffMs, deadLetterTopic } = sub.options;
    if (attempts < maxAttempts) {
      this.q.retry.run(attempts, this.clock.now() + retryDelayMs(attempts, initialBackoffMs, maxBackoffMs), row.seq);
      return;
    }
    this.db.transaction(() => {
      this.q.dead.run(row.seq, this.name, topic, row.event, attempts, 'max_attempts', this.clock.now());
      this.q.done.run(row.seq);
      if (deadLetterTopic) this.enqueue(deadLetterTopic, event.data, { id: event.id, type: event.type });
    })();
    this.log.error({ topic, id: event.id, attempts }, 'message dead-lettered after max attempts');
  }

  /** Waits for the handlers now running. */
  async drain(): Promise<void> {
    while (this.inflight.size) await Promise.allSettled([...this.inflight.values()]);
  }

  get busy(): boolean {
    return this.inflight.size > 0;
  }

  /** Is anything deliverable right now (for settle())? */
  hasDue(): boolean {
    const now = this.clock.now();
    for (const [topic, sub] of this.subs) {
      const rows = this.q.due.all(this.name, topic, now, sub.concurrency + this.inflight.size + this.held.size).filter((r) => !this.held.has(r.seq));
      const waiting = rows.filter((r) => !this.inflight.has(r.seq)).length;
      const running = rows.length - waiting;
      if (waiting > 0 && running < sub.concurrency) return true;
    }
    return false;
  }
}
