/**
 * A Cosmos DB (SQL API) emulator from npm — `@vercel/cosmosdb-server` — as a local process on a
 * free port. It serves HTTPS with its own self-signed certificate, so `agent` (an https.Agent that
 * skips certificate checks) is for tests only; production clients verify the real endpoint.
 * Known gaps against real Cosmos (see dapr/azure/cosmos-state.ts): no TTL expiry, and transactional
 * batches are applied in order without rollback (not atomic).
 */
import https from 'node:https';
import path from 'node:path';
import { startChildService } from './child-service.js';
import { freePort } from './ports.js';
import { repoRoot } from './testdata.js';

/** The emulator accepts any key; this is the public Cosmos emulator key. */
const EMULATOR_KEY = 'C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==';

export interface CosmosEmulator {
  endpoint: string;
  key: string;
  /** Trusts the emulator's self-signed certificate. TESTS ONLY. */
  agent: https.Agent;
  stop(): Promise<void>;
}

export async function startCosmosEmulator(): Promise<CosmosEmulator> {
  const port = await freePort();
  const cli = path.join(repoRoot, 'node_modules/@vercel/cosmosdb-server/lib/cli.js');
  const service = await startChildService('cosmosdb-server', process.execPath, [cli, '--port', String(port), '--host', '127.0.0.1'], port);
  const agent = new https.Agent({ rejectUnauthorized: false, keepAlive: true });
  return {
    endpoint: `https://127.0.0.1:${port}`,
    key: EMULATOR_KEY,
    agent,
    async stop() {
      agent.destroy();
      await service.stop();
    },
  };
}
