/**
 * Chooses the Dapr runtime by configuration: the embedded one (SQLite in DATA_DIR, the default) or
 * a real daprd next to this process (DAPR_MODE=sidecar, the multi-app layout AKS runs).
 */
import path from 'node:path';
import type { Agent } from 'node:http';
import { CosmosStateStore } from '../dapr/azure/cosmos-state.js';
import { createEmbeddedRuntime } from '../dapr/embedded/runtime.js';
import { Components, type DaprRuntime } from '../dapr/ports/runtime.js';
import { createSidecarRuntime } from '../dapr/sidecar/runtime.js';
import type { Config } from './config.js';
import { notifyOutputBindings } from './notify/notify.module.js';
import type { Logger } from './shared/logger.js';

export interface RuntimeHandle {
  runtime: DaprRuntime;
  /** Embedded: pump until nothing is due (tests). Sidecar: nothing to wait for here. */
  settle(): Promise<void>;
}

/**
 * With COSMOS_ENDPOINT set, the app's own state store (AI cache, read models) is Cosmos DB, whichever
 * runtime hosts the actors; every other building block stays the runtime's.
 */
export function withCosmosState(runtime: DaprRuntime, config: Config, agent?: Agent): DaprRuntime {
  if (!config.COSMOS_ENDPOINT || !config.COSMOS_KEY) return runtime;
  const cosmos = new CosmosStateStore({
    name: Components.state,
    endpoint: config.COSMOS_ENDPOINT,
    key: config.COSMOS_KEY,
    database: config.COSMOS_DATABASE,
    container: config.COSMOS_CONTAINER,
    ...(agent && { agent }),
  });
  return {
    get appId() {
      return runtime.appId;
    },
    state: (name) => (name === Components.state ? cosmos : runtime.state(name)),
    pubsub: (name) => runtime.pubsub(name),
    get bindings() {
      return runtime.bindings;
    },
    get secrets() {
      return runtime.secrets;
    },
    get actors() {
      return runtime.actors;
    },
    start: () => runtime.start(),
    stop: () => runtime.stop(),
  };
}

export function createRuntime(config: Config, log: Logger): RuntimeHandle {
  const handle = createBaseRuntime(config, log);
  return { ...handle, runtime: withCosmosState(handle.runtime, config) };
}

function createBaseRuntime(config: Config, log: Logger): RuntimeHandle {
  const logger = log.child({ component: 'runtime' });
  if (config.DAPR_MODE === 'sidecar') {
    const runtime = createSidecarRuntime({
      appId: config.APP_ID ?? config.SERVICE.join('-'),
      appPort: config.APP_PORT,
      daprHost: config.DAPR_HOST,
      daprHttpPort: config.DAPR_HTTP_PORT,
      blobBindings: [Components.artifacts],
      logger,
    });
    return { runtime, settle: async () => undefined };
  }
  const runtime = createEmbeddedRuntime({
    dataDir: path.join(config.dataDir, 'runtime'),
    logger,
    cron: { 'upload-expiry': config.UPLOAD_SWEEP_SCHEDULE },
    outputBindings: notifyOutputBindings(config),
  });
  return { runtime, settle: () => runtime.settle() };
}
