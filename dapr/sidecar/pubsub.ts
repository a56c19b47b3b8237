/**
 * Pub/sub port on daprd (`pubsub.redis` Streams here: one consumer group per app-id).
 *
 * Publishing sends a whole CloudEvent (`application/cloudevents+json`), so daprd keeps our id, type
 * and W3C trace context instead of minting its own. Deliveries come through `Deliveries` below, not
 * the SDK's subscription callback: that callback hands over `data` only (no event id), loses falsy
 * payloads, and counts a throwing handler as SUCCESS.
 */
import { randomUUID } from 'node:crypto';
import type { DaprClient } from '@dapr/dapr';
import { NotConfiguredError } from '../ports/errors.js';
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
import { daprFailure, throwIfFailed } from './sdk.js';

export function cloudEvent<T>(appId: string, pubsub: string, topic: string, data: T, options: PublishOptions = {}): CloudEvent<T> {
  const traceparent = options.traceparent;
  return {
    specversion: '1.0',
    id: options.id ?? randomUUID(),
    source: appId,
    type: options.type ?? 'com.dapr.event.sent',
    topic,
    pubsubname: pubsub,
    datacontenttype: 'application/json',
    time: new Date().toISOString(),
    data,
    // daprd reads `traceid` (its older name) as well as `traceparent`; both keep our trace.
    ...(traceparent && { traceparent, traceid: traceparent }),
  };
}

export interface Subscription {
  pubsub: string;
  topic: string;
  handler: EventHandler<unknown>;
  options: ResolvedSubscribeOptions;
}

/** The subscriptions of one app; the runtime turns them into daprd routes when it starts. */
export class SubscriptionTable {
  readonly all: Subscription[] = [];
  add(sub: Subscription): void {
    if (this.all.some((s) => s.pubsub === sub.pubsub && s.topic === sub.topic)) {
      throw new Error(`topic "${sub.topic}" already has a subscriber on ${sub.pubsub}`);
    }
    this.all.push(sub);
  }
}

export class SidecarPubSub implements PubSub {
  constructor(
    private readonly client: DaprClient,
    readonly name: string,
    private readonly appId: string,
    private readonly table: SubscriptionTable,
  ) {}

  async publish<T>(topic: string, data: T, options: PublishOptions = {}): Promise<void> {
    const event = cloudEvent(this.appId, this.name, topic, data, options);
    try {
      throwIfFailed(await this.client.pubsub.publish(this.name, topic, event as object, { contentType: 'application/cloudevents+json', metadata: options.metadata }));
    } catch (err) {
      if (daprFailure(err)?.errorCode === 'ERR_PUBSUB_NOT_FOUND') throw new NotConfiguredError(`pubsub "${this.name}"`);
      throw err;
    }
  }

  subscribe<T>(topic: string, handler: EventHandler<T>, options?: SubscribeOptions): void {
    this.table.add({ pubsub: this.name, topic, handler: handler as EventHandler<unknown>, options: resolveSubscribeOptions(options) });
  }
}

type Publish = (pubsub: string, topic: string, data: unknown, options: PublishOptions) => Promise<void>;

/**
 * Runs handlers for the messages daprd delivers. Retries happen here, with the subscription's own
 * backoff (daprd's resiliency policies are per component, not per subscription); the message stays
 * unacked in the Redis consumer group meanwhile, so a crash mid-retry means redelivery by daprd.
 * After maxAttempts the event goes to the dead-letter topic (same id and data) and is acked.
 */
export class Deliveries {
  private readonly running = new Set<Promise<unknown>>();
  private readonly slots = new Map<Subscription, { busy: number; waiting: (() => void)[] }>();
  private readonly stopping = new AbortController();

  constructor(
    private readonly publish: Publish,
    private readonly log: { error(obj: object, msg: string): void; warn(obj: object, msg: string): void },
  ) {}

  /** Answers daprd for one delivery: SUCCESS/DROP ack it; RETRY leaves it pending for redelivery. */
  async deliver(sub: Subscription, event: CloudEvent): Promise<HandlerStatus> {
    if (this.stopping.signal.aborted) return 'RETRY';
    await this.acquire(sub);
    try {
      for (let attempt = 1; ; attempt++) {
        const status = await this.track(this.attempt(sub, event));
        if (status !== 'RETRY') {
          if (status === 'DROP') this.log.warn({ topic: sub.topic, id: event.id }, 'message dropped by its handler');
          return status;
        }
        if (attempt >= sub.options.maxAttempts) return await this.deadLetter(sub, event, attempt);
        const delay = retryDelayMs(attempt, sub.options.initialBackoffMs, sub.options.maxBackoffMs);
        if (!(await this.sleep(delay))) return 'RETRY';
      }
    } finally {
      this.release(sub);
    }
  }

  /** Stops starting handlers, abandons backoff waits (their messages stay pending) and waits for running handlers. */
  async stop(): Promise<void> {
    this.stopping.abort();
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }

  private async attempt(sub: Subscription, event: CloudEvent): Promise<HandlerStatus> {
    try {
      const status = await sub.handler(event);
      return status === 'SUCCESS' || status === 'DROP' ? status : 'RETRY';
    } catch (err) {
      this.log.error({ topic: sub.topic, id: event.id, err: String(err) }, 'handler threw; will retry');
      return 'RETRY';
    }
  }

  private async deadLetter(sub: Subscription, event: CloudEvent, attempts: number): Promise<HandlerStatus> {
    this.log.error({ topic: sub.topic, id: event.id, attempts }, 'message dead-lettered after max attempts');
    const topic = sub.options.deadLetterTopic;
    if (!topic) return 'DROP';
    await this.publish(sub.pubsub, topic, event.data, { id: event.id, type: event.type, ...(event.traceparent && { traceparent: event.traceparent }) });
    return 'SUCCESS';
  }

  private track<T>(promise: Promise<T>): Promise<T> {
    this.running.add(promise);
    return promise.finally(() => this.running.delete(promise));
  }

  /** Resolves true after `ms`, or false at once when stopping. */
  private sleep(ms: number): Promise<boolean> {
    const signal = this.stopping.signal;
    if (signal.aborted) return Promise.resolve(false);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        signal.removeEventListener('abort', onAbort);
        resolve(true);
      }, ms);
      const onAbort = () => {
        clearTimeout(timer);
        resolve(false);
      };
      signal.addEventListener('abort', onAbort, { once: true });
    });
  }

  private async acquire(sub: Subscription): Promise<void> {
    let slot = this.slots.get(sub);
    if (!slot) this.slots.set(sub, (slot = { busy: 0, waiting: [] }));
    if (slot.busy < sub.options.concurrency) {
      slot.busy++;
      return;
    }
    await new Promise<void>((resolve) => slot.waiting.push(resolve));
  }

  private release(sub: Subscription): void {
    const slot = this.slots.get(sub)!;
    const next = slot.waiting.shift();
    if (next) next(); // the slot passes straight to the next waiter
    else slot.busy--;
  }
}
