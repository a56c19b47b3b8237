/**
 * State store port (Dapr state API). Values are JSON. Etags are opaque strings: a save or delete
 * that carries one succeeds only if the stored item still has it (first-write-wins); without one
 * the write is last-write-wins.
 */
export type StateFeature = 'ETAG' | 'TRANSACTIONAL' | 'TTL';

export interface StateItem<T = unknown> {
  key: string;
  value: T;
  etag: string;
}

export interface WriteOptions {
  /** Expected current etag. Stale → EtagMismatchError; given for a missing key → EtagMismatchError. */
  etag?: string;
  /** Seconds until the item expires (only where features has TTL). */
  ttlSec?: number;
}

export type StateOperation =
  | { operation: 'upsert'; key: string; value: unknown; options?: WriteOptions }
  | { operation: 'delete'; key: string; options?: Pick<WriteOptions, 'etag'> };

export interface StateStore {
  readonly name: string;
  readonly features: ReadonlySet<StateFeature>;
  /** The item, or undefined when missing (or expired). */
  get<T = unknown>(key: string): Promise<StateItem<T> | undefined>;
  /** Items in the order of `keys`; missing keys are left out. */
  bulkGet<T = unknown>(keys: readonly string[]): Promise<StateItem<T>[]>;
  /** Creates or replaces; returns the new etag. */
  save<T = unknown>(key: string, value: T, options?: WriteOptions): Promise<string>;
  /** Idempotent without an etag (deleting a missing key is fine). */
  delete(key: string, options?: Pick<WriteOptions, 'etag'>): Promise<void>;
  /** All operations or none; any etag mismatch fails the whole transaction. */
  transaction(operations: readonly StateOperation[]): Promise<void>;
  /** Keys starting with `prefix` (an embedded convenience for tooling and erase checks). */
  keys?(prefix: string): Promise<string[]>;
}
