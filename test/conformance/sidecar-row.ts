/**
 * The `sidecar` conformance row: the adapter in dapr/sidecar against a real daprd (built by
 * `npm run dapr:build`) with Redis (state, actor state, Streams pub/sub), placement, Azurite (blob
 * binding) and a cron binding, all as local processes. The supporting processes are shared by the
 * instances alive at one time and stopped with the last of them.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { createSidecarRuntime } from '../../dapr/sidecar/runtime.js';
import { Components, type DaprRuntime } from '../../dapr/ports/index.js';
import { startAzurite, type Azurite } from '../../scripts/lib/azurite.js';
import {
  daprBinariesPresent,
  renderComponents,
  repoRoot,
  startDaprd,
  startPlacement,
  startRedis,
  type Daprd,
  type Placement,
  type Redis,
} from '../../scripts/lib/dapr-processes.js';
import { freePort } from '../../scripts/lib/free-port.js';
import type { AdapterInstance } from './harness.js';

interface Infra {
  redis: Redis;
  placement: Placement;
  azurite: Azurite;
  dir: string;
}

let shared: { infra: Promise<Infra>; users: number } | undefined;

async function startInfra(): Promise<Infra> {
  if (!daprBinariesPresent()) throw new Error('dapr/bin has no daprd/placement: run `npm run dapr:build` (the test command does)');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ib-sidecar-'));
  const started = await Promise.allSettled([startRedis(path.join(dir, 'redis')), startPlacement(), startAzurite()]);
  const failed = started.find((s) => s.status === 'rejected');
  if (failed) {
    await Promise.all(started.map((s) => (s.status === 'fulfilled' ? s.value.stop() : undefined)));
    fs.rmSync(dir, { recursive: true, force: true });
    throw failed.reason;
  }
  const [redis, placement, azurite] = started.map((s) => (s as PromiseFulfilledResult<unknown>).value) as [Redis, Placement, Azurite];
  return { redis, placement, azurite, dir };
}

async function acquire(): Promise<Infra> {
  shared ??= { infra: startInfra(), users: 0 };
  shared.users++;
  return shared.infra;
}

async function release(): Promise<void> {
  if (!shared || --shared.users > 0) return;
  const { infra } = shared;
  shared = undefined;
  const { redis, placement, azurite, dir } = await infra;
  await Promise.all([redis.stop(), placement.stop(), azurite.stop()]);
  fs.rmSync(dir, { recursive: true, force: true });
}

const cronYaml = (name: string) => `apiVersion: dapr.io/v1alpha1
kind: Component
metadata:
  name: ${name}
spec:
  type: bindings.cron
  version: v1
  metadata:
    - name: schedule
      value: "@every 200ms"
`;

export interface SidecarRowOptions {
  cronBinding: string;
  secret: [string, string];
  idleMs: number;
}

export async function createSidecarInstance(configure: (runtime: DaprRuntime) => void, opts: SidecarRowOptions): Promise<AdapterInstance> {
  try {
    return await createOnInfra(await acquire(), configure, opts);
  } catch (err) {
    await release();
    throw err;
  }
}

async function createOnInfra(infra: Infra, configure: (runtime: DaprRuntime) => void, opts: SidecarRowOptions): Promise<AdapterInstance> {
  const appId = `conf-${randomUUID().slice(0, 8)}`;
  const resources = renderComponents(
    path.join(repoRoot, 'components/local'),
    path.join(infra.dir, appId),
    {
      REDIS_HOST: infra.redis.host,
      DATA_DIR: infra.dir,
      BLOB_ENDPOINT: infra.azurite.serviceUrl,
      BLOB_ACCOUNT: infra.azurite.account,
      BLOB_KEY: infra.azurite.accountKey,
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: '2525',
      SMTP_FROM: 'conformance@example.test',
      // Short, so an unacked message reaches the restarted app within the suite's 6 s.
      PUBSUB_PROCESSING_TIMEOUT: '2000',
      PUBSUB_REDELIVER_INTERVAL: '1000',
      UPLOAD_EXPIRY_SCHEDULE: '@every 1h',
    },
    { 'conformance-cron.yaml': cronYaml(opts.cronBinding) },
  );
  const env = { ...process.env, [opts.secret[0]]: opts.secret[1] };

  const boot = async (configureRuntime: (runtime: DaprRuntime) => void): Promise<{ runtime: DaprRuntime; daprd: Daprd }> => {
    const appPort = await freePort();
    const daprd = await startDaprd({ appId, appPort, resourcesPath: resources, placement: infra.placement.address, env });
    const runtime = createSidecarRuntime({
      appId,
      appPort,
      daprHost: '127.0.0.1',
      daprHttpPort: daprd.httpPort,
      blobBindings: [Components.artifacts],
      actorIdleTimeoutMs: opts.idleMs,
    });
    configureRuntime(runtime);
    try {
      await runtime.start();
      await waitForActorTypes(daprd.httpPort);
    } catch (err) {
      await daprd.stop();
      throw new Error(`sidecar runtime did not start: ${String(err)}\n${daprd.output()}`);
    }
    return { runtime, daprd };
  };

  let current = await boot(configure);
  const shutdown = async () => {
    await current.runtime.stop();
    await current.daprd.stop();
    if (process.env.DAPRD_LOG_LEVEL) console.log(`daprd ${appId}:\n${current.daprd.output()}`);
  };
  return {
    get runtime() {
      return current.runtime;
    },
    async restart(configureNext) {
      await shutdown();
      current = await boot(configureNext);
      return current.runtime;
    },
    async close() {
      await shutdown();
      await release();
    },
  };
}

/** daprd answers actor calls only once placement has disseminated the app's types: wait for that. */
async function waitForActorTypes(httpPort: number): Promise<void> {
  const until = Date.now() + 15_000;
  while (Date.now() < until) {
    const meta = (await (await fetch(`http://127.0.0.1:${httpPort}/v1.0/metadata`)).json()) as { actorRuntime?: { runtimeStatus?: string; placement?: string } };
    const status = meta.actorRuntime;
    if (!status || status.runtimeStatus !== 'INITIALIZING') {
      if (!status?.placement || /connected/i.test(status.placement)) return;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('daprd did not connect its actor runtime to placement within 15 s');
}
