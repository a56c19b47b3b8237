/** Embedded state store: rows in SQLite, integer etags, first-write-wins when an etag is given. */
import { randomUUID } from 'node:crypto';
import { EtagMismatchError } from '../ports/errors.js';
import type { StateFeature, StateItem, StateOperation, StateStore, WriteOptions } from '../ports/state.js';
import type { Clock } from './clock.js';
import type { Db } from './db.js';

interface Row {
  key: string;
  value: string;
  etag: string;
  expires_at: number | null;
}

export class EmbeddedStateStore implements StateStore {
  readonly features: ReadonlySet<StateFeature> = new Set<StateFeature>(['ETAG', 'TRANSACTIONAL', 'TTL']);
  private readonly q;

  constructor(
    private readonly db: Db,
    readonly name: string,
    private readonly clock: Clock,
  ) {
    this.q = {
      get: db.prepare<[string, string], Row>('SELECT key, value, etag, expires_at FROM state WHERE store = ? AND key = ?'),
      upsert: db.prepare(
        `INSERT INTO state (store, key, value, etag, expires_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (store, key) DO UPDATE SET value = excluded.value, etag = excluded.etag, expires_at = excluded.expires_at`,
      ),
      del: db.prepare('DELETE FROM state WHERE store = ? AND key = ?'),
      keys: db.prepare<[string, string, string], { key: string }>(
        'SELECT key FROM state WHERE store = ? AND key >= ? AND key < ? ORDER BY key',
      ),
    };
  }

  private live(key: string): Row | undefined {
    const row = this.q.get.get(this.name, key);
    if (row && row.expires_at !== null && row.expires_at <= this.clock.now()) return undefined;
    return row;
  }

  private check(key: string, etag: string | undefined): void {
    if (etag === undefined) return;
    const row = this.live(key);
    if (!row || row.etag !== etag) throw new EtagMismatchError(key);
  }

  private apply(op: StateOperation): void {
    this.check(op.key, op.options?.etag);
    if (op.operation === 'delete') {
      this.q.del.run(this.name, op.key);
      return;
    }
    const ttl = op.options?.ttlSec;
    const expires = ttl !== undefined ? this.clock.now() + ttl * 1000 : null;
    // A fresh random etag per write: a deleted-and-recreated key never matches an old etag.
    this.q.upsert.run(this.name, op.key, JSON.stringify(op.value ?? null), randomUUID(), expires);
  }

  async get<T>(key: string): Promise<StateItem<T> | undefined> {
    const row = this.live(key);
    return row && { key, value: JSON.parse(row.value) as T, etag: row.etag };
  }

  async bulkGet<T>(keys: readonly string[]): Promise<StateItem<T>[]> {
    const items: StateItem<T>[] = [];
    for (const key of keys) {
      const item = await this.get<T>(key);
      if (item) items.push(item);
    }
    return items;
  }

  async save<T>(key: string, value: T, options?: WriteOptions): Promise<string> {
    return this.db.transaction(() => {
      this.apply({ operation: 'upsert', key, value, ...(options && { options }) });
      return this.q.get.get(this.name, key)!.etag;
    })();
  }

  async delete(key: string, options?: Pick<WriteOptions, 'etag'>): Promise<void> {
    this.db.transaction(() => this.apply({ operation: 'delete', key, ...(options && { options }) }))();
  }

  async transaction(operations: readonly StateOperation[]): Promise<void> {
    this.db.transaction(() => operations.forEach((op) => this.apply(op)))();
  }

  async keys(prefix: string): Promise<string[]> {
    return this.q.keys.all(this.name, prefix, prefix + '\uffff').map((r) => r.key);
  }
}
