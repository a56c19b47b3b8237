/**
 * Start-up on a full disk. Opening the SQLite database can need new disk space (its -shm file is
 * created after a clean stop), so with zero bytes free the app cannot start. Exiting would only
 * make the supervisor restart it in a loop; instead a stand-in answers on the app's port (liveness
 * 200, readiness and every other route 503 `storage_full`) and start-up is retried until it works.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { Logger } from './shared/logger.js';
import { isStorageFull, STORAGE_FULL_RETRY_AFTER_SEC } from './shared/storage-full.js';

/** Below this much free space, a database I/O error at start-up is taken as "disk full". */
const NEARLY_FULL_BYTES = 1024 ** 2;

/** Did start-up fail because the data disk is full? */
export function isStartupBlockedByFullDisk(err: unknown, dataDir: string): boolean {
  if (isStorageFull(err)) return true;
  const code = (err as { code?: unknown })?.code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_IOERR')) return false;
  try {
    const s = fs.statfsSync(dataDir);
    return s.bavail * s.bsize < NEARLY_FULL_BYTES;
  } catch {
    return false;
  }
}

export interface StandIn {
  close(): Promise<void>;
}

/** Answers for the app while it cannot start: alive, not ready, every request 503 storage_full. */
export function serveStorageFull(port: number, host: string, log: Logger): Promise<StandIn> {
  const message = 'the server is out of storage space and cannot start; nothing was lost, it resumes once space is freed';
  const server = http.createServer((req, res) => {
    const live = req.url === '/healthz';
    res.writeHead(live ? 200 : 503, { 'content-type': 'application/json', ...(!live && { 'retry-after': String(STORAGE_FULL_RETRY_AFTER_SEC) }) });
    res.end(JSON.stringify(live ? { status: 'degraded', reason: 'storage_full' } : { error: { code: 'storage_full', message } }));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      log.warn({ port }, 'stand-in answering 503 storage_full until the app can start');
      resolve({
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
