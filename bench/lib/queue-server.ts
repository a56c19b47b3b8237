/**
 * The bare upload writer of `bench upload-queue`, run as its own process: a node:http server that
 * writes each request body with write-at.ts (the product's write loop) at the queue size and writes
 * in flight the request names (x-queue-bytes, x-in-flight), answering like a tus PATCH (204 +
 * Upload-Offset). No tus, no auth, no actors: only the write loop and node:http. Prints "PORT <n>".
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { writeStreamAt } from '../../services/upload/write-at.js';

const dir = process.argv[2];
if (!dir) throw new Error('usage: queue-server.ts <dir>');
fs.mkdirSync(dir, { recursive: true });
const server = http.createServer((req, res) => {
  const queue = Number(req.headers['x-queue-bytes']);
  const inFlight = Number(req.headers['x-in-flight'] ?? 2);
  if (!(queue > 0) || !(inFlight > 0)) return void res.writeHead(400).end('x-queue-bytes and x-in-flight must be positive');
  const fd = fs.openSync(path.join(dir, 'upload.bin'), 'w');
  writeStreamAt(fd, req, 0, { maxPendingBytes: queue, maxInFlight: inFlight })
    .then((n) => res.writeHead(204, { 'upload-offset': String(n) }).end())
    .catch((err: unknown) => res.writeHead(500).end(String(err)))
    .finally(() => fs.closeSync(fd));
});
server.listen(0, '127.0.0.1', () => console.log(`PORT ${(server.address() as { port: number }).port}`));
