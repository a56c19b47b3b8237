/**
 * StateStore port (ports/state.ts) on Azure Cosmos DB (SQL API, @azure/cosmos v4): the read-model /
 * report store, a drop-in for the embedded store wherever a `StateStore` is taken.
 *
 * Items: `{ id, pk, key, value, ttl?, expiresAt? }` in a container partitioned on `/pk`.
 * - `id` is the sha256 of the key (Cosmos ids forbid `/ \ ? #` and cap at 255 chars); `key` keeps
 *   the original, verbatim.
 * - Etags are Cosmos `_etag`s. A save or delete with an etag is a replace/delete with an IfMatch
 *   access condition: 412 (stale) or 404 (missing) → EtagMismatchError. Without one: upsert /
 *   idempotent delete (last-write-wins).
 * - TTL: the container is created with default TTL -1 (on, no default expiry) and an item written
 *   with `ttlSec` carries `ttl`; Cosmos deletes it in the background. `expiresAt` makes reads treat
 *   it as gone at once (and keeps TTL honest on a container created without TTL enabled).
 *
 * Partition key strategy (`partitionKeyOf`): default ONE logical partition per store (pk = store
 * name). Every multi-key transaction is then possible (Cosmos batches are atomic only inside one
 * partition key) and keys(prefix) is a single-partition query; the price is Cosmos' per-logical-
 * partition ceiling (20 GB, ~10,000 RU/s) for the whole store — ample for reports and read models of
 * this app, not for an unbounded event log. `byKeyPrefix('||')` spreads keys by their first segment
 * (e.g. per interview) and scales out, but then a transaction across segments throws
 * CrossPartitionTransactionError instead of silently losing atomicity.
 */
import { createHash } from 'node:crypto';
import type { Agent } from 'node:http';
import {
  BulkOperationType,
  type Container,
  CosmosClient,
  type ItemDefinition,
  type OperationInput,
  type RequestOptions,
} from '@azure/cosmos';
import { EtagMismatchError, NotConfiguredError } from '../ports/errors.js';
import type { StateFeature, StateItem, StateOperation, StateStore, WriteOptions } from '../ports/state.js';
import { CrossPartitionTransactionError, TransactionTooLargeError } from './errors.js';

export const COSMOS_BATCH_LIMIT = 100;

export interface CosmosStateStoreOptions {
  /** Component name the runtime exposes (e.g. "statestore" or "reports"). */
  name: string;
  /** COSMOS_ENDPOINT / COSMOS_KEY, or a ready client. */
  endpoint?: string;
  key?: string;
  client?: CosmosClient;
  /** COSMOS_DATABASE / COSMOS_CONTAINER; both created on first use when missing. */
  database: string;
  container: string;
  /** Maps a state key to its Cosmos partition key. Default: one logical partition (the store name). */
  partitionKeyOf?: (key: string) => string;
  /** HTTP agent for the client (tests pass one that trusts the emulator's self-signed cert). */
  agent?: Agent;
}

/** Partition by the key's first segment before `separator` (keys without it share the store's). */
export const byKeyPrefix =
  (separator: string, fallback: string) =>
  (key: string): string => {
    const i = key.indexOf(separator);
    return i > 0 ? key.slice(0, i) : fallback;
  };

interface Doc extends ItemDefinition {
  id: string;
  pk: string;
  key: string;
  value: unknown;
  ttl?: number;
  expiresAt?: number;
  _etag?: string;
}

const idOf = (key: string) => createHash('sha256').update(key, 'utf8').digest('hex');

function statusOf(err: unknown): number | undefined {
  if (err && typeof err === 'object') {
    const e = err as { code?: unknown; statusCode?: unknown };
    if (typeof e.code === 'number') return e.code;
    if (typeof e.statusCode === 'number') return e.statusCode;
  }
  return undefined;
}

const ifMatch = (etag: string): RequestOptions => ({ accessCondition: { type: 'IfMatch', condition: etag } });

export class CosmosStateStore implements StateStore {
  readonly name: string;
  readonly features: ReadonlySet<StateFeature> = new Set<StateFeature>(['ETAG', 'TRANSACTIONAL', 'TTL']);
  private readonly client: CosmosClient;
  private readonly pkOf: (key: string) => string;
  private containerReady: Promise<Container> | undefined;

  constructor(private readonly options: CosmosStateStoreOptions) {
    this.name = options.name;
    if (options.client) this.client = options.client;
    else if (options.endpoint && options.key) {
      this.client = new CosmosClient({
        endpoint: options.endpoint,
        key: options.key,
        ...(options.agent && { agent: options.agent }),
      });
    } else throw new NotConfiguredError('Cosmos state store (COSMOS_ENDPOINT and COSMOS_KEY)');
    const single = options.name;
    this.pkOf = options.partitionKeyOf ?? (() => single);
  }

  /** From COSMOS_ENDPOINT, COSMOS_KEY, COSMOS_DATABASE (default "interview-buddy"), COSMOS_CONTAINER (default "state"). */
  static fromEnv(env: NodeJS.ProcessEnv, name: string, extra: Partial<CosmosStateStoreOptions> = {}): CosmosStateStore {
    const { COSMOS_ENDPOINT: endpoint, COSMOS_KEY: key } = env;
    if (!endpoint || !key) throw new NotConfiguredError('Cosmos state store (COSMOS_ENDPOINT and COSMOS_KEY)');
    return new CosmosStateStore({
      name,
      endpoint,
      key,
      database: env.COSMOS_DATABASE || 'interview-buddy',
      container: env.COSMOS_CONTAINER || 'state',
      ...extra,
    });
  }

  /** Creates the database and container (pk `/pk`, TTL on without a default) once. */
  container(): Promise<Container> {
    this.containerReady ??= (async () => {
      const { database } = await this.client.databases.createIfNotExists({ id: this.options.database });
      const { container } = await database.containers.createIfNotExists({
        id: this.options.container,
        partitionKey: { paths: ['/pk'] },
        defaultTtl: -1,
      });
      return container;
    })().catch((err: unknown) => {
      this.containerReady = undefined;
      throw err;
    });
    return this.containerReady;
  }

  private live(doc: Doc | undefined): Doc | undefined {
    if (!doc) return undefined;
    if (doc.expiresAt !== undefined && doc.expiresAt <= Date.now()) return undefined;
    return doc;
  }

  private async readDoc(key: string): Promise<Doc | undefined> {
    const c = await this.container();
    try {
      const { resource } = await c.item(idOf(key), this.pkOf(key)).read<Doc>();
      return this.live(resource);
    } catch (err) {
      if (statusOf(err) === 404) return undefined;
      throw err;
    }
  }

  private docFor(key: string, value: unknown, options?: WriteOptions): Doc {
    const doc: Doc = { id: idOf(key), pk: this.pkOf(key), key, value: value === undefined ? null : value };
    if (options?.ttlSec !== undefined) {
      doc.ttl = Math.max(1, Math.ceil(options.ttlSec));
      doc.expiresAt = Date.now() + options.ttlSec * 1000;
    }
    return doc;
  }

  async get<T = unknown>(key: string): Promise<StateItem<T> | undefined> {
    const doc = await this.readDoc(key);
    return doc && { key: doc.key, value: doc.value as T, etag: doc._etag! };
  }

  async bulkGet<T = unknown>(keys: readonly string[]): Promise<StateItem<T>[]> {
    // Point reads (1 RU each) in parallel beat a cross-item query for the small sets asked here.
    const items = await Promise.all(keys.map((k) => this.get<T>(k)));
    return items.filter((i): i is StateItem<T> => i !== undefined);
  }

  async save<T = unknown>(key: string, value: T, options?: WriteOptions): Promise<string> {
    const c = await this.container();
    const doc = this.docFor(key, value, options);
    try {
      if (options?.etag === undefined) {
        const { resource } = await c.items.upsert<Doc>(doc);
        return resource!._etag!;
      }
      // Replace, not upsert: a missing item must fail (404), never be created under an etag.
      const { resource } = await c.item(doc.id, doc.pk).replace<Doc>(doc, ifMatch(options.etag));
      return resource!._etag!;
    } catch (err) {
      const status = statusOf(err);
      if (options?.etag !== undefined && (status === 412 || status === 404)) throw new EtagMismatchError(key);
      throw err;
    }
  }

  async delete(key: string, options?: Pick<WriteOptions, 'etag'>): Promise<void> {
    const c = await this.container();
    try {
      await c.item(idOf(key), this.pkOf(key)).delete(options?.etag !== undefined ? ifMatch(options.etag) : {});
    } catch (err) {
      const status = statusOf(err);
      if (options?.etag === undefined && status === 404) return;
      if (options?.etag !== undefined && (status === 412 || status === 404)) throw new EtagMismatchError(key);
      throw err;
    }
  }

  /**
   * One Cosmos transactional batch (atomic within one partition key). Before the batch, etags are
   * checked with point reads (fail fast, no RU spent on a doomed batch) and deletes of keys that are
   * already gone are dropped (a batch delete of a missing item would fail the whole batch, but the
   * port's delete is idempotent). The batch itself still carries every IfMatch, so a concurrent
   * writer between check and batch fails it atomically (412 → EtagMismatchError).
   */
  async transaction(operations: readonly StateOperation[]): Promise<void> {
    if (operations.length === 0) return;
    const pks = [...new Set(operations.map((op) => this.pkOf(op.key)))];
    if (pks.length > 1) throw new CrossPartitionTransactionError(pks);
    if (operations.length > COSMOS_BATCH_LIMIT) throw new TransactionTooLargeError(operations.length, COSMOS_BATCH_LIMIT);
    const pk = pks[0]!;
    const c = await this.container();

    for (let attempt = 0; ; attempt += 1) {
      const current = new Map<string, Doc | undefined>();
      await Promise.all([...new Set(operations.map((op) => op.key))].map(async (k) => current.set(k, await this.readDoc(k))));
      for (const op of operations) {
        const etag = op.options?.etag;
        if (etag !== undefined && current.get(op.key)?._etag !== etag) throw new EtagMismatchError(op.key);
      }
      // Each operation names its partition key too (the SDK sends it; the npm emulator requires it).
      const batch: { op: StateOperation; input: OperationInput }[] = [];
      for (const op of operations) {
        const etag = op.options?.etag;
        if (op.operation === 'delete') {
          if (etag === undefined && !current.get(op.key)) continue; // already gone
          batch.push({ op, input: { operationType: BulkOperationType.Delete, id: idOf(op.key), partitionKey: pk, ...(etag !== undefined && { ifMatch: etag }) } });
        } else {
          const doc = this.docFor(op.key, op.value, op.options);
          batch.push({
            op,
            input:
              etag === undefined
                ? { operationType: BulkOperationType.Upsert, partitionKey: pk, resourceBody: doc }
                : { operationType: BulkOperationType.Replace, partitionKey: pk, id: doc.id, resourceBody: doc, ifMatch: etag },
          });
        }
      }
      if (batch.length === 0) return;
      const response = await c.items.batch(batch.map((b) => b.input), pk);
      const results = response.result ?? [];
      const failedAt = results.findIndex((r) => r.statusCode >= 400 && r.statusCode !== 424);
      if (failedAt < 0 && results.length === batch.length) return;
      const failed = batch[failedAt];
      const status = results[failedAt]?.statusCode;
      if (failed && (status === 412 || (status === 404 && failed.op.options?.etag !== undefined))) {
        throw new EtagMismatchError(failed.op.key);
      }
      // A no-etag delete whose item vanished between the check and the batch: check again.
      if (failed && status === 404 && failed.op.operation === 'delete' && attempt < 3) continue;
      throw new Error(`Cosmos transaction failed: operation ${failedAt} (${failed?.op.operation} "${failed?.op.key}") → ${status ?? response.code}`);
    }
  }

  /** Keys starting with `prefix`, sorted. Cross-partition unless the default single partition. */
  async keys(prefix: string): Promise<string[]> {
    const c = await this.container();
    const single = this.options.partitionKeyOf === undefined;
    const query = {
      query: `SELECT c.key, c.expiresAt FROM c WHERE ${single ? 'c.pk = @pk AND ' : ''}STARTSWITH(c.key, @prefix) ORDER BY c.key`,
      parameters: [
        { name: '@prefix', value: prefix },
        ...(single ? [{ name: '@pk', value: this.name }] : []),
      ],
    };
    const { resources } = await c.items
      .query<{ key: string; expiresAt?: number }>(query, single ? { partitionKey: this.name } : {})
      .fetchAll();
    const now = Date.now();
    return resources.filter((r) => r.expiresAt === undefined || r.expiresAt > now).map((r) => r.key);
  }
}
