/**
 * Pub/sub port (Dapr pub/sub). Messages are CloudEvents 1.0; delivery is at-least-once, so
 * handlers must be idempotent. A handler answers SUCCESS (done), RETRY (deliver again after a
 * backoff) or DROP (discard, logged). A handler that throws is treated as RETRY — never as a
 * silent success. After `maxAttempts` the message goes to the dead-letter topic when one is set.
 */
export interface CloudEvent<T = unknown> {
  specversion: '1.0';
  id: string;
  source: string;
  type: string;
  topic: string;
  pubsubname: string;
  datacontenttype: 'application/json';
  time: string;
  data: T;
  /** W3C trace context, carried across pub/sub. */
  traceparent?: string;
}

export type HandlerStatus = 'SUCCESS' | 'RETRY' | 'DROP';

export type EventHandler<T = unknown> = (event: CloudEvent<T>) => Promise<HandlerStatus>;

export interface PublishOptions {
  /** CloudEvent id; generated when absent. Reuse it to make a republish recognisable. */
  id?: string;
  type?: string;
  traceparent?: string;
  metadata?: Record<string, string>;
}

export interface SubscribeOptions {
  /** Topic that receives messages whose retries ran out. */
  deadLetterTopic?: string;
  /** Deliveries before giving up (default 10). */
  maxAttempts?: number;
  /** First retry delay; doubles each attempt up to maxBackoffMs. */
  initialBackoffMs?: number;
  maxBackoffMs?: number;
  /** Messages of this topic handled at once by this app (CPU-heavy handlers want 1). */
  concurrency?: number;
}

export interface PubSub {
  readonly name: string;
  publish<T>(topic: string, data: T, options?: PublishOptions): Promise<void>;
  /** Register before the runtime starts delivering; one handler per topic per app. */
  subscribe<T>(topic: string, handler: EventHandler<T>, options?: SubscribeOptions): void;
}

/** A subscription's options with every default applied (the same defaults in every adapter). */
export interface ResolvedSubscribeOptions {
  maxAttempts: number;
  initialBackoffMs: number;
  maxBackoffMs: number;
  concurrency: number;
  deadLetterTopic?: string;
}

export function resolveSubscribeOptions(options: SubscribeOptions = {}): ResolvedSubscribeOptions {
  return {
    maxAttempts: options.maxAttempts ?? 10,
    initialBackoffMs: options.initialBackoffMs ?? 1000,
    maxBackoffMs: options.maxBackoffMs ?? 60_000,
    concurrency: options.concurrency ?? 4,
    ...(options.deadLetterTopic && { deadLetterTopic: options.deadLetterTopic }),
  };
}

/** Delay before the next delivery after `attempts` failed ones: doubling from `initial`, capped at `max`. */
export const retryDelayMs = (attempts: number, initial: number, max: number): number =>
  Math.min(max, initial * 2 ** Math.max(0, attempts - 1));
