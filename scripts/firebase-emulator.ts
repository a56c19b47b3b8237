/**
 * Starts the Firebase Auth Emulator (from the `firebase-tools` dev dependency) as a child process,
 * fully offline, and stops it without leaving processes behind.
 *
 * Library: `startAuthEmulator({ port?, projectId?, dataDir? })` — used by test helpers.
 * CLI:     `node --import tsx scripts/firebase-emulator.ts` — the local dev emulator on
 *          FIREBASE_AUTH_EMULATOR_PORT (default 9099), keeping accounts in
 *          FIREBASE_AUTH_EMULATOR_DATA_DIR (default .data/firebase-auth) until SIGINT/SIGTERM.
 *
 * Why each choice:
 * - A generated firebase.json in a temp dir (also the child's cwd and TMPDIR): the repo needs no
 *   firebase.json, the CLI's debug log lands there, and the hub's "locator" file (written to the OS
 *   temp dir, keyed by project id) cannot collide between emulators started in parallel test files.
 * - `CI=true` skips the CLI's message-of-the-day fetch and `NO_UPDATE_NOTIFIER` the npm update check
 *   (which would otherwise spawn a detached process that escapes our process group). The auth
 *   emulator itself is pure Node: nothing is downloaded and Java is not needed. The UI is disabled.
 *   The CLI still starts two helper listeners, the hub (`--export-on-exit` and `exportAccounts()` go
 *   through it) and the logging emulator; both get free ports so parallel emulators never race for
 *   the defaults (4400/4500).
 * - `detached: true` makes the child a process-group leader so stop() can signal the whole group.
 *   SIGINT (not SIGTERM) first, because that is the CLI's clean path that runs the export; SIGKILL
 *   to the group after a grace period, so nothing survives us.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { AppError } from '../services/shared/errors.js';
import { freePort } from '../test/helpers/ports.js';

export const DEFAULT_PROJECT_ID = 'demo-interview-buddy';
const START_TIMEOUT_MS = 60_000;
// Export-on-exit writes every account to disk before the CLI exits; give it room before SIGKILL.
const STOP_GRACE_MS = 20_000;
const OUTPUT_TAIL_CHARS = 16_000;

export interface AuthEmulatorOptions {
  port?: number;
  projectId?: string;
  /** Accounts are imported from and exported (on clean stop) to this directory. */
  dataDir?: string;
  /** Receives the CLI's stdout/stderr, e.g. to show it in a terminal. */
  onOutput?: (text: string) => void;
}

export interface AuthEmulator {
  /** "127.0.0.1:PORT", the value FIREBASE_AUTH_EMULATOR_HOST expects. */
  host: string;
  projectId: string;
  /** PID of the CLI, which is also its process-group id (everything it spawns is in that group). */
  pid: number;
  /** Wall time from spawn to the first successful readiness probe. */
  startupMs: number;
  /** Writes all accounts to `dataDir` now (a crash would otherwise lose those since the start). */
  exportAccounts(): Promise<void>;
  /** Clean shutdown (exporting when dataDir was given), then SIGKILL for anything left. Idempotent. */
  stop(): Promise<void>;
}

export async function startAuthEmulator(options: AuthEmulatorOptions = {}): Promise<AuthEmulator> {
  const projectId = options.projectId ?? DEFAULT_PROJECT_ID;
  const port = options.port ?? (await freePort());
  const hubPort = await freePort();
  const loggingPort = await freePort();
  const host = `127.0.0.1:${port}`;
  const workDir = mkdtempSync(join(tmpdir(), 'ib-auth-emulator-'));
  writeFileSync(join(workDir, 'firebase.json'), JSON.stringify({
    emulators: {
      auth: { host: '127.0.0.1', port },
      hub: { host: '127.0.0.1', port: hubPort },
      logging: { host: '127.0.0.1', port: loggingPort },
      ui: { enabled: false },
    },
  }));

  const args = [firebaseCliPath(), 'emulators:start', '--only', 'auth', '--project', projectId];
  const dataDir = options.dataDir === undefined ? undefined : resolve(options.dataDir);
  if (dataDir !== undefined) {
    // An empty directory is fine: the CLI warns that it found no export metadata and starts empty.
    mkdirSync(dataDir, { recursive: true });
    args.push('--import', dataDir, '--export-on-exit', dataDir);
  }

  const env: NodeJS.ProcessEnv = { ...process.env, CI: 'true', NO_UPDATE_NOTIFIER: '1', TMPDIR: workDir };
  delete env.FIREBASE_AUTH_EMULATOR_HOST; // the CLI must not mistake itself for a client of another emulator
  const startedAt = performance.now();
  const child = spawn(process.execPath, args, { cwd: workDir, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const output = captureOutput(child, options.onOutput);
  // 'error' instead of 'exit' when the spawn itself fails; either way the child is gone.
  const exited = new Promise<void>((done) => {
    child.once('exit', () => done());
    child.once('error', () => done());
  });
  // If our own process exits without calling stop() (a crashed test worker), take the group down too.
  const killOnExit = (): void => killGroup(child, 'SIGKILL');
  process.once('exit', killOnExit);

  const cleanup = (): void => {
    process.removeListener('exit', killOnExit);
    rmSync(workDir, { recursive: true, force: true });
  };

  try {
    await waitUntilReady(host, exited, output);
  } catch (err) {
    killGroup(child, 'SIGKILL');
    await exited;
    cleanup();
    throw err;
  }
  const startupMs = Math.round(performance.now() - startedAt);

  let stopping: Promise<void> | undefined;
  return {
    host,
    projectId,
    pid: child.pid ?? -1,
    startupMs,
    async exportAccounts() {
      if (dataDir === undefined) throw new AppError('emulator_no_data_dir', 'exportAccounts() needs the dataDir option', 500);
      const res = await fetch(`http://127.0.0.1:${hubPort}/_admin/export`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ path: dataDir, initiatedBy: 'interview-buddy', targets: ['auth'] }),
      });
      if (!res.ok) throw new AppError('emulator_export_failed', `Auth emulator export failed: ${await res.text()}`, 500);
      // The hub can answer before the files are complete on a loaded machine: wait until the
      // accounts file parses, so a crash right after this call keeps what was exported.
      const file = join(dataDir, 'auth_export', 'accounts.json');
      const until = Date.now() + 10_000;
      for (;;) {
        try {
          JSON.parse(readFileSync(file, 'utf8'));
          return;
        } catch (err) {
          if (Date.now() > until) throw new AppError('emulator_export_failed', `Auth emulator export left no readable ${file}: ${String(err)}`, 500);
          await new Promise((r) => setTimeout(r, 50));
        }
      }
    },
    stop() {
      stopping ??= (async () => {
        if (child.exitCode === null && child.signalCode === null) {
          killGroup(child, 'SIGINT');
          const timer = setTimeout(() => killGroup(child, 'SIGKILL'), STOP_GRACE_MS);
          await exited;
          clearTimeout(timer);
        }
        // The leader is gone; anything it left in its group goes now.
        killGroup(child, 'SIGKILL');
        cleanup();
      })();
      return stopping;
    },
  };
}

function firebaseCliPath(): string {
  const require = createRequire(import.meta.url);
  const pkgPath = require.resolve('firebase-tools/package.json');
  const bin = (require(pkgPath) as { bin: { firebase: string } }).bin.firebase;
  return join(dirname(pkgPath), bin);
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch (err) {
    // ESRCH: the group is already empty, which is what we want.
    if ((err as NodeJS.ErrnoException).code !== 'ESRCH') throw err;
  }
}

/** Keeps the last few KB of CLI output for start-failure messages; always drains the pipes. */
function captureOutput(child: ChildProcess, onOutput?: (text: string) => void): { tail(): string; allReady(): boolean } {
  let tail = '';
  let allReady = false;
  const onData = (chunk: Buffer): void => {
    const text = chunk.toString('utf8');
    if (/All emulators ready/.test(tail.slice(-64) + text)) allReady = true;
    tail = (tail + text).slice(-OUTPUT_TAIL_CHARS);
    onOutput?.(text);
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  return { tail: () => tail, allReady: () => allReady };
}

async function waitUntilReady(host: string, exited: Promise<void>, output: { tail(): string; allReady(): boolean }): Promise<void> {
  let hasExited = false;
  void exited.then(() => { hasExited = true; });
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (hasExited) {
      throw new AppError('emulator_start_failed', `Auth emulator exited during start-up:\n${output.tail()}`, 500);
    }
    try {
      // The root path answers {"authEmulator":{"ready":true,...}} once the emulator serves requests.
      const res = await fetch(`http://${host}/`, { signal: AbortSignal.timeout(1_000) });
      const body = (await res.json()) as { authEmulator?: { ready?: boolean } };
      // The CLI says "All emulators ready" only after importing saved accounts; the auth port
      // answers earlier, and a sign-up in between would mint a new uid for an existing email.
      if (res.ok && body.authEmulator?.ready === true && output.allReady()) return;
    } catch {
      // Not listening yet (connection refused) or still booting: poll again.
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new AppError('emulator_start_timeout', `Auth emulator not ready within ${START_TIMEOUT_MS} ms:\n${output.tail()}`, 500);
}

async function main(): Promise<void> {
  const port = Number(process.env.FIREBASE_AUTH_EMULATOR_PORT ?? 9099);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new AppError('config_invalid', `FIREBASE_AUTH_EMULATOR_PORT must be a TCP port, got "${process.env.FIREBASE_AUTH_EMULATOR_PORT}"`);
  }
  const dataDir = process.env.FIREBASE_AUTH_EMULATOR_DATA_DIR ?? '.data/firebase-auth';
  const emulator = await startAuthEmulator({ port, dataDir, onOutput: (t) => process.stderr.write(t) });
  console.log(`Auth emulator ready on ${emulator.host} (project ${emulator.projectId}, ${emulator.startupMs} ms); accounts kept in ${resolve(dataDir)}`);
  console.log(`export FIREBASE_AUTH_EMULATOR_HOST=${emulator.host}`);
  // Export-on-exit only runs on a clean stop; a periodic export bounds what a crash can lose.
  const exportTimer = setInterval(() => {
    emulator.exportAccounts().catch((err: unknown) => console.error('periodic account export failed:', err));
  }, 30_000);
  const shutdown = (): void => {
    clearInterval(exportTimer);
    emulator.stop().then(() => process.exit(0), (err: unknown) => {
      console.error(err);
      process.exit(1);
    });
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
