/**
 * `npm run start:dapr`: the product in the multi-app layout AKS runs — api, upload, media, analysis
 * and notify as separate processes, each with its own daprd, plus placement, Redis (state, actor
 * state, Streams pub/sub), Azurite (artifacts binding) and the Firebase Auth Emulator. Data lives in
 * DATA_DIR (default .data-dapr); open http://localhost:8080 (PORT to change it). Ctrl-C stops it all.
 */
import path from 'node:path';
import { startCluster } from './lib/dapr-cluster.js';
import { startAuthEmulator } from './firebase-emulator.js';

const dataDir = path.resolve(process.env.DATA_DIR ?? '.data-dapr');

async function main() {
  const emulator = await startAuthEmulator({ port: Number(process.env.FIREBASE_AUTH_EMULATOR_PORT ?? 9099), dataDir: path.join(dataDir, 'auth') });
  const cluster = await startCluster({
    dataDir,
    apiPort: Number(process.env.PORT ?? 8080),
    env: { FIREBASE_AUTH_EMULATOR_HOST: emulator.host },
    inheritOutput: true,
  }).catch(async (err: unknown) => {
    await emulator.stop();
    throw err;
  });
  console.log(`Interview Buddy (dapr mode: 5 apps, 5 sidecars) on ${cluster.apiUrl}`);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await emulator.exportAccounts().catch(() => undefined);
    await cluster.stop();
    await emulator.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
