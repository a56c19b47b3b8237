/** Secrets conformance (ports/secrets.ts): known key → value, unknown key → undefined, unknown store → error. */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { NotConfiguredError } from '../../dapr/ports/index.js';
import { expectPortError, uniq } from './common.suite.js';
import type { AdapterInstance, AdapterRow } from './harness.js';

export function secretsSuite(row: AdapterRow): void {
  describe(`secrets: ${row.name}`, () => {
    let instance: AdapterInstance;
    beforeAll(async () => {
      instance = await row.create(() => {});
    });
    afterAll(async () => {
      await instance?.close();
    });

    it('a known secret returns its value', async () => {
      const [key, value] = row.knownSecret;
      expect(await instance.runtime.secrets.get(row.components.secrets, key)).toBe(value);
    });

    it('an unknown key resolves to undefined', async () => {
      expect(await instance.runtime.secrets.get(row.components.secrets, `IB_CONFORMANCE_MISSING_${uniq()}`)).toBeUndefined();
    });

    it('an unknown store → NotConfiguredError', async () => {
      await expectPortError(() => instance.runtime.secrets.get('no-such-store', row.knownSecret[0]), NotConfiguredError, 'not_configured');
    });
  });
}
