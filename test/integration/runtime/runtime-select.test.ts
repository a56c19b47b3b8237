/**
 * The runtime and its stores are chosen by configuration (services/runtime.ts, services/config.ts):
 * SERVICE and DAPR_MODE are validated, and COSMOS_ENDPOINT puts the app's state store on Cosmos DB
 * (the npm emulator here) while actors, pub/sub and bindings stay the embedded runtime's.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CosmosStateStore } from '../../../dapr/azure/cosmos-state.js';
import { Components } from '../../../dapr/ports/runtime.js';
import { ConfigError, loadConfig } from '../../../services/config.js';
import { createRuntime, withCosmosState } from '../../../services/runtime.js';
import { createLogger } from '../../../services/shared/logger.js';
import { type CosmosEmulator, startCosmosEmulator } from '../../helpers/cosmos-emulator.js';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ib-runtime-select-'));
let cosmos: CosmosEmulator;

beforeAll(async () => {
  cosmos = await startCosmosEmulator();
}, 60_000);
afterAll(async () => {
  await cosmos?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('configuration of the runtime', () => {
  it('SERVICE takes all or a list of known services, and names the unknown ones', () => {
    expect(loadConfig({}).SERVICE).toEqual(['api', 'upload', 'media', 'analysis', 'notify']);
    expect(loadConfig({ SERVICE: 'media, analysis' }).SERVICE).toEqual(['media', 'analysis']);
    expect(() => loadConfig({ SERVICE: 'media,billing' })).toThrow(/SERVICE: unknown service\(s\) billing/);
    expect(() => loadConfig({ DAPR_MODE: 'cloud' })).toThrow(ConfigError);
  });

  it('COSMOS_ENDPOINT and COSMOS_KEY come together', () => {
    expect(() => loadConfig({ COSMOS_ENDPOINT: 'https://acct.documents.azure.com' })).toThrow(/COSMOS_KEY: set COSMOS_ENDPOINT and COSMOS_KEY together/);
    expect(() => loadConfig({ COSMOS_KEY: 'k' })).toThrow(ConfigError);
    expect(() => loadConfig({ COSMOS_ENDPOINT: 'ftp://x', COSMOS_KEY: 'k' })).toThrow(/COSMOS_ENDPOINT/);
  });

  it('without Cosmos the state store is the embedded one', async () => {
    const { runtime } = createRuntime(loadConfig({ DATA_DIR: path.join(dataDir, 'plain') }), createLogger('silent'));
    expect(runtime.state(Components.state)).not.toBeInstanceOf(CosmosStateStore);
  });

  it('with Cosmos the app state lives in Cosmos; actors and the rest stay in the runtime', async () => {
    const config = loadConfig({ DATA_DIR: path.join(dataDir, 'cosmos'), COSMOS_ENDPOINT: cosmos.endpoint, COSMOS_KEY: cosmos.key, COSMOS_CONTAINER: 'app-state' });
    const base = createRuntime(loadConfig({ DATA_DIR: path.join(dataDir, 'cosmos') }), createLogger('silent')).runtime;
    const runtime = withCosmosState(base, config, cosmos.agent);
    runtime.actors.register({ type: 'Probe', methods: { hello: async () => 'hi' } });
    await runtime.start();
    try {
      const store = runtime.state(Components.state);
      expect(store).toBeInstanceOf(CosmosStateStore);
      await store.save('ai||cache||k1', { answer: 42 });
      expect((await store.get('ai||cache||k1'))?.value).toEqual({ answer: 42 });
      // Written to Cosmos itself: a second client sees the item; the embedded store does not.
      const direct = new CosmosStateStore({ name: Components.state, endpoint: cosmos.endpoint, key: cosmos.key, database: 'interview-buddy', container: 'app-state', agent: cosmos.agent });
      expect((await direct.get('ai||cache||k1'))?.value).toEqual({ answer: 42 });
      expect(await base.state(Components.state).get('ai||cache||k1')).toBeUndefined();
      expect(await runtime.actors.invoke('Probe', 'p1', 'hello')).toBe('hi');
      expect(runtime.appId).toBe(base.appId);
    } finally {
      await runtime.stop();
    }
  }, 60_000);
});
