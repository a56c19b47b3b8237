/** A helper process of a benchmark (bench/lib/bare-express.ts): started, told apart by pid, always stopped. */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from '../../test/helpers/testdata.js';

export interface BareServer {
  base: string;
  pid: number;
  stop(): Promise<void>;
}

export async function startBareExpress(): Promise<BareServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'bench/lib/bare-express.ts')], {
    cwd: repoRoot,
    env: { ...process.env, NODE_OPTIONS: '' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const port = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString('utf8');
      if (out.includes('\n')) resolve(out.trim());
    });
    child.once('exit', (code) => reject(new Error(`bare express exited (${code}) before listening`)));
  });
  return {
    base: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
