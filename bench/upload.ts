/**
 * Upload benchmarks against the real server process (auth emulator included), started with the node
 * flags `npm start` and the image use (services/upload/node-flags.ts; `--no-node-flags` without them):
 *   npm run bench -- upload [--mb 256] [--runs 5] [--warmups 2] [--idle-s 0] [--client memory|stream] [--rss-mb 1024] [--no-tusd]
 * 1. tus throughput: one creation + one PATCH of an N MB file, `--runs` times each (default 5),
 *    alternating, against the same file through tusd (the tus reference server, Go; built into
 *    .cache/bin by scripts/setup-tusd.sh when missing, skipped with a message when Go is not
 *    installed), a plain streaming file copy and a bare node:http server piping the body into a file,
 *    all in the same run, after `--warmups` rounds of every path (default 2), the two tus servers
 *    taking turns to go first. Both tus servers get the same client: by default it holds the file
 *    in memory and hands it to the socket in one write (~0.05 CPU-s per 256 MB; `--client stream`
 *    reads it from disk in 1 MB chunks, ~0.33 CPU-s, which on a 2-core machine takes most of a core
 *    from the server under test). `--idle-s N` waits N s before every measured upload (after a pause
 *    V8 used to tighten its heap limits, see node-flags.ts). Printed: every run, median and spread,
 *    the ratio of the medians and of each alternating pair. Target: ours ≥ 0.8× tusd's throughput.
 * 2. Server RSS sampled every 50 ms during a 1 GB upload streamed from disk (target: flat — streaming,
 *    no buffering).
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
import { median } from './lib/stats.js';
import { createInterview, tusUpload } from './lib/tus.js';
import { ensureTusd, startTusd, type Tusd } from './lib/tusd.js';
import { SERVER_NODE_FLAGS } from '../services/upload/node-flags.js';

const MB = 1024 * 1024;

export async function makeFile(file: string, bytes: number): Promise<void> {
  const chunk = Buffer.alloc(MB);
  for (let i = 0; i < chunk.length; i++) chunk[i] = (i * 31 + 7) & 0xff;
  const out = createWriteStream(file);
  for (let n = 0; n < bytes; n += MB) if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
  await new Promise<void>((r, j) => out.end((e?: Error) => (e ? j(e) : r())));
}

/** Seconds from tus creation to the end of one PATCH of the whole file. */
async function tusUploadStream(base: string, token: string, file: string | Buffer, size: number): Promise<number> {
  const id = await createInterview(base, token);
  return (await tusUpload(base, token, id, file, size)).totalMs / 1000;
}

export interface UploadBenchResult {
  /** Seconds per run (creation + one PATCH of the whole file), ours and tusd's (empty when skipped). */
  ours: number[];
  tusd: number[];
  /** Ours ÷ tusd throughput, medians; undefined without tusd. */
  ratio?: number;
  /** Ours ÷ tusd throughput of each alternating pair (run i of each). */
  pairRatios: number[];
  rss: { idleMb: number; peakMb: number; samples: number };
}

export async function main(argv: readonly string[] = []): Promise<UploadBenchResult> {
  const flags = parseFlags(argv);
  const mb = flags.num('mb', 256);
  const rssMb = flags.num('rss-mb', 1024);
  const runCount = Math.round(flags.num('runs', 5));
  const warmups = Math.max(1, Math.round(flags.num('warmups', 2)));
  const idleMs = flags.has('idle-s') ? flags.num('idle-s', 0) * 1000 : 0;
  const client = flags.str('client') ?? 'memory';
  if (client !== 'memory' && client !== 'stream') throw new Error(`--client is memory or stream, got "${client}"`);
  const nodeArgs = flags.has('no-node-flags') ? [] : SERVER_NODE_FLAGS;
  const stack = await startBenchStack('upload', flags, { MAX_UPLOAD_BYTES: String(4 * 1024 * MB) }, { nodeArgs });
  const { server, work } = stack;
  let tusd: Tusd | undefined;
  try {
    const idToken = await stack.token('bench@example.test');
    const file = path.join(work, 'payload.bin');
    await makeFile(file, mb * MB);
    // What the tus client sends: the file's bytes (read once, outside the timings) or its path.
    const body: string | Buffer = client === 'memory' ? await fs.readFile(file) : file;
    const idle = () => (idleMs ? new Promise((r) => setTimeout(r, idleMs)) : Promise.resolve());

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
      await idle();
      return tusUploadStream(server.base, idToken, body, mb * MB);
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
        await idle();
        return (await tusUpload(peer.base, idToken, 'bench', body, mb * MB)).totalMs / 1000;
      };
    }
    // Warm up every path (page cache, JIT, the allocator's arenas: a fresh server's first two or
    // three 256 MB uploads page-fault thousands of times more than later ones), then measure each
    // `runCount` times, alternating. tusd gets the same warm-up.
    for (let i = 0; i < warmups; i++) {
      await copyOnce();
      await bareOnce();
      await uploadOnce();
      await tusdOnce?.();
    }
    const copies: number[] = [];
    const bares: number[] = [];
    const uploads: number[] = [];
    const peers: number[] = [];
    for (let i = 0; i < runCount; i++) {
      copies.push(await copyOnce());
      bares.push(await bareOnce());
      // Which tus server goes first alternates: the one right after the bare server (which runs in
      // this process, the client's) would otherwise always meet the client's GC of those 256 MB.
      const ours = async () => void uploads.push(await uploadOnce());
      const peer = async () => void (tusdOnce && peers.push(await tusdOnce()));
      for (const step of i % 2 ? [peer, ours] : [ours, peer]) await step();
    }
    bare.close();
    await tusd?.stop();
    tusd = undefined;
    await fs.rm(tusdDir, { recursive: true, force: true });
    await settle();
    const runs = (xs: number[]) => xs.map((x) => `${x.toFixed(2)} s`).join(', ');
    const spread = (xs: number[]) => `median ${median(xs).toFixed(2)} s, ${Math.min(...xs).toFixed(2)}–${Math.max(...xs).toFixed(2)}`;
    const copyMBs = mb / median(copies);
    const tusMBs = mb / median(uploads);
    const bareMBs = mb / median(bares);
    const pairRatios = peers.map((p, i) => p / uploads[i]!);
    const how = `${client === 'memory' ? 'client sends the file from memory' : 'client streams the file from disk'}${idleMs ? `, ${idleMs / 1000} s idle before each` : ''}, server node flags: ${nodeArgs.join(' ') || 'none'}`;
    console.log(`one ${mb} MB tus PATCH over loopback, ${runCount} runs each after ${warmups} warm-up rounds, alternating (creation included; ${how}):`);
    console.log(`  this server: ${runs(uploads)} (${spread(uploads)}; ${tusMBs.toFixed(0)} MB/s)`);
    if (peers.length) {
      const peerMBs = mb / median(peers);
      console.log(`  tusd:        ${runs(peers)} (${spread(peers)}; ${peerMBs.toFixed(0)} MB/s)`);
      console.log(`  ours ÷ tusd throughput: ${(tusMBs / peerMBs).toFixed(2)} (target ≥ 0.8); per pair ${pairRatios.map((r) => r.toFixed(2)).join(', ')}`);
    }
    console.log(
      `upload throughput (${mb} MB, median of ${runCount}): tus ${tusMBs.toFixed(0)} MB/s, plain stream copy ${copyMBs.toFixed(0)} MB/s ` +
        `(${runs(copies)}), ratio ${(tusMBs / copyMBs).toFixed(2)}; bare HTTP-to-file ${bareMBs.toFixed(0)} MB/s ` +
        `(${runs(bares)}; ceiling ${(bareMBs / copyMBs).toFixed(2)} of the copy; tus reaches ${(tusMBs / bareMBs).toFixed(2)} of it)`,
    );

    // RSS during a large upload, streamed from disk (a 1 GB buffer in the client would blur nothing
    // on the server, but it is not needed: the client's speed does not matter here).
    const big = path.join(work, 'big.bin');
    await fs.rm(file);
    await makeFile(big, rssMb * MB);
    const idleKb = await rssKb(server.pid);
    const samples: number[] = [];
    const sampler = setInterval(() => void rssKb(server.pid).then((kb) => samples.push(kb)), 50);
    const secs = await tusUploadStream(server.base, idToken, big, rssMb * MB);
    clearInterval(sampler);
    samples.push(await rssKb(server.pid));
    const peak = Math.max(...samples);
    console.log(
      `server RSS during a ${rssMb} MB upload (${(rssMb / secs).toFixed(0)} MB/s): idle ${(idleKb / 1024).toFixed(0)} MB, ` +
        `peak ${(peak / 1024).toFixed(0)} MB, growth ${((peak - idleKb) / 1024).toFixed(0)} MB = ${(((peak - idleKb) / 1024 / rssMb) * 100).toFixed(1)}% of the file (${samples.length} samples)`,
    );
    return {
      ours: uploads,
      tusd: peers,
      ...(peers.length && { ratio: median(peers) / median(uploads) }),
      pairRatios,
      rss: { idleMb: idleKb / 1024, peakMb: peak / 1024, samples: samples.length },
    };
  } finally {
    await tusd?.stop();
    await stack.stop();
  }
}
