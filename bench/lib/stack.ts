/**
 * The real product for HTTP benchmarks: the Auth Emulator (or the one named by --auth-host, e.g. a
 * test's) and the server as a child process (services/main.ts), so its memory can be read from /proc.
 * With `nodeArgs` (e.g. SERVER_NODE_FLAGS, as `npm start` and the image run it) the server is started
 * with those node flags; by default with none.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { getDevToken } from '../../scripts/dev-token.js';
import { startAuthEmulator } from '../../scripts/firebase-emulator.js';
import { type ServerProcess, startServerProcess } from '../../test/helpers/server-process.js';
import type { Flags } from './flags.js';

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
    server = await startServerProcess(path.join(work, 'data'), serverEnv, { nodeArgs: opts.nodeArgs ?? [] });
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
