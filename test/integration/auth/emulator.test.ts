// Lifecycle of the Auth Emulator wrapper and the two scripts: clean stop with no processes left,
// accounts surviving a restart (clean stop, or a crash after an explicit export), and the CLIs.
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from '@jest/globals';
import { getDevToken } from '../../../scripts/dev-token.js';
import { startAuthEmulator } from '../../../scripts/firebase-emulator.js';
import { freePort } from '../../helpers/ports.js';

const run = promisify(execFile);
const scratch = mkdtempSync(join(tmpdir(), 'ib-auth-emulator-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const groupAlive = (pgid: number): boolean => {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ESRCH') return false;
    throw err;
  }
};

const processesMentioning = async (text: string): Promise<string[]> => {
  const { stdout } = await run('ps', ['-eo', 'args=']);
  return stdout.split('\n').filter((line) => line.includes(text) && !line.startsWith('ps '));
};

describe('startAuthEmulator', () => {
  it('starts, answers, and stops its whole process group', async () => {
    const emulator = await startAuthEmulator();
    process.stderr.write(`[auth emulator] start-up took ${emulator.startupMs} ms\n`);
    expect(emulator.host).toMatch(/^127\.0\.0\.1:\d+$/);
    expect(emulator.projectId).toBe('demo-interview-buddy');
    expect((await fetch(`http://${emulator.host}/`)).status).toBe(200);
    expect(groupAlive(emulator.pid)).toBe(true);
    await emulator.stop();
    await emulator.stop(); // idempotent
    expect(groupAlive(emulator.pid)).toBe(false);
    await expect(fetch(`http://${emulator.host}/`)).rejects.toThrow();
  }, 90_000);

  it('keeps accounts across a clean restart with the same dataDir', async () => {
    const dataDir = join(scratch, 'clean-restart');
    const first = await startAuthEmulator({ dataDir });
    const before = await getDevToken('keep-me@example.test', first.host);
    await first.stop();

    const second = await startAuthEmulator({ dataDir });
    try {
      const after = await getDevToken('keep-me@example.test', second.host); // signs in: the account exists
      expect(after.uid).toBe(before.uid);
    } finally {
      await second.stop();
    }
  }, 120_000);

  it('keeps exported accounts across a crash (SIGKILL)', async () => {
    const dataDir = join(scratch, 'crash');
    const first = await startAuthEmulator({ dataDir });
    const exported = await getDevToken('exported@example.test', first.host);
    await first.exportAccounts();
    const lost = await getDevToken('after-export@example.test', first.host);
    process.kill(-first.pid, 'SIGKILL');
    await first.stop(); // already dead: must still clean up and resolve

    const second = await startAuthEmulator({ dataDir });
    try {
      expect((await getDevToken('exported@example.test', second.host)).uid).toBe(exported.uid);
      // Created after the last export and never exported: a crash loses it (a new uid is minted).
      expect((await getDevToken('after-export@example.test', second.host)).uid).not.toBe(lost.uid);
    } finally {
      await second.stop();
    }
  }, 120_000);

  it('fails with emulator_start_failed when its port is taken, leaving no process behind', async () => {
    const blocker = createServer();
    await new Promise<void>((done) => blocker.listen(0, '127.0.0.1', done));
    const port = (blocker.address() as { port: number }).port;
    const dataDir = join(scratch, 'port-taken'); // unique text to find a leftover process by
    try {
      await expect(startAuthEmulator({ port, dataDir })).rejects.toMatchObject({ code: 'emulator_start_failed' });
      expect(await processesMentioning(dataDir)).toEqual([]);
    } finally {
      blocker.close();
    }
  }, 90_000);
});

describe('scripts as CLIs', () => {
  it('firebase-emulator.ts serves until SIGTERM, and dev-token.ts prints a token from it', async () => {
    const port = await freePort();
    const dataDir = join(scratch, 'cli');
    const env = { ...process.env, FIREBASE_AUTH_EMULATOR_PORT: String(port), FIREBASE_AUTH_EMULATOR_DATA_DIR: dataDir };
    const cli = spawn(process.execPath, ['--import', 'tsx', 'scripts/firebase-emulator.ts'], { env, stdio: ['ignore', 'pipe', 'ignore'] });
    const exit = new Promise<number | null>((done) => cli.once('exit', (code) => done(code)));
    try {
      await new Promise<void>((ready, fail) => {
        let out = '';
        cli.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          if (out.includes(`FIREBASE_AUTH_EMULATOR_HOST=127.0.0.1:${port}`)) ready();
        });
        void exit.then((code) => fail(new Error(`emulator CLI exited early (${code}): ${out}`)));
      });

      const tokenEnv = { ...process.env, FIREBASE_AUTH_EMULATOR_HOST: `127.0.0.1:${port}` };
      const { stdout } = await run(process.execPath, ['--import', 'tsx', 'scripts/dev-token.ts', 'cli@example.test'], { env: tokenEnv });
      expect(stdout.trim()).toMatch(/^[\w-]+\.[\w-]+\.[\w-]*$/);
    } finally {
      cli.kill('SIGTERM');
    }
    expect(await exit).toBe(0);
    expect(await processesMentioning(dataDir)).toEqual([]);
  }, 120_000);

  it('dev-token.ts explains that the emulator is not running', async () => {
    const env = { ...process.env, FIREBASE_AUTH_EMULATOR_HOST: `127.0.0.1:${await freePort()}` };
    const failure = await run(process.execPath, ['--import', 'tsx', 'scripts/dev-token.ts', 'x@example.test'], { env })
      .then(() => undefined, (err: { code: number; stderr: string }) => err);
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toMatch(/Auth Emulator is not reachable at 127\.0\.0\.1:\d+.*firebase-emulator\.ts/);
  }, 30_000);
});
