/**
 * Bindings conformance (ports/bindings.ts): the blob output binding (create/get/list/delete keyed by
 * `metadata.blobName`, unsafe names rejected), the cron input binding, unknown names and operations.
 *
 * Shapes the port leaves open, fixed here so every adapter agrees: `list` takes the prefix in
 * `metadata.prefix` (also sent as `data.prefix`, the Azure Blob binding's form) and answers
 * `data: string[]` of blob names; `get` answers the bytes (Buffer/Uint8Array) or a string.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { BlobOps, DaprPortError, NotConfiguredError } from '../../dapr/ports/index.js';
import type { OutputBindings } from '../../dapr/ports/index.js';
import { expectPortError, rejectionOf, uniq } from './common.suite.js';
import { eventually, type AdapterInstance, type AdapterRow } from './harness.js';

function asText(data: unknown): string {
  if (typeof data === 'string') return data;
  if (data instanceof Uint8Array) return Buffer.from(data).toString('utf8');
  throw new Error(`blob get answered ${typeof data}, expected bytes or a string`);
}

export function bindingsSuite(row: AdapterRow): void {
  describe(`bindings: ${row.name}`, () => {
    const run = uniq();
    const cronFirings: number[] = [];
    let instance: AdapterInstance;
    let bindings: OutputBindings;
    const blob = row.components.blob;
    const put = (blobName: string, data: unknown) => bindings.invoke(blob, BlobOps.create, data, { blobName });
    const get = async (blobName: string) => asText((await bindings.invoke(blob, BlobOps.get, undefined, { blobName })).data);
    const list = async (prefix: string) => {
      const res = await bindings.invoke<unknown>(blob, BlobOps.list, { prefix }, { prefix });
      expect(Array.isArray(res.data)).toBe(true);
      return res.data as string[];
    };

    beforeAll(async () => {
      instance = await row.create((runtime) => {
        runtime.bindings.onInput(row.components.cron, async () => {
          cronFirings.push(Date.now());
        });
      });
      bindings = instance.runtime.bindings;
    });
    afterAll(async () => {
      await instance?.close();
    });

    it('blob: create then get round-trips the content; create again replaces it', async () => {
      const name = `conf-${run}/u1/interview-1/transcript.json`;
      const text = JSON.stringify({ words: ['um', 'so'], ok: true, unicode: '✓ 🎙' });
      await put(name, text);
      expect(await get(name)).toBe(text);
      await put(name, 'second version');
      expect(await get(name)).toBe('second version');
    });

    it('blob: list returns exactly the names under a prefix', async () => {
      const base = `conf-${run}/list`;
      const inside = [`${base}/x/1.json`, `${base}/x/2.json`, `${base}/x/deeper/3.json`];
      const outside = [`${base}/y/4.json`, `${base}/x-sibling.json`];
      for (const name of [...inside, ...outside]) await put(name, name);
      expect([...(await list(`${base}/x/`))].sort()).toStrictEqual([...inside].sort());
      expect([...(await list(`${base}/`))].sort()).toStrictEqual([...inside, ...outside].sort());
      expect(await list(`conf-${run}/nothing-here/`)).toStrictEqual([]);
    });

    it('blob: delete removes the blob; get of a missing blob fails with a typed error', async () => {
      const name = `conf-${run}/del/report.json`;
      await put(name, '{}');
      await bindings.invoke(blob, BlobOps.delete, undefined, { blobName: name });
      expect(await list(`conf-${run}/del/`)).toStrictEqual([]);
      const err = await rejectionOf(get(name));
      expect(err).toBeInstanceOf(DaprPortError);
      expect((err as DaprPortError).code).toMatch(/^[a-z_]+$/);
      expect((err as DaprPortError).code).not.toBe('not_configured');
    });

    it.each([['../escape.txt'], ['/etc/passwd-conformance'], ['a/../../escape.txt'], ['a/./../../x'], ['']])(
      'blob: unsafe name %p is rejected for create and get, and nothing is written',
      async (blobName) => {
        expect(await rejectionOf(put(blobName, 'nope'))).toBeInstanceOf(DaprPortError);
        expect(await rejectionOf(get(blobName))).toBeInstanceOf(DaprPortError);
        expect((await list('')).filter((n) => n.includes('escape'))).toStrictEqual([]);
      },
    );

    it('blob: a create without metadata.blobName is rejected', async () => {
      expect(await rejectionOf(bindings.invoke(blob, BlobOps.create, 'x', {}))).toBeInstanceOf(DaprPortError);
    });

    it('cron input binding fires its handler repeatedly, on schedule (about every 200 ms)', async () => {
      const from = cronFirings.length;
      await eventually(() => cronFirings.length >= from + 3, 'three cron firings', 3000);
      const [a, , c] = cronFirings.slice(from);
      expect(c! - a!).toBeGreaterThanOrEqual(300); // not a hot loop
    });

    it('an unknown binding name → NotConfiguredError', async () => {
      await expectPortError(() => bindings.invoke('no-such-binding', BlobOps.get, undefined, { blobName: 'x' }), NotConfiguredError, 'not_configured');
    });

    it('an unknown operation on a known binding → NotConfiguredError', async () => {
      await expectPortError(() => bindings.invoke(blob, 'no-such-operation', undefined, { blobName: 'x' }), NotConfiguredError, 'not_configured');
    });
  });
}
