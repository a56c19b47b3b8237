/**
 * Upload benchmarks against the real server process (auth emulator included):
 *   npm run bench -- upload [--mb 256] [--rss-mb 1024] [--no-tusd]
 * 1. tus throughput: one creation + one streaming PATCH of an N MB file, 3 runs each, alternating,
 *    against the same file through tusd (the tus reference server, Go; built into .cache/bin by
 *    scripts/setup-tusd.sh when missing, skipped with a message when Go is not installed), a plain
 *    streaming file copy and a bare node:http server piping the body into a file, all in the same run.
 *    Target: ours ≥ 0.8× tusd's throughput.
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
import { createInterview, tusCreate, tusPatch, tusUpload } from './lib/tus.js';
import { ensureTusd, startTusd, type Tusd } from './lib/tusd.js';

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

export interface UploadBenchResult {
  /** Seconds per run (creation + one PATCH of the whole file), ours and tusd's (empty when skipped). */
  ours: number[];
  tusd: number[];
  /** Ours ÷ tusd throughput, medians; undefined without tusd. */
  ratio?: number;
  rss: { idleMb: number; peakMb: number; samples: number };
}

export async function main(argv: readonly string[] = []): Promise<UploadBenchResult> {
  const flags = parseFlags(argv);
  const mb = flags.num('mb', 256);
  const rssMb = flags.num('rss-mb', 1024);
  const stack = await startBenchStack('upload', flags, { MAX_UPLOAD_BYTES: String(4 * 1024 * MB) });
  const { server, work } = stack;
  let tusd: Tusd | undefined;
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
    // The peer: tusd with its file store on the same disk, the same client, the same file.
    const tusdDir = path.join(work, 'tusd');
    let tusdOnce: (() => Promise<number>) | undefined;
    const got = flags.has('no-tusd') ? { skip: '--no-tusd given' } : ensureTusd();
    if ('skip' in got) console.log(`tusd peer row skipped: ${got.skip}`);
    else {
      await fs.mkdir(tusdDir, { recursive: true });
      const peer = (tusd = await startTusd(got.bin, tusdDir));
      tusdOnce = async () => {
        for (const f of await fs.readdir(tusdDir)) await fs.rm(path.join(tusdDir, f), { force: true });
        await settle();
        const t0 = performance.now();
        const url = await tusCreate(peer.base, idToken, 'bench', mb * MB);
        await tusPatch(url, idToken, file, 0, mb * MB);
        return (performance.now() - t0) / 1000;
      };
    }
    // Warm up every path once (page cache, JIT), then measure each three times, alternating.
    await copyOnce();
    await bareOnce();
    await uploadOnce();
    await tusdOnce?.();
    const copies: number[] = [];
    const bares: number[] = [];
    const uploads: number[] = [];
    const peers: number[] = [];
    for (let i = 0; i < 3; i++) {
      copies.push(await copyOnce());
      bares.push(await bareOnce());
      uploads.push(await uploadOnce());
      if (tusdOnce) peers.push(await tusdOnce());
    }
    bare.close();
    await tusd?.stop();
    tusd = undefined;
    await fs.rm(tusdDir, { recursive: true, force: true });
    await settle();
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[1]!;
    const runs = (xs: number[]) => xs.map((x) => `${x.toFixed(2)} s`).join(', ');
    const copyMBs = mb / median(copies);
    const tusMBs = mb / median(uploads);
    const bareMBs = mb / median(bares);
    console.log(`one ${mb} MB tus PATCH over loopback, 3 runs each (creation included):`);
    console.log(`  this server: ${runs(uploads)} (median ${tusMBs.toFixed(0)} MB/s)`);
    if (peers.length) {
      const peerMBs = mb / median(peers);
      console.log(`  tusd:        ${runs(peers)} (median ${peerMBs.toFixed(0)} MB/s)`);
      console.log(`  ours ÷ tusd throughput: ${(tusMBs / peerMBs).toFixed(2)} (target ≥ 0.8)`);
    }
    console.log(
      `upload throughput (${mb} MB, median of 3): tus ${tusMBs.toFixed(0)} MB/s, plain stream copy ${copyMBs.toFixed(0)} MB/s ` +
        `(${runs(copies)}), ratio ${(tusMBs / copyMBs).toFixed(2)}; bare HTTP-to-file ${bareMBs.toFixed(0)} MB/s ` +
        `(${runs(bares)}; ceiling ${(bareMBs / copyMBs).toFixed(2)} of the copy; tus reaches ${(tusMBs / bareMBs).toFixed(2)} of it)`,
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
    samples.push(await rssKb(server.pid));
    const peak = Math.max(...samples);
    console.log(
      `server RSS during a ${rssMb} MB upload (${(rssMb / secs).toFixed(0)} MB/s): idle ${(idle / 1024).toFixed(0)} MB, ` +
        `peak ${(peak / 1024).toFixed(0)} MB, growth ${((peak - idle) / 1024).toFixed(0)} MB = ${(((peak - idle) / 1024 / rssMb) * 100).toFixed(1)}% of the file (${samples.length} samples)`,
    );
    return {
      ours: uploads,
      tusd: peers,
      ...(peers.length && { ratio: median(peers) / median(uploads) }),
      rss: { idleMb: idle / 1024, peakMb: peak / 1024, samples: samples.length },
    };
  } finally {
    await tusd?.stop();
    await stack.stop();
  }
}
