/**
 * Upload benchmarks against the real server process (auth emulator included):
 *   npm run bench -- upload [--mb 256] [--rss-mb 1024]
 * 1. tus throughput: one creation + one streaming PATCH of an N MB file, against a plain streaming
 *    file copy of the same file measured in the same run (target ratio ≥ 0.7).
 * 2. Server RSS sampled every 50 ms during a 1 GB upload (target: flat — streaming, no buffering).
 */
import { createReadStream, createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import http from 'node:http';
import { pipeline } from 'node:stream/promises';
import { parseFlags } from './lib/flags.js';
import { rssKb } from './lib/proc.js';
import { startBenchStack } from './lib/stack.js';
import { createInterview, tusUpload } from './lib/tus.js';

const MB = 1024 * 1024;

export async function makeFile(file: string, bytes: number): Promise<void> {
  const chunk = Buffer.alloc(MB);
  for (let i = 0; i < chunk.length; i++) chunk[i] = (i * 31 + 7) & 0xff;
  const out = createWriteStream(file);
  for (let n = 0; n < bytes; n += MB) if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
  await new Promise<void>((r, j) => out.end((e?: Error) => (e ? j(e) : r())));
}

/** Seconds from tus creation to the end of one streaming PATCH of the whole file. */
async function tusUploadStream(base: string, token: string, file: string, size: number): Promise<number> {
  const id = await createInterview(base, token);
  return (await tusUpload(base, token, id, file, size)).totalMs / 1000;
}

export async function main(argv: readonly string[] = []): Promise<void> {
  const flags = parseFlags(argv);
  const mb = flags.num('mb', 256);
  const rssMb = flags.num('rss-mb', 1024);
  const stack = await startBenchStack('upload', flags, { MAX_UPLOAD_BYTES: String(4 * 1024 * MB) });
  const { server, work } = stack;
  try {
    const idToken = await stack.token('bench@example.test');
    const file = path.join(work, 'payload.bin');
    await makeFile(file, mb * MB);

    // Each measurement starts from the same state: the previous output deleted and every dirty page
    // flushed, so neither path pays for the other's background writeback.
    const uploadsDir = path.join(work, 'data', 'uploads');
    const settle = async () => {
      await fs.rm(path.join(work, 'copy.bin'), { force: true });
      for (const f of await fs.readdir(uploadsDir).catch(() => [] as string[])) await fs.rm(path.join(uploadsDir, f), { force: true });
      execFileSync('sync');
    };
    const copyOnce = async () => {
      await settle();
      const t0 = performance.now();
      await pipeline(createReadStream(file, { highWaterMark: MB }), createWriteStream(path.join(work, 'copy.bin')));
      return (performance.now() - t0) / 1000;
    };
    // The ceiling any HTTP upload meets here: a bare node:http server piping the body into a file.
    const bare = http.createServer((req, res) => {
      void pipeline(req, createWriteStream(path.join(work, 'copy.bin'))).then(() => res.writeHead(204).end());
    });
    await new Promise<void>((r) => bare.listen(0, '127.0.0.1', r));
    const barePort = (bare.address() as { port: number }).port;
    const bareOnce = async () => {
      await settle();
      const t0 = performance.now();
      await new Promise<void>((resolve, reject) => {
        const req = http.request({ host: '127.0.0.1', port: barePort, method: 'PUT', headers: { 'content-length': String(mb * MB) } }, (res) => {
          res.resume();
          res.on('end', () => resolve());
        });
        req.on('error', reject);
        createReadStream(file, { highWaterMark: MB }).pipe(req);
      });
      return (performance.now() - t0) / 1000;
    };
    const uploadOnce = async () => {
      await settle();
      return tusUploadStream(server.base, idToken, file, mb * MB);
    };
    // Warm up both paths once (page cache, JIT), then measure each three times, alternating.
    await copyOnce();
    await bareOnce();
    await uploadOnce();
    const copies: number[] = [];
    const bares: number[] = [];
    const uploads: number[] = [];
    for (let i = 0; i < 3; i++) {
      copies.push(await copyOnce());
      bares.push(await bareOnce());
      uploads.push(await uploadOnce());
    }
    bare.close();
    await settle();
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[1]!;
    const copyMBs = mb / median(copies);
    const tusMBs = mb / median(uploads);
    const bareMBs = mb / median(bares);
    console.log(
      `upload throughput (${mb} MB, median of 3): tus ${tusMBs.toFixed(0)} MB/s, plain stream copy ${copyMBs.toFixed(0)} MB/s, ` +
        `ratio ${(tusMBs / copyMBs).toFixed(2)} (target ≥ 0.7); bare HTTP-to-file ${bareMBs.toFixed(0)} MB/s ` +
        `(ceiling ${(bareMBs / copyMBs).toFixed(2)} of the copy; tus reaches ${(tusMBs / bareMBs).toFixed(2)} of it)`,
    );

    // RSS during a large upload.
    const big = path.join(work, 'big.bin');
    await fs.rm(file);
    await makeFile(big, rssMb * MB);
    const idle = await rssKb(server.pid);
    const samples: number[] = [];
    const sampler = setInterval(() => void rssKb(server.pid).then((kb) => samples.push(kb)), 50);
    const secs = await tusUploadStream(server.base, idToken, big, rssMb * MB);
    clearInterval(sampler);
    const peak = Math.max(...samples);
    console.log(
      `server RSS during a ${rssMb} MB upload (${(rssMb / secs).toFixed(0)} MB/s): idle ${(idle / 1024).toFixed(0)} MB, ` +
        `peak ${(peak / 1024).toFixed(0)} MB, growth ${((peak - idle) / 1024).toFixed(0)} MB = ${(((peak - idle) / 1024 / rssMb) * 100).toFixed(1)}% of the file (${samples.length} samples)`,
    );
  } finally {
    await stack.stop();
  }
}
