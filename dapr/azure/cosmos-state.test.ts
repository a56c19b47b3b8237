// Cosmos-specific behaviour beyond the shared state suite (test/conformance/state.cosmos.test.ts):
// keys(prefix), per-prefix partitioning, and the typed refusal of a cross-partition transaction.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type CosmosEmulator, startCosmosEmulator } from '../../test/helpers/cosmos-emulator.js';
import { byKeyPrefix, CosmosStateStore } from './cosmos-state.js';
import { CrossPartitionTransactionError } from './errors.js';

describe('CosmosStateStore (npm Cosmos emulator)', () => {
  let emulator: CosmosEmulator;
  const build = (container: string, partitioned: boolean) =>
    new CosmosStateStore({
      name: 'reports',
      endpoint: emulator.endpoint,
      key: emulator.key,
      agent: emulator.agent,
      database: 'unit',
      container,
      ...(partitioned && { partitionKeyOf: byKeyPrefix('||', 'reports') }),
    });

  beforeAll(async () => {
    emulator = await startCosmosEmulator();
  });
  afterAll(async () => {
    await emulator?.stop();
  });

  it('keys(prefix) lists matching keys in order and hides TTL-expired ones', async () => {
    const store = build('single', false);
    await store.save('report|b', 1);
    await store.save('report|a', 2);
    await store.save('other|a', 3);
    await store.save('report|gone', 4, { ttlSec: 0.05 });
    await new Promise((r) => setTimeout(r, 100));
    expect(await store.keys('report|')).toStrictEqual(['report|a', 'report|b']);
  });

  it('with per-prefix partitions: a same-partition transaction commits; a cross-partition one is refused whole', async () => {
    const store = build('partitioned', true);
    await store.transaction([
      { operation: 'upsert', key: 'iv-1||report', value: { score: 1 } },
      { operation: 'upsert', key: 'iv-1||summary', value: 'ok' },
    ]);
    expect((await store.get('iv-1||report'))!.value).toStrictEqual({ score: 1 });
    const err = await store
      .transaction([
        { operation: 'upsert', key: 'iv-1||report', value: { score: 2 } },
        { operation: 'upsert', key: 'iv-2||report', value: { score: 2 } },
      ])
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CrossPartitionTransactionError);
    expect((err as CrossPartitionTransactionError).code).toBe('transaction_cross_partition');
    expect((await store.get('iv-1||report'))!.value).toStrictEqual({ score: 1 });
    expect(await store.get('iv-2||report')).toBeUndefined();
    expect(await store.keys('iv-1||')).toStrictEqual(['iv-1||report', 'iv-1||summary']);
  });
});
