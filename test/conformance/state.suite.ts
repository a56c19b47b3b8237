/**
 * State store conformance (ports/state.ts): JSON round trips (falsy values too), etags with
 * first-write-wins, idempotent delete, ordered bulkGet, all-or-nothing transactions, TTL by feature.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { EtagInvalidError, EtagMismatchError, NotConfiguredError } from '../../dapr/ports/index.js';
import type { StateStore } from '../../dapr/ports/index.js';
import { expectPortError, rejectionOf, uniq } from './common.suite.js';
import { eventually, type AdapterInstance, type AdapterRow } from './harness.js';

const JSON_VALUES: readonly unknown[] = [
  0, false, '', null, -1, 42.5, 'text', '{"looks":"like json"}', [], {}, [0, false, '', null],
  { nested: { list: [1, null, 'x'], flag: false, zero: 0, empty: '' } }, 'unicode ✓ 🎙 ключ',
];

export function stateSuite(row: AdapterRow): void {
  describe(`state: ${row.name}`, () => {
    let instance: AdapterInstance;
    let store: StateStore;
    const run = uniq();
    const key = (name: string) => `conf-${run}-${name}`;

    beforeAll(async () => {
      instance = await row.create(() => {});
      store = instance.runtime.state(row.components.state);
    });
    afterAll(async () => {
      await instance?.close();
    });

    it('declares ETAG and TRANSACTIONAL (the actor runtime and lifecycle need both)', () => {
      expect(store.name).toBe(row.components.state);
      expect(store.features.has('ETAG')).toBe(true);
      expect(store.features.has('TRANSACTIONAL')).toBe(true);
    });

    it('get of a missing key resolves to undefined', async () => {
      expect(await store.get(key('never-written'))).toBeUndefined();
    });

    it('round-trips JSON values, falsy ones included, through get and bulkGet', async () => {
      const keys = JSON_VALUES.map((_, i) => key(`json-${i}`));
      for (const [i, value] of JSON_VALUES.entries()) await store.save(keys[i]!, value);
      for (const [i, value] of JSON_VALUES.entries()) {
        const item = await store.get(keys[i]!);
        expect(item).toBeDefined();
        expect(item!.key).toBe(keys[i]);
        expect(item!.value).toStrictEqual(value);
      }
      const bulk = await store.bulkGet(keys);
      expect(bulk.map((item) => item.value)).toStrictEqual([...JSON_VALUES]);
    });

    it('returns a non-empty etag that get reports and that changes on every write', async () => {
      const k = key('etag-changes');
      const first = await store.save(k, { v: 1 });
      expect(typeof first).toBe('string');
      expect(first.length).toBeGreaterThan(0);
      expect((await store.get(k))!.etag).toBe(first);
      const second = await store.save(k, { v: 1 }); // same value: still a new write
      expect(second).not.toBe(first);
      expect((await store.get(k))!.etag).toBe(second);
      const third = await store.save(k, { v: 2 }, { etag: second });
      expect(new Set([first, second, third]).size).toBe(3);
    });

    it('save with the current etag succeeds; with a stale etag → EtagMismatchError and nothing changes', async () => {
      const k = key('first-write');
      const stale = await store.save(k, 'one');
      const current = await store.save(k, 'two', { etag: stale });
      await expectPortError(() => store.save(k, 'lost', { etag: stale }), EtagMismatchError, 'etag_mismatch');
      expect(await store.get(k)).toStrictEqual({ key: k, value: 'two', etag: current });
    });

    it('an etag on a missing key → EtagMismatchError, and the key is not created', async () => {
      const other = await store.save(key('etag-donor'), 'x'); // a well-formed etag from another key
      const k = key('missing-with-etag');
      await expectPortError(() => store.save(k, 'v', { etag: other }), EtagMismatchError, 'etag_mismatch');
      expect(await store.get(k)).toBeUndefined();
    });

    it('an etag from before a delete does not match the key once it is re-created', async () => {
      const k = key('aba');
      const old = await store.save(k, 'first life');
      await store.delete(k);
      await expectPortError(() => store.save(k, 'v', { etag: old }), EtagMismatchError, 'etag_mismatch');
      const reborn = await store.save(k, 'second life');
      expect(reborn).not.toBe(old);
      await expectPortError(() => store.save(k, 'v', { etag: old }), EtagMismatchError, 'etag_mismatch');
      expect((await store.get(k))!.value).toBe('second life');
    });

    it('a malformed etag is rejected with an etag error (mismatch or invalid), not applied', async () => {
      const k = key('bad-etag');
      await store.save(k, 'kept');
      const err = await rejectionOf(store.save(k, 'v', { etag: 'not-an-etag' }));
      expect(err instanceof EtagMismatchError || err instanceof EtagInvalidError).toBe(true);
      expect(['etag_mismatch', 'etag_invalid']).toContain((err as EtagMismatchError).code);
      expect((await store.get(k))!.value).toBe('kept');
    });

    it('delete is idempotent without an etag; a stale etag → EtagMismatchError; the current one deletes', async () => {
      const k = key('delete');
      await store.delete(key('delete-never-existed'));
      const stale = await store.save(k, 1);
      const current = await store.save(k, 2);
      await expectPortError(() => store.delete(k, { etag: stale }), EtagMismatchError, 'etag_mismatch');
      expect((await store.get(k))!.value).toBe(2);
      await store.delete(k, { etag: current });
      expect(await store.get(k)).toBeUndefined();
      await store.delete(k);
      await store.delete(k);
      expect(await store.get(k)).toBeUndefined();
    });

    it('bulkGet keeps the order of the keys asked for and leaves missing keys out', async () => {
      const [a, b, c] = [key('bulk-a'), key('bulk-b'), key('bulk-c')];
      const etags = { [c]: await store.save(c, 'C'), [a]: await store.save(a, 'A'), [b]: await store.save(b, 'B') };
      const items = await store.bulkGet([b, key('bulk-missing-1'), a, c, key('bulk-missing-2')]);
      expect(items.map((i) => i.key)).toStrictEqual([b, a, c]);
      expect(items.map((i) => i.value)).toStrictEqual(['B', 'A', 'C']);
      for (const item of items) expect(item.etag).toBe(etags[item.key]);
      expect(await store.bulkGet([])).toStrictEqual([]);
      expect(await store.bulkGet([key('bulk-missing-3')])).toStrictEqual([]);
    });

    it('transaction applies upserts and deletes together, honouring current etags', async () => {
      const [a, b, gone] = [key('tx-a'), key('tx-b'), key('tx-gone')];
      const etagA = await store.save(a, 'a0');
      const etagGone = await store.save(gone, 'g0');
      await store.transaction([
        { operation: 'upsert', key: a, value: 'a1', options: { etag: etagA } },
        { operation: 'upsert', key: b, value: { b: 1 } },
        { operation: 'delete', key: gone, options: { etag: etagGone } },
      ]);
      expect((await store.get(a))!.value).toBe('a1');
      expect((await store.get(a))!.etag).not.toBe(etagA);
      expect((await store.get(b))!.value).toStrictEqual({ b: 1 });
      expect(await store.get(gone)).toBeUndefined();
    });

    it('transaction is all-or-nothing: one stale etag (upsert or delete) leaves every key unchanged', async () => {
      const [a, b, c, d] = [key('txf-a'), key('txf-b'), key('txf-c'), key('txf-new')];
      await store.save(a, 'a0');
      const staleB = await store.save(b, 'b0');
      await store.save(b, 'b1');
      const staleC = await store.save(c, 'c0');
      await store.save(c, 'c1');
      const before = await store.bulkGet([a, b, c]);

      const upsertLast = [
        { operation: 'upsert', key: a, value: 'CHANGED' },
        { operation: 'upsert', key: d, value: 'NEW' },
        { operation: 'delete', key: c },
        { operation: 'upsert', key: b, value: 'CHANGED', options: { etag: staleB } },
      ] as const;
      await expectPortError(() => store.transaction(upsertLast), EtagMismatchError, 'etag_mismatch');
      expect(await store.bulkGet([a, b, c, d])).toStrictEqual(before);

      const deleteFirst = [
        { operation: 'delete', key: c, options: { etag: staleC } },
        { operation: 'upsert', key: a, value: 'CHANGED' },
        { operation: 'delete', key: b },
      ] as const;
      await expectPortError(() => store.transaction(deleteFirst), EtagMismatchError, 'etag_mismatch');
      expect(await store.bulkGet([a, b, c, d])).toStrictEqual(before);
    });

    it('concurrent saves carrying the same etag: exactly one wins, the rest get EtagMismatchError', async () => {
      const k = key('race');
      const etag = await store.save(k, 'start');
      const results = await Promise.allSettled(Array.from({ length: 10 }, (_, i) => store.save(k, `writer-${i}`, { etag })));
      const winners = results.flatMap((r, i) => (r.status === 'fulfilled' ? [{ i, etag: r.value }] : []));
      expect(winners).toHaveLength(1);
      for (const r of results) {
        if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(EtagMismatchError);
      }
      expect(await store.get(k)).toStrictEqual({ key: k, value: `writer-${winners[0]!.i}`, etag: winners[0]!.etag });
    });

    it('TTL: when declared the item expires; when not, a ttlSec write → NotConfiguredError', async () => {
      const k = key('ttl');
      if (!store.features.has('TTL')) {
        await expectPortError(() => store.save(k, 'x', { ttlSec: 1 }), NotConfiguredError, 'not_configured');
        expect(await store.get(k)).toBeUndefined();
        return;
      }
      await store.save(k, '⏱', { ttlSec: 1 });
      await store.save(key('ttl-none'), 'stays');
      expect((await store.get(k))!.value).toBe('⏱');
      await eventually(async () => (await store.get(k)) === undefined, 'the TTL item to expire', 3500);
      expect(await store.bulkGet([k])).toStrictEqual([]);
      expect((await store.get(key('ttl-none')))!.value).toBe('stays');
    });

    it('keys with unusual characters are stored verbatim and never collide', async () => {
      const odd = ['a|b', 'a||b', 'a', 'a/b/../c', '/leading/slash', 'with space', 'ключ-✓-🎙', "q'uo\"te", '%2F', 'a\\b'];
      const keys = odd.map((s) => key(s));
      for (const [i, k] of keys.entries()) await store.save(k, { i });
      for (const [i, k] of keys.entries()) expect(await store.get(k)).toMatchObject({ key: k, value: { i } });
      expect((await store.bulkGet(keys)).map((item) => item.key)).toStrictEqual(keys);
      await store.delete(key('a|b'));
      expect(await store.get(key('a||b'))).toMatchObject({ value: { i: 1 } });
      expect(await store.get(key('a'))).toMatchObject({ value: { i: 2 } });
    });

    it('an unknown store name → NotConfiguredError', async () => {
      await expectPortError(() => instance.runtime.state('no-such-store').get('k'), NotConfiguredError, 'not_configured');
    });
  });
}
