/**
 * State conformance for the Cosmos DB adapter (dapr/azure/cosmos-state.ts) against the npm Cosmos
 * emulator. Not a row in adapters.ts: every row there must provide all building blocks (each
 * `*.test.ts` runs its suite over every row), and Cosmos provides only state. So this file builds a
 * state-only row whose other blocks throw NotConfiguredError, and runs the same `stateSuite`.
 * Runs unless an adapter filter is set that does not name `cosmos`.
 */
import { describe, it } from '@jest/globals';
import { CosmosStateStore } from '../../dapr/azure/cosmos-state.js';
import { NotConfiguredError } from '../../dapr/ports/index.js';
import type { DaprRuntime } from '../../dapr/ports/index.js';
import { type CosmosEmulator, startCosmosEmulator } from '../helpers/cosmos-emulator.js';
import type { AdapterInstance, AdapterRow } from './harness.js';
import { stateSuite } from './state.suite.js';

const STORE = 'reports';

/** A runtime that has one state store and nothing else. */
function stateOnlyRuntime(store: CosmosStateStore): DaprRuntime {
  const missing = (what: string): never => {
    throw new NotConfiguredError(`${what} (the cosmos row provides state only)`);
  };
  return {
    appId: 'conformance-cosmos',
    state: (name) => (name === store.name ? store : missing(`state store "${name}"`)),
    pubsub: (name) => missing(`pubsub "${name}"`),
    get bindings() {
      return missing('bindings');
    },
    get secrets() {
      return missing('secrets');
    },
    get actors() {
      return missing('actors');
    },
    start: async () => {},
    stop: async () => {},
  };
}

const cosmosRow: AdapterRow = {
  name: 'cosmos',
  components: { state: STORE, pubsub: 'none', blob: 'none', cron: 'none', secrets: 'none' },
  knownSecret: ['none', 'none'],
  async create() {
    const emulator: CosmosEmulator = await startCosmosEmulator();
    try {
      const store = new CosmosStateStore({
        name: STORE,
        endpoint: emulator.endpoint,
        key: emulator.key,
        agent: emulator.agent,
        database: 'conformance',
        container: 'state',
      });
      await store.container();
      const runtime = stateOnlyRuntime(store);
      const instance: AdapterInstance = {
        runtime,
        restart: async () => runtime,
        close: () => emulator.stop(),
      };
      return instance;
    } catch (err) {
      await emulator.stop();
      throw err;
    }
  },
};

const filter = (process.env.CONFORMANCE_ADAPTER ?? process.argv.find((a) => a.startsWith('--adapter='))?.slice(10) ?? '')
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean);

if (filter.length === 0 || filter.includes('cosmos')) {
  stateSuite(cosmosRow);
} else {
  describe('state: cosmos', () => {
    it.skip(`skipped: adapter filter ${filter.join(',')}`, () => {});
  });
}
