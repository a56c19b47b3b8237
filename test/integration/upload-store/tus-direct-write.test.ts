/**
 * tus-direct-write.ts against a real @tus/server and DiskFileStore over HTTP: bodies reach the store
 * without tus's extra streams, and the three things those streams did still hold: the byte limit
 * (413, bytes before it kept), cancellation through the upload's lock (the PATCH ends with what
 * arrived) and POST_RECEIVE_V2 progress.
 */
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { Server } from '@tus/server';
import { EVENTS, type Upload } from '@tus/utils';
import { DiskFileStore } from '../../../services/upload/disk-file-store.js';
import { writeBodiesDirectly } from '../../../services/upload/tus-direct-write.js';

const tusHeaders = { 'tus-resumable': '1.0.0' };

describe('tus bodies written directly by DiskFileStore', () => {
  let dir: string;
  let store: DiskFileStore;
  let tus: Server;
  let server: http.Server;
  let base: string;
  const progress: number[] = [];

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ib-tus-direct-'));
    store = new DiskFileStore({ directory: dir });
    tus = new Server({ path: '/files', datastore: store, postReceiveInterval: 40, lockDrainTimeout: 50 });
    writeBodiesDirectly(tus, store, 40);
    tus.on(EVENTS.POST_RECEIVE_V2, (_req: unknown, upload: Upload) => progress.push(upload.offset));
    server = http.createServer((req, res) => void tus.handle(req, res));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const create = async (length: number) => {
    const res = await fetch(`${base}/files`, { method: 'POST', headers: { ...tusHeaders, 'upload-length': String(length) } });
    expect(res.status).toBe(201);
    return new URL(res.headers.get('location')!, base).href;
  };
  const head = async (url: string) => Number((await fetch(url, { method: 'HEAD', headers: tusHeaders })).headers.get('upload-offset'));
  /** A PATCH whose body the test writes itself; chunked unless a length is given. */
  const patch = (url: string, offset: number, length?: number) => {
    const req = http.request(url, {
      method: 'PATCH',
      headers: { ...tusHeaders, 'upload-offset': String(offset), 'content-type': 'application/offset+octet-stream', ...(length !== undefined && { 'content-length': String(length) }) },
    });
    const answer = new Promise<{ status: number; offset: number; body: string } | 'reset'>((resolve) => {
      req.on('response', (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode!, offset: Number(res.headers['upload-offset']), body }));
      });
      req.on('error', () => resolve('reset'));
    });
    return { req, answer };
  };

  it('a PATCH goes to writeBody and lands byte for byte', async () => {
    const spy = jest.spyOn(store, 'writeBody');
    const data = Buffer.from(Array.from({ length: 300_000 }, (_, i) => (i * 13) & 0xff));
    const url = await create(data.length);
    const { req, answer } = patch(url, 0, data.length);
    req.end(data);
    expect(await answer).toMatchObject({ status: 204, offset: data.length });
    expect(spy).toHaveBeenCalledTimes(1);
    expect(fs.readFileSync(path.join(dir, path.basename(url))).equals(data)).toBe(true);
    spy.mockRestore();
  });

  it('a chunked body longer than the upload is refused with 413, keeping the bytes before the limit', async () => {
    const url = await create(1000);
    const { req, answer } = patch(url, 0);
    req.write(Buffer.alloc(600, 1));
    await new Promise((r) => setTimeout(r, 30));
    req.end(Buffer.alloc(600, 2)); // 1200 > 1000
    const got = await answer;
    expect(got === 'reset' ? 413 : got.status).toBe(413);
    const kept = await head(url);
    expect(kept).toBe(600);
    expect(fs.statSync(path.join(dir, path.basename(url))).size).toBe(600);
  });

  it('progress events report the bytes received while a slow PATCH runs', async () => {
    progress.length = 0;
    const url = await create(10 * 1000);
    const { req, answer } = patch(url, 0, 10 * 1000);
    for (let i = 0; i < 10; i++) {
      req.write(Buffer.alloc(1000, i));
      await new Promise((r) => setTimeout(r, 25));
    }
    req.end();
    expect(await answer).toMatchObject({ status: 204, offset: 10_000 });
    expect(progress.length).toBeGreaterThanOrEqual(2);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress[0]).toBeGreaterThan(0);
    expect(progress.at(-1)).toBeLessThanOrEqual(10_000);
    const before = progress.length;
    await new Promise((r) => setTimeout(r, 120));
    expect(progress.length).toBe(before); // no timer left behind once the PATCH ended
  });

  it('a request wanting the upload\'s lock ends a hanging PATCH with the bytes that arrived', async () => {
    const url = await create(5000);
    const { req, answer } = patch(url, 0, 5000);
    req.write(Buffer.alloc(1500, 7)); // then the client stalls without closing
    await new Promise((r) => setTimeout(r, 50));
    const offset = await head(url); // HEAD takes the lock: tus cancels the PATCH after lockDrainTimeout
    expect(offset).toBe(1500);
    const got = await answer;
    if (got !== 'reset') expect(got).toMatchObject({ status: 204, offset: 1500 });
    req.destroy();
    expect(fs.statSync(path.join(dir, path.basename(url))).size).toBe(1500);
  });
});
