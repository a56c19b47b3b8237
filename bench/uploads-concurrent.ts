/**
 * N concurrent tus uploads through the real server (a child process, auth emulator included):
 *   npm run bench -- uploads-concurrent [--count=100] [--mb=50] [--chunk-mb=8] [--users=10]
 * Every upload is its own interview and its own source file; PATCHes carry --chunk-mb (the web
 * client's 8 MB by default). Afterwards every stored file's sha256 must equal its source's.
 * Baseline in the same run: the same N files copied with N concurrent fs streams on the same disk,
 * once before and once after the uploads (the ratio uses their mean).
 * Also reported: p50/p95/p99 PATCH latency, and the server's peak RSS (VmHWM; target ≤ 400 MB).
 * The payload is not media, so after each upload the pipeline fails it at the content sniff (cheap):
 * the uploads, not transcription, are what this measures.
 */
import { createHash, randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { createReadStream, createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { mapLimit } from '../services/media/engines/map-limit.js';
import { parseFlags } from './lib/flags.js';
import { memoryOf, sampleMemory } from './lib/proc.js';
import { startBenchStack } from './lib/stack.js';
import { mb, ms, printTable, ratio, summarize } from './lib/stats.js';
import { createInterview, tusUpload, type ChunkedUpload } from './lib/tus.js';

const MB = 1024 * 1024;
const RSS_TARGET_MB = 400;

/** A distinct file: one random MB per file, each copy stamped with its block number. Returns its sha256. */
async function makeSource(file: string, bytes: number): Promise<string> {
  const block = randomBytes(MB);
  block.write('IBBENCH\0', 0, 'latin1'); // never mistaken for a media signature
  const hash = createHash('sha256');
  const out = createWriteStream(file);
  for (let off = 0, n = 0; off < bytes; off += MB, n++) {
    const piece = Buffer.from(block.subarray(0, Math.min(MB, bytes - off)));
    if (piece.length >= 16) piece.writeUInt32BE(n, 8);
    hash.update(piece);
    if (!out.write(piece)) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((r, j) => out.end((e?: Error) => (e ? j(e) : r())));
  return hash.digest('hex');
}

async function sha256(file: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(file, { highWaterMark: MB }), hash);
  return hash.digest('hex');
}

/** Dirty pages of the previous phase are flushed first, so no phase pays for another's writeback. */
const settle = () => execFileSync('sync');

async function copyAll(sources: string[], dir: string): Promise<number> {
  await fs.rm(dir, { recursive: true, force: true });
  await fs.mkdir(dir, { recursive: true });
  settle();
  const t0 = performance.now();
  await Promise.all(sources.map((s, i) => pipeline(createReadStream(s, { highWaterMark: MB }), createWriteStream(path.join(dir, `copy-${i}.bin`)))));
  const sec = (performance.now() - t0) / 1000;
  await fs.rm(dir, { recursive: true, force: true });
  return sec;
}

export interface UploadsConcurrentResult {
  count: number;
  bytesEach: number;
  verified: number;
  uploadMBs: number;
  copyMBs: number;
  ratio: number;
  patch: ReturnType<typeof summarize>;
  peakRssMb: number;
}

export async function main(argv: readonly string[] = []): Promise<UploadsConcurrentResult> {
  const flags = parseFlags(argv);
  const count = flags.num('count', 100);
  const size = Math.round(flags.num('mb', 50) * MB);
  const chunk = Math.round(flags.num('chunk-mb', 8) * MB);
  const users = Math.min(count, flags.num('users', 10));
  const stack = await startBenchStack('uploads-concurrent', flags, { MAX_UPLOAD_BYTES: String(Math.max(size, 2 * 1024 * MB)) });
  const { server, work } = stack;
  try {
    const srcDir = path.join(work, 'src');
    await fs.mkdir(srcDir);
    const sources = Array.from({ length: count }, (_, i) => path.join(srcDir, `src-${i}.bin`));
    const hashes = await mapLimit(sources, 4, (f) => makeSource(f, size));
    const tokens = await Promise.all(Array.from({ length: users }, (_, u) => stack.token(`bench-upload-${u}@example.test`)));
    const interviews = await mapLimit(sources, 8, (_, i) => createInterview(server.base, tokens[i % users]!, `upload ${i}`));
    const total = count * size;
    console.log(`${count} uploads × ${mb(size)} (${mb(total)}) in ${mb(chunk)} PATCHes, ${users} users, server pid ${server.pid}`);

    const copyBefore = await copyAll(sources, path.join(work, 'copy'));
    settle();
    const idle = await memoryOf(server.pid);
    const sampler = sampleMemory(server.pid, 100);
    const t0 = performance.now();
    const uploads: ChunkedUpload[] = await Promise.all(sources.map((f, i) => tusUpload(server.base, tokens[i % users]!, interviews[i]!, f, size, chunk)));
    const uploadSec = (performance.now() - t0) / 1000;
    const mem = await sampler.stop();
    const copyAfter = await copyAll(sources, path.join(work, 'copy'));

    // Every stored file must be byte-identical to its own source.
    const uploadsDir = path.join(work, 'data', 'uploads');
    const stored = await mapLimit(uploads, 2, (u) => sha256(path.join(uploadsDir, path.basename(new URL(u.url).pathname))));
    const verified = stored.filter((h, i) => h === hashes[i]).length;

    const copySec = (copyBefore + copyAfter) / 2;
    const uploadMBs = total / MB / uploadSec;
    const copyMBs = total / MB / copySec;
    const patch = summarize(uploads.flatMap((u) => u.patchMs));
    const perUpload = summarize(uploads.map((u) => u.totalMs));
    const peakRssMb = mem.hwmKb / 1024;
    printTable(`uploads-concurrent: ${count} × ${mb(size)}, all at once`, ['path', 'wall s', 'MB/s', 'vs copy'], [
      ['raw stream copy (before)', copyBefore.toFixed(2), (total / MB / copyBefore).toFixed(0), ''],
      ['raw stream copy (after)', copyAfter.toFixed(2), (total / MB / copyAfter).toFixed(0), ''],
      ['tus through the server', uploadSec.toFixed(2), uploadMBs.toFixed(0), ratio(uploadMBs / copyMBs)],
    ]);
    printTable('latency (ms)', ['what', 'n', 'p50', 'p95', 'p99', 'max'], [
      [`PATCH of ${mb(chunk)}`, String(patch.n), ms(patch.p50), ms(patch.p95), ms(patch.p99), ms(patch.max)],
      ['whole upload', String(perUpload.n), ms(perUpload.p50), ms(perUpload.p95), ms(perUpload.p99), ms(perUpload.max)],
    ]);
    console.log(
      `\nverified ${verified}/${count} stored files (sha256 = source)${verified === count ? '' : '  ← MISMATCH'}\n` +
        `server RSS: idle ${(idle.rssKb / 1024).toFixed(0)} MB, peak sampled ${(mem.peakRssKb / 1024).toFixed(0)} MB, ` +
        `VmHWM ${peakRssMb.toFixed(0)} MB (target ≤ ${RSS_TARGET_MB} MB: ${peakRssMb <= RSS_TARGET_MB ? 'met' : 'MISSED'}; ${mem.samples.length} samples)\n` +
        `aggregate ${uploadMBs.toFixed(0)} MB/s = ${ratio(uploadMBs / copyMBs)} the raw copy (${copyMBs.toFixed(0)} MB/s, mean of before/after)`,
    );
    if (verified !== count) throw new Error(`${count - verified} uploads did not verify`);
    return { count, bytesEach: size, verified, uploadMBs, copyMBs, ratio: uploadMBs / copyMBs, patch, peakRssMb };
  } finally {
    await stack.stop();
  }
}
