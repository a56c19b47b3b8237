/**
 * The multi-app layout AKS runs, on one machine: Redis, placement and Azurite, then api, upload,
 * media, analysis and notify as separate Node processes (`SERVICE=<name> DAPR_MODE=sidecar`), each
 * with its own daprd and app-id. Used by `npm run start:dapr` and the dapr-mode end-to-end test,
 * which also kills and restarts single services and Redis through it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { startAzurite, type Azurite } from './azurite.js';
import { startChildService, type ChildService } from './child-service.js';
import { renderComponents, repoRoot, startDaprd, startPlacement, startRedis, type Daprd, type Placement, type Redis } from './dapr-processes.js';
import { freePort } from './free-port.js';
import { SERVER_NODE_FLAGS } from '../../services/upload/node-flags.js';

export const SERVICES = ['api', 'upload', 'media', 'analysis', 'notify'] as const;
export type ServiceName = (typeof SERVICES)[number];

export interface ClusterOptions {
  dataDir: string;
  /** The api's HTTP port (the one users open); default a free port. */
  apiPort?: number;
  /** Extra environment for every service (auth emulator host, limits, engines…). */
  env?: NodeJS.ProcessEnv;
  /** Pub/sub redelivery of an unacked message, ms (a killed consumer's messages come back after this). */
  processingTimeoutMs?: number;
  /** Print service and daprd output (start:dapr); tests keep it for error messages only. */
  inheritOutput?: boolean;
}

interface Running {
  app: ChildService;
  daprd: Daprd;
  port: number;
}

export interface Cluster {
  apiUrl: string;
  redis: Redis;
  /** SIGKILL a service's app process (its daprd keeps running, as in a pod whose container died). */
  kill(name: ServiceName): Promise<void>;
  /** Starts a service's app again (same ports, same daprd). */
  restart(name: ServiceName): Promise<void>;
  /** Stops Redis and starts it again on the same port and data (append-only file). */
  restartRedis(): Promise<void>;
  pid(name: ServiceName): number;
  output(name: ServiceName): string;
  stop(): Promise<void>;
}

export async function startCluster(opts: ClusterOptions): Promise<Cluster> {
  const dir = path.resolve(opts.dataDir);
  fs.mkdirSync(dir, { recursive: true });
  let redis = await startRedis(path.join(dir, 'redis'));
  const placement: Placement = await startPlacement();
  const azurite: Azurite = await startAzurite(path.join(dir, 'azurite'));
  const resources = renderComponents(path.join(repoRoot, 'components/local'), path.join(dir, 'components'), {
    REDIS_HOST: redis.host,
    DATA_DIR: dir,
    BLOB_ENDPOINT: azurite.serviceUrl,
    BLOB_ACCOUNT: azurite.account,
    BLOB_KEY: azurite.accountKey,
    SMTP_HOST: opts.env?.SMTP_HOST ?? '127.0.0.1',
    SMTP_PORT: opts.env?.SMTP_PORT ?? '25',
    SMTP_FROM: opts.env?.SMTP_FROM ?? 'Interview Buddy <no-reply@interview-buddy.local>',
    PUBSUB_PROCESSING_TIMEOUT: String(opts.processingTimeoutMs ?? 60_000),
    PUBSUB_REDELIVER_INTERVAL: String(Math.max(500, Math.round((opts.processingTimeoutMs ?? 60_000) / 4))),
    UPLOAD_EXPIRY_SCHEDULE: '@every 10m',
  });

  const ports = new Map<ServiceName, number>();
  for (const name of SERVICES) ports.set(name, name === 'api' && opts.apiPort ? opts.apiPort : await freePort());
  const running = new Map<ServiceName, Running>();
  const appPorts = new Map<ServiceName, number>();

  const envOf = (name: ServiceName, daprd: Daprd): NodeJS.ProcessEnv => ({
    ...process.env,
    ...opts.env,
    SERVICE: name,
    APP_ID: name,
    DAPR_MODE: 'sidecar',
    DAPR_HTTP_PORT: String(daprd.httpPort),
    APP_PORT: String(appPorts.get(name)),
    PORT: String(ports.get(name)),
    HOST: '127.0.0.1',
    DATA_DIR: path.join(dir, 'app'),
    UPLOAD_SERVICE_URL: `http://127.0.0.1:${ports.get('upload')}`,
    PUBLIC_BASE_URL: opts.env?.PUBLIC_BASE_URL ?? `http://127.0.0.1:${ports.get('api')}`,
  });

  const startApp = async (name: ServiceName, daprd: Daprd): Promise<ChildService> => {
    const port = ports.get(name)!;
    const ready = async () => (await fetch(`http://127.0.0.1:${port}/readyz`)).ok;
    return startChildService(name, process.execPath, [...SERVER_NODE_FLAGS, '--import', 'tsx', path.join(repoRoot, 'services/main.ts')], port, {
      env: envOf(name, daprd),
      ready,
      timeoutMs: 60_000,
      ...(opts.inheritOutput && { echo: `[${name}] ` }),
    });
  };

  const startService = async (name: ServiceName) => {
    const appPort = await freePort();
    appPorts.set(name, appPort);
    const daprd = await startDaprd({ appId: name, appPort, resourcesPath: resources, placement: placement.address, env: { ...process.env, ...opts.env } });
    const app = await startApp(name, daprd).catch(async (err: unknown) => {
      await daprd.stop();
      throw err;
    });
    running.set(name, { app, daprd, port: ports.get(name)! });
  };

  const stopAll = async () => {
    for (const r of running.values()) await r.app.stop();
    for (const r of running.values()) await r.daprd.stop();
    running.clear();
    await Promise.all([redis.stop(), placement.stop(), azurite.stop()]);
  };

  try {
    // The api hosts the actors everyone calls: start it first so placement knows their host.
    for (const name of SERVICES) await startService(name);
  } catch (err) {
    await stopAll();
    throw err;
  }

  const get = (name: ServiceName) => {
    const r = running.get(name);
    if (!r) throw new Error(`service ${name} is not running`);
    return r;
  };
  return {
    apiUrl: `http://127.0.0.1:${ports.get('api')}`,
    get redis() {
      return redis;
    },
    async kill(name) {
      await get(name).app.kill();
    },
    async restart(name) {
      const r = get(name);
      r.app = await startApp(name, r.daprd);
    },
    async restartRedis() {
      await redis.stop();
      redis = await startRedis(path.join(dir, 'redis'), redis.port);
    },
    pid: (name) => get(name).app.pid,
    output: (name) => `${get(name).app.output()}\n--- daprd ---\n${get(name).daprd.output()}`,
    stop: stopAll,
  };
}
