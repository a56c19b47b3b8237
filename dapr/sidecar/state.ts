/**
 * State store port on daprd's state API (`state.redis` here, `state.azure.cosmosdb` in AKS).
 *
 * What daprd and Redis do differently from the port, and how this file closes the gap:
 * - keys may not contain "||" (daprd's key separator): keys are escaped reversibly;
 * - Redis etags are per-key version numbers that restart at 1 when a key is re-created, so an etag
 *   from before a delete would match again; a delete therefore writes a tombstone (`{t: 1}`, expiring
 *   after TOMBSTONE_TTL_SEC) and values are stored wrapped (`{v}`) to tell the two apart;
 * - Redis accepts an etag on a key that does not exist (it creates it), and its transactions are
 *   MULTI/EXEC batches that do not roll back when one operation's etag check fails: so writes
 *   carrying etags compare them with the stored ones first and fail whole before sending anything.
 *   What remains is a race with a writer landing between that check and the batch (Redis only; a
 *   Cosmos transactional batch is atomic);
 * - a save does not answer the new etag, so save reads it back; a writer racing in between makes
 *   that the racer's etag, which only ever makes our next conditional write fail safe.
 * Gets go through the bulk endpoint: it carries keys in the body (no URL escaping) and answers etags.
 */
import type { DaprClient } from '@dapr/dapr';
import { EtagInvalidError, EtagMismatchError, NotConfiguredError } from '../ports/errors.js';
import type { StateFeature, StateItem, StateOperation, StateStore, WriteOptions } from '../ports/state.js';
import { daprFailure, throwIfFailed } from './sdk.js';

const TOMBSTONE_TTL_SEC = 7 * 24 * 3600;
const encodeKey = (key: string) => key.replace(/%/g, '%25').replace(/\|/g, '%7C');
const decodeKey = (key: string) => key.replace(/%7C/g, '|').replace(/%25/g, '%');

interface BulkItem {
  key: string;
  data?: unknown;
  etag?: string;
  error?: string;
}

type DaprOp = {
  operation: 'upsert' | 'delete';
  request: { key: string; value?: unknown; etag?: string; metadata?: Record<string, string>; options?: { concurrency: 'first-write' } };
};

export class SidecarStateStore implements StateStore {
  readonly features: ReadonlySet<StateFeature> = new Set<StateFeature>(['ETAG', 'TRANSACTIONAL', 'TTL']);

  constructor(
    private readonly client: DaprClient,
    readonly name: string,
  ) {}

  async get<T = unknown>(key: string): Promise<StateItem<T> | undefined> {
    return (await this.bulkGet<T>([key]))[0];
  }

  async bulkGet<T = unknown>(keys: readonly string[]): Promise<StateItem<T>[]> {
    if (keys.length === 0) return [];
    const items = (await this.call(() => this.client.state.getBulk(this.name, keys.map(encodeKey)))) as BulkItem[];
    const live = items.filter((i) => !i.error && i.data && typeof i.data === 'object' && 'v' in i.data);
    const byKey = new Map(live.map((i) => [decodeKey(i.key), i]));
    return keys.flatMap((key) => {
      const item = byKey.get(key);
      return item ? [{ key, value: (item.data as { v: T }).v, etag: String(item.etag ?? '') }] : [];
    });
  }

  async save<T = unknown>(key: string, value: T, options: WriteOptions = {}): Promise<string> {
    await this.transaction([{ operation: 'upsert', key, value, options }]);
    const saved = await this.get(key);
    return saved?.etag ?? '';
  }

  async delete(key: string, options: Pick<WriteOptions, 'etag'> = {}): Promise<void> {
    await this.transaction([{ operation: 'delete', key, options }]);
  }

  async transaction(operations: readonly StateOperation[]): Promise<void> {
    if (operations.length === 0) return;
    const key = operations.length === 1 ? operations[0]!.key : operations.map((o) => o.key).join(', ');
    await this.checkEtags(operations);
    const ops = operations.map((op) => this.toDapr(op));
    await this.call(() => this.client.state.transaction(this.name, ops as never), key);
  }

  private async checkEtags(operations: readonly StateOperation[]): Promise<void> {
    const expected = operations.flatMap((op) => (op.options?.etag !== undefined ? [[op.key, op.options.etag] as const] : []));
    if (expected.length === 0) return;
    const items = (await this.call(() => this.client.state.getBulk(this.name, expected.map(([k]) => encodeKey(k))))) as BulkItem[];
    const stored = new Map(items.filter((i) => !i.error && i.data !== undefined && i.data !== '').map((i) => [decodeKey(i.key), String(i.etag ?? '')]));
    for (const [key, etag] of expected) {
      if (!/^\d+$/.test(etag) && this.numericEtags(stored)) throw new EtagInvalidError(key);
      if (stored.get(key) !== etag) throw new EtagMismatchError(key);
    }
  }

  /** Redis etags are version numbers; anything else is malformed rather than stale. */
  private numericEtags(stored: Map<string, string>): boolean {
    return [...stored.values()].every((e) => /^\d+$/.test(e));
  }

  private toDapr(op: StateOperation): DaprOp {
    const etag = op.options?.etag;
    const request: DaprOp['request'] = { key: encodeKey(op.key) };
    if (etag !== undefined) Object.assign(request, { etag, options: { concurrency: 'first-write' } });
    if (op.operation === 'delete') {
      request.value = { t: 1 };
      request.metadata = { ttlInSeconds: String(TOMBSTONE_TTL_SEC) };
    } else {
      request.value = { v: op.value };
      const ttl = op.options?.ttlSec;
      if (ttl !== undefined) request.metadata = { ttlInSeconds: String(ttl) };
    }
    return { operation: 'upsert', request };
  }

  /** Runs an SDK call and turns daprd's answers into the port's typed errors. */
  private async call<R>(fn: () => Promise<R>, key = ''): Promise<R> {
    let result: R;
    try {
      result = await fn();
      throwIfFailed(result);
    } catch (err) {
      const failure = daprFailure(err);
      if (!failure) throw err;
      if (failure.errorCode === 'ERR_STATE_STORE_NOT_FOUND' || failure.errorCode === 'ERR_STATE_STORE_NOT_CONFIGURED') {
        throw new NotConfiguredError(`state store "${this.name}"`);
      }
      // 409 from daprd's save; Redis scripts answer "failed to set key" inside a transaction; Cosmos 412.
      if (failure.status === 409 || /etag mismatch|possible etag|failed to (set|delete) key|precondition/i.test(failure.message)) {
        throw new EtagMismatchError(key);
      }
      if (/etag/i.test(failure.message) && /invalid|parse/i.test(failure.message)) throw new EtagInvalidError(key);
      throw err;
    }
    return result;
  }
}
