/**
 * The real Dapr pieces as local processes, for `npm run start:dapr` and the sidecar tests: Redis
 * (Debian's redis-server), placement, daprd per app, and the component YAML they load, rendered
 * from `components/local` with this machine's addresses. Binaries come from `npm run dapr:build`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startChildService, type ChildService } from './child-service.js';
import { freePort } from './free-port.js';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
export const daprBin = (name: 'daprd' | 'placement' | 'scheduler') => path.join(repoRoot, 'dapr/bin', name);

export function daprBinariesPresent(): boolean {
  return (['daprd', 'placement'] as const).every((b) => fs.existsSync(daprBin(b)));
}

export interface Redis extends ChildService {
  port: number;
  host: string;
}

/** redis-server with an append-only file in `dir`, so a restart on the same dir keeps its data. */
export async function startRedis(dir: string, port?: number): Promise<Redis> {
  const p = port ?? (await freePort());
  fs.mkdirSync(dir, { recursive: true });
  const args = ['--port', String(p), '--bind', '127.0.0.1', '--dir', dir, '--appendonly', 'yes', '--appendfsync', 'everysec', '--save', '', '--protected-mode', 'yes'];
  const service = await startChildService('redis-server', 'redis-server', args, p);
  return Object.assign(service, { port: p, host: `127.0.0.1:${p}` });
}

export interface Placement extends ChildService {
  address: string;
}

export async function startPlacement(): Promise<Placement> {
  const [port, healthz, metrics, raft] = [await freePort(), await freePort(), await freePort(), await freePort()];
  const id = `placement-${port}`;
  const args = [
    '--port', String(port),
    '--healthz-port', String(healthz),
    '--metrics-port', String(metrics),
    // Its own raft port: the default (8201) would collide between placements started side by side.
    '--id', id,
    '--initial-cluster', `${id}=127.0.0.1:${raft}`,
    '--tls-enabled=false',
    '--log-level', 'warn',
  ];
  const service = await startChildService('placement', daprBin('placement'), args, port);
  return Object.assign(service, { address: `127.0.0.1:${port}` });
}

export interface ComponentVars {
  REDIS_HOST: string;
  DATA_DIR: string;
  BLOB_ENDPOINT: string;
  BLOB_ACCOUNT: string;
  BLOB_KEY: string;
  SMTP_HOST: string;
  SMTP_PORT: string;
  SMTP_FROM: string;
  /** Redis Streams: how long a delivered message may stay unacked before it is handed out again. */
  PUBSUB_PROCESSING_TIMEOUT: string;
  PUBSUB_REDELIVER_INTERVAL: string;
  UPLOAD_EXPIRY_SCHEDULE: string;
}

/** Renders every `{{VAR}}` of the YAML files in `from` into `to`; `extra` adds whole files. */
export function renderComponents(from: string, to: string, vars: ComponentVars, extra: Record<string, string> = {}): string {
  fs.mkdirSync(to, { recursive: true });
  for (const file of fs.readdirSync(from).filter((f) => f.endsWith('.yaml'))) {
    const text = fs.readFileSync(path.join(from, file), 'utf8').replace(/\{\{([A-Z_]+)\}\}/g, (_m, key: string) => {
      const value = (vars as unknown as Record<string, string>)[key];
      if (value === undefined) throw new Error(`${file}: no value for {{${key}}}`);
      return value;
    });
    fs.writeFileSync(path.join(to, file), text);
  }
  for (const [file, text] of Object.entries(extra)) fs.writeFileSync(path.join(to, file), text);
  return to;
}

export interface DaprdOptions {
  appId: string;
  appPort: number;
  resourcesPath: string;
  placement: string;
  config?: string;
  env?: NodeJS.ProcessEnv;
  logLevel?: 'debug' | 'info' | 'warn' | 'error';
}

export interface Daprd extends ChildService {
  httpPort: number;
  grpcPort: number;
}

/**
 * Starts daprd and resolves once its outbound side is up (components loaded). It finishes
 * initialising (subscriptions, actor types) only after the app answers on `appPort`, so the app may
 * be started after this resolves — and must be, for `DaprServer.start()` to find its sidecar.
 */
export async function startDaprd(opts: DaprdOptions): Promise<Daprd> {
  const [httpPort, grpcPort, internalPort, metricsPort] = [await freePort(), await freePort(), await freePort(), await freePort()];
  const args = [
    '--app-id', opts.appId,
    '--app-port', String(opts.appPort),
    '--app-protocol', 'http',
    '--app-channel-address', '127.0.0.1',
    '--dapr-listen-addresses', '127.0.0.1',
    '--dapr-http-port', String(httpPort),
    '--dapr-grpc-port', String(grpcPort),
    '--dapr-internal-grpc-port', String(internalPort),
    '--metrics-port', String(metricsPort),
    '--placement-host-address', opts.placement,
    '--resources-path', opts.resourcesPath,
    '--log-level', opts.logLevel ?? (process.env.DAPRD_LOG_LEVEL as DaprdOptions['logLevel']) ?? 'warn',
    '--mode', 'standalone',
    ...(opts.config ? ['--config', opts.config] : []),
  ];
  const outbound = async () => (await fetch(`http://127.0.0.1:${httpPort}/v1.0/healthz/outbound`)).status === 204;
  const service = await startChildService(`daprd ${opts.appId}`, daprBin('daprd'), args, httpPort, { env: opts.env, ready: outbound, timeoutMs: 30_000 });
  return Object.assign(service, { httpPort, grpcPort });
}
