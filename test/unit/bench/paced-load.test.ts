/**
 * The paced generator of `npm run bench -- api` (bench/lib/load.ts) times each request from when it
 * was due, or from when it left if that was earlier: a latency is never negative (it printed a
 * p50 of −0.010 ms for the bare express route when requests left up to 1 ms early).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { pacedAtRate } from '../../../bench/lib/load.js';

describe('pacedAtRate', () => {
  let server: http.Server;
  let url: string;
  beforeAll(async () => {
    server = http.createServer((_req, res) => res.end('ok'));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('every latency is positive, at a rate whose interval is not a whole millisecond', async () => {
    const r = await pacedAtRate(url, {}, 300, 1); // one request every 3.33 ms
    expect(r.failures).toBe(0);
    expect(r.latencies).toHaveLength(300);
    expect(Math.min(...r.latencies)).toBeGreaterThan(0);
  });
});
