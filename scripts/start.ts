/**
 * Runs the embedded product: the Firebase Auth Emulator (accounts kept in DATA_DIR/auth) and the
 * server (services/main.ts) as a child process, stopped together on Ctrl-C.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { SERVER_NODE_FLAGS } from '../services/upload/node-flags.js';
import { startAuthEmulator } from './firebase-emulator.js';

const dataDir = path.resolve(process.env.DATA_DIR ?? '.data');
const ACCOUNT_EXPORT_EVERY_MS = 30_000;

async function main() {
  const emulator = await startAuthEmulator({
    port: Number(process.env.FIREBASE_AUTH_EMULATOR_PORT ?? 9099),
    dataDir: path.join(dataDir, 'auth'),
  });
  console.log(`auth emulator on ${emulator.host} (ready in ${emulator.startupMs} ms)`);
  // Accounts are exported periodically so even a crash of this launcher keeps recent sign-ups.
  const exporter = setInterval(() => void emulator.exportAccounts().catch(() => undefined), ACCOUNT_EXPORT_EVERY_MS);

  const server = spawn(process.execPath, [...SERVER_NODE_FLAGS, '--import', 'tsx', 'services/main.ts'], {
    stdio: 'inherit',
    env: { ...process.env, DATA_DIR: dataDir, FIREBASE_AUTH_EMULATOR_HOST: emulator.host },
  });
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    clearInterval(exporter);
    if (server.exitCode === null) server.kill('SIGTERM');
    await emulator.stop();
    process.exit(code);
  };
  server.on('exit', (code) => void stop(code ?? 1));
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
