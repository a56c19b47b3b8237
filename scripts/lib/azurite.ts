/**
 * Azurite's blob service (npm `azurite`) as a local process on a free port, with a throwaway data
 * directory: the Blob Storage the Azure upload store is tested against (no Docker here; where Docker
 * exists, testcontainers would run the same image).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startChildService } from './child-service.js';
import { freePort } from './free-port.js';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** Azurite's well-known development account (public, documented; not a secret). */
const ACCOUNT = 'devstoreaccount1';
const ACCOUNT_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export interface Azurite {
  account: string;
  accountKey: string;
  /** http://127.0.0.1:PORT (without the account path: what Dapr's `endpoint` metadata wants). */
  serviceUrl: string;
  connectionString: string;
  blobEndpoint: string;
  stop(): Promise<void>;
}

/** `dir`: keep the data there (durable across restarts); default a throwaway temp directory. */
export async function startAzurite(dir?: string): Promise<Azurite> {
  const port = await freePort();
  const location = dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'ib-azurite-'));
  const bin = path.join(repoRoot, 'node_modules/.bin/azurite-blob');
  const args = ['--location', location, '--blobHost', '127.0.0.1', '--blobPort', String(port), '--skipApiVersionCheck', '--disableTelemetry', '--silent'];
  const service = await startChildService('azurite-blob', bin, args, port).catch((err: unknown) => {
    if (!dir) fs.rmSync(location, { recursive: true, force: true });
    throw err;
  });
  const blobEndpoint = `http://127.0.0.1:${port}/${ACCOUNT}`;
  return {
    account: ACCOUNT,
    accountKey: ACCOUNT_KEY,
    serviceUrl: `http://127.0.0.1:${port}`,
    blobEndpoint,
    connectionString: `DefaultEndpointsProtocol=http;AccountName=${ACCOUNT};AccountKey=${ACCOUNT_KEY};BlobEndpoint=${blobEndpoint};`,
    async stop() {
      await service.stop();
      if (!dir) fs.rmSync(location, { recursive: true, force: true });
    },
  };
}
