/**
 * The product server as a real child process (services/main.ts), for crash tests: SIGKILL it at
 * any point, start it again on the same data directory, and read its structured logs.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from './testdata.js';
import { freePort } from './ports.js';

export interface ServerProcess {
  base: string;
  pid: number;
  /** Every JSON log line this process printed so far. */
  logs: Record<string, unknown>[];
  /** Everything it wrote to stderr (crash traces), and whether it has exited. */
  stderr(): string;
  exited(): boolean;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/**
 * `waitFor: 'live'` returns once /healthz answers (a server that is up but not ready, e.g. disk full).
 * `nodeArgs` go before the script (e.g. SERVER_NODE_FLAGS, as `npm start` and the image run it; the
 * upload benchmark uses them); by default none.
 */
export async function startServerProcess(
  dataDir: string, env: Record<string, string> = {}, opts: { waitFor?: 'ready' | 'live'; nodeArgs?: readonly string[] } = {},
): Promise<ServerProcess> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [...(opts.nodeArgs ?? []), '--import', 'tsx', path.join(repoRoot, 'services/main.ts')], {
    cwd: repoRoot,
    env: { ...process.env, NODE_OPTIONS: '', PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: Record<string, unknown>[] = [];
  let buffer = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    buffer += chunk.toString('utf8');
    const lines = buffer.split('\n');
    buffer = lines.pop()!;
    for (const line of lines) {
      try {
        logs.push(JSON.parse(line) as Record<string, unknown>);
      } catch {
        /* not a log line */
      }
    }
  });
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const base = `http://127.0.0.1:${port}`;
  const until = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited during start: ${stderr.slice(-2000)}`);
    const ok = await fetch(`${base}/${opts.waitFor === 'live' ? 'healthz' : 'readyz'}`).then((r) => r.ok, () => false);
    if (ok) break;
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
