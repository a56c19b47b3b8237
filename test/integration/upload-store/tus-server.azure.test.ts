// @tus/server 1.x with the Azure store as its datastore, over real HTTP against Azurite: creation,
// two streamed PATCHes of a few MB (several blocks each), HEAD for resume, termination.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Server as TusServer } from '@tus/server';
import { AzureBlobUploadStore } from '../../../services/upload/azure-blob.store.js';
import { uploadIdFor } from '../../../services/upload/upload.store.js';
import { type Azurite, startAzurite } from '../../helpers/azurite.js';

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

function request(url: string, method: string, headers: Record<string, string>, data?: Buffer): Promise<{ status: number; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers: { 'Tus-Resumable': '1.0.0', ...headers } }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers }));
    });
    req.on('error', reject);
    if (!data) return void req.end();
    // Stream the body in 64 KiB writes, honouring backpressure.
    let i = 0;
    const pump = () => {
      while (i < data.length) {
        const ok = req.write(data.subarray(i, i + 65536));
        i += 65536;
        if (!ok) return void req.once('drain', pump);
      }
      req.end();
    };
    pump();
  });
}

describe('tus server on AzureBlobUploadStore (Azurite)', () => {
  let azurite: Azurite;
  let server: http.Server;
  let base: string;
  let store: AzureBlobUploadStore;

  beforeAll(async () => {
    azurite = await startAzurite();
    store = new AzureBlobUploadStore({ connectionString: azurite.connectionString, container: 'tus-e2e', expirationMs: 60_000, blockSize: 1024 * 1024 });
    const tus = new TusServer({
      path: '/files',
      datastore: store.tus,
      relativeLocation: true,
      namingFunction: (_req, metadata) => uploadIdFor(metadata?.interviewId ?? 'none', randomBytes(12).toString('hex')),
    });
    server = http.createServer((req, res) => void tus.handle(req, res));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((r) => server?.close(r));
    await azurite?.stop();
  });

  it('creates, PATCHes in two streamed requests, resumes from HEAD, and the blob has the exact bytes', async () => {
    const data = randomBytes(5 * 1024 * 1024 + 12345);
    const interviewId = randomUUID();
    const meta = `interviewId ${Buffer.from(interviewId).toString('base64')},filename ${Buffer.from('talk.webm').toString('base64')}`;
    const created = await request(`${base}/files`, 'POST', { 'Upload-Length': String(data.length), 'Upload-Metadata': meta });
    expect(created.status).toBe(201);
    const location = new URL(created.headers.location!, `${base}/files/`).toString();
    const id = location.split('/').pop()!;
    expect(id.startsWith(`${interviewId}--`)).toBe(true);

    const first = 3 * 1024 * 1024 + 7;
    const p1 = await request(location, 'PATCH', { 'Upload-Offset': '0', 'Content-Type': 'application/offset+octet-stream' }, data.subarray(0, first));
    expect(p1.status).toBe(204);
    expect(p1.headers['upload-offset']).toBe(String(first));

    const head = await request(location, 'HEAD', {});
    expect(head.status).toBe(200);
    expect(head.headers['upload-offset']).toBe(String(first));
    expect(head.headers['upload-length']).toBe(String(data.length));

    const stale = await request(location, 'PATCH', { 'Upload-Offset': '0', 'Content-Type': 'application/offset+octet-stream' }, data.subarray(0, 10));
    expect(stale.status).toBe(409);

    const p2 = await request(location, 'PATCH', { 'Upload-Offset': String(first), 'Content-Type': 'application/offset+octet-stream' }, data.subarray(first));
    expect(p2.status).toBe(204);
    expect(p2.headers['upload-offset']).toBe(String(data.length));

    const local = await store.openLocal(id);
    expect(sha256(await fs.readFile(local.path))).toBe(sha256(data));
    await local.release();
    await expect(fs.access(local.path)).rejects.toBeDefined();

    expect((await request(location, 'DELETE', {})).status).toBe(204);
    expect((await request(location, 'HEAD', {})).status).toBe(404);
  });
});
