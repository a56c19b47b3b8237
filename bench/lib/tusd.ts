/**
 * tusd, the tus reference server (Go), as the peer of our upload path: built once with `go install`
 * into .cache/bin by scripts/setup-tusd.sh (pinned version, from the Go module proxy, like
 * kustomize), then run on loopback with its file store in a scratch directory.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const BIN = path.join(ROOT, '.cache', 'bin', 'tusd');

/** The tusd binary, building it when missing; undefined (with the reason) when it cannot be had. */
export function ensureTusd(): { bin: string } | { skip: string } {
  if (!existsSync(BIN)) console.log('tusd: not in .cache/bin, building it with `go install` (scripts/setup-tusd.sh, a minute or two, once)');
  const r = spawnSync('bash', [path.join(ROOT, 'scripts', 'setup-tusd.sh')], { stdio: ['ignore', 'inherit', 'pipe'], encoding: 'utf8' });
  if (r.status === 3) return { skip: 'Go is not installed, so tusd cannot be built (install Go ≥ 1.22 for the peer row)' };
  if (r.status !== 0 || !existsSync(BIN)) return { skip: `building tusd failed (exit ${r.status}): ${(r.stderr ?? '').trim().split('\n').slice(-3).join(' | ')}` };
  return { bin: BIN };
}

async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as net.AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

export interface Tusd {
  /** Origin, e.g. http://127.0.0.1:1080; uploads go to `${base}/files/`. */
  base: string;
  pid: number;
  stop(): Promise<void>;
}

/** Starts tusd on loopback storing into `uploadDir`; resolves once it answers. */
export async function startTusd(bin: string, uploadDir: string): Promise<Tusd> {
  const port = await freePort();
  const child: ChildProcess = spawn(bin, ['-host', '127.0.0.1', '-port', String(port), '-upload-dir', uploadDir, '-base-path', '/files/', '-expose-metrics=false', '-disable-download'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr = (stderr + c.toString()).slice(-2000)));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`tusd exited (${child.exitCode}): ${stderr}`);
    const ok = await fetch(`${base}/files/`, { method: 'OPTIONS' }).then((r) => r.ok || r.status === 204, () => false);
    if (ok) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`tusd did not answer on ${base}: ${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    base,
    pid: child.pid!,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
