/**
 * The real product for HTTP benchmarks: the Auth Emulator (or the one named by --auth-host, e.g. a
 * test's) and the server as a child process (services/main.ts), so its memory can be read from /proc.
 * With `nodeArgs` (e.g. SERVER_NODE_FLAGS, as `npm start` and the image run it) the server is started
 * with those node flags; the test helper starts it with none.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { getDevToken } from '../../scripts/dev-token.js';
import { startAuthEmulator } from '../../scripts/firebase-emulator.js';
import { freePort } from '../../scripts/lib/free-port.js';
import { type ServerProcess, startServerProcess } from '../../test/helpers/server-process.js';
import type { Flags } from './flags.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** services/main.ts as a child process started with `nodeArgs`; resolves once /readyz answers. */
async function startServerWithNodeArgs(dataDir: string, env: Record<string, string>, nodeArgs: readonly string[]): Promise<ServerProcess> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', path.join(ROOT, 'services/main.ts')], {
    cwd: ROOT,
    env: { ...process.env, NODE_OPTIONS: '', PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: Record<string, unknown>[] = [];
  let pending = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    const lines = (pending + chunk.toString('utf8')).split('\n');
    pending = lines.pop()!;
    for (const line of lines) {
      try {
        logs.push(JSON.parse(line) as Record<string, unknown>);
      } catch {
        /* not a log line */
      }
    }
  });
  child.stderr!.on('data', (c: Buffer) => (stderr = (stderr + c.toString('utf8')).slice(-20_000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const base = `http://127.0.0.1:${port}`;
  const until = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited during start: ${stderr.slice(-2000)}`);
    if (await fetch(`${base}/readyz`).then((r) => r.ok, () => false)) break;
    if (Date.now() > until) {
      child.kill('SIGKILL');
      throw new Error(`server not ready in 30 s: ${stderr.slice(-2000)}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    base,
    pid: child.pid!,
    logs,
    stderr: () => stderr,
    exited: () => child.exitCode !== null || child.signalCode !== null,
    async kill(signal = 'SIGKILL') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}

export interface BenchStack {
  server: ServerProcess;
  /** Scratch directory; the server's data directory is `<work>/data`. */
  work: string;
  authHost: string;
  /** An ID token for a (created on first use) emulator account. */
  token(email: string): Promise<string>;
  stop(): Promise<void>;
}

export async function startBenchStack(name: string, flags: Flags, env: Record<string, string> = {}, opts: { nodeArgs?: readonly string[] } = {}): Promise<BenchStack> {
  const work = await fs.mkdtemp(path.join(os.tmpdir(), `ib-bench-${name}-`));
  const given = flags.str('auth-host');
  const emulator = given ? undefined : await startAuthEmulator();
  const authHost = given ?? emulator!.host;
  let server: ServerProcess;
  try {
    const serverEnv = { LOG_LEVEL: 'warn', FIREBASE_AUTH_EMULATOR_HOST: authHost, ...env };
    server = opts.nodeArgs?.length
      ? await startServerWithNodeArgs(path.join(work, 'data'), serverEnv, opts.nodeArgs)
      : await startServerProcess(path.join(work, 'data'), serverEnv);
  } catch (err) {
    await emulator?.stop();
    await fs.rm(work, { recursive: true, force: true });
    throw err;
  }
  return {
    server,
    work,
    authHost,
    token: async (email) => (await getDevToken(email, authHost)).idToken,
    async stop() {
      await server.kill('SIGTERM');
      await emulator?.stop();
      await fs.rm(work, { recursive: true, force: true });
    },
  };
}
