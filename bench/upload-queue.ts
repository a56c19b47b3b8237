/**
 * How large a PATCH's write queue should be (services/upload/write-budget.ts), measured on the write
 * loop alone: a bare node:http server writing the body with write-at.ts at each queue size (its own
 * process, the product's node flags), against tusd, the same file, the same in-memory client,
 * alternating, after one warm-up round:
 *   npm run bench -- upload-queue [--mb 256] [--runs 7] [--queues-kb 256,1024,2048,4096] [--in-flight 2] [--no-tusd]
 * Prints each queue's median seconds and its throughput ÷ tusd's. A small queue pauses the request
 * often (each pause stops the socket until a write returns); a very large one writes many MB at once.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SERVER_NODE_FLAGS } from '../services/upload/node-flags.js';
import { parseFlags } from './lib/flags.js';
import { median } from './lib/stats.js';
import { tusUpload } from './lib/tus.js';
import { ensureTusd, startTusd, type Tusd } from './lib/tusd.js';

const KB = 1024;
const MB = 1024 * KB;

export interface QueueBenchResult {
  /** Median seconds per queue size (KB), and tusd's (undefined when skipped). */
  medians: Record<number, number>;
  tusd?: number;
}

/** One PATCH of `body` to the bare writer at this queue size; seconds. */
function sendToWriter(port: number, body: Buffer, queueBytes: number, inFlight: number): Promise<number> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method: 'PATCH', headers: { 'content-length': String(body.length), 'x-queue-bytes': String(queueBytes), 'x-in-flight': String(inFlight) } }, (res) => {
      res.resume();
      res.on('end', () => (res.statusCode === 204 && Number(res.headers['upload-offset']) === body.length ? resolve((performance.now() - t0) / 1000) : reject(new Error(`writer answered ${res.statusCode}`))));
    });
    req.on('error', reject);
    req.end(body);
  });
}

export async function main(argv: readonly string[] = []): Promise<QueueBenchResult> {
  const flags = parseFlags(argv);
  const bytes = Math.round(flags.num('mb', 256) * MB);
  const runs = Math.round(flags.num('runs', 7));
  const queues = flags.list('queues-kb', [256, 1024, 2048, 4096]);
  const inFlight = Math.round(flags.num('in-flight', 2));
  const work = await fs.mkdtemp(path.join(os.tmpdir(), 'ib-bench-queue-'));
  const body = Buffer.alloc(bytes, 0x5a);
  const script = fileURLToPath(new URL('./lib/queue-server.ts', import.meta.url));
  const writer = spawn(process.execPath, [...SERVER_NODE_FLAGS, '--import', 'tsx', script, path.join(work, 'writer')], { stdio: ['ignore', 'pipe', 'inherit'] });
  let tusd: Tusd | undefined;
  try {
    const port = await new Promise<number>((resolve, reject) => {
      writer.once('exit', (code) => reject(new Error(`queue server exited (${code})`)));
      writer.stdout!.on('data', (c: Buffer) => {
        const m = /PORT (\d+)/.exec(c.toString());
        if (m) resolve(Number(m[1]));
      });
    });
    const got = flags.has('no-tusd') ? { skip: '--no-tusd given' } : ensureTusd();
    if ('skip' in got) console.log(`tusd peer row skipped: ${got.skip}`);
    else {
      await fs.mkdir(path.join(work, 'tusd'));
      tusd = await startTusd(got.bin, path.join(work, 'tusd'));
    }
    const peer = tusd;
    const clear = async () => {
      for (const d of ['writer', 'tusd']) for (const f of await fs.readdir(path.join(work, d)).catch(() => [] as string[])) await fs.rm(path.join(work, d, f), { force: true });
    };
    const tusdOnce = peer && (async () => {
      await clear();
      return (await tusUpload(peer.base, 'bench', 'bench', body, bytes)).totalMs / 1000;
    });
    const writerOnce = async (kb: number) => {
      await clear();
      return sendToWriter(port, body, kb * KB, inFlight);
    };
    const times: Record<number, number[]> = Object.fromEntries(queues.map((q) => [q, [] as number[]]));
    const peers: number[] = [];
    for (let round = -1; round < runs; round++) {
      const t = await tusdOnce?.();
      if (round >= 0 && t !== undefined) peers.push(t);
      for (const kb of queues) {
        const s = await writerOnce(kb);
        if (round >= 0) times[kb]!.push(s);
      }
    }
    const result: QueueBenchResult = { medians: Object.fromEntries(queues.map((q) => [q, median(times[q]!)])), ...(peers.length && { tusd: median(peers) }) };
    console.log(`the write loop alone, one ${bytes / MB} MB PATCH over loopback, ${runs} runs each after a warm-up round, ${inFlight} write(s) in flight:`);
    if (result.tusd !== undefined) console.log(`  tusd:            median ${result.tusd.toFixed(3)} s`);
    for (const kb of queues) {
      const m = result.medians[kb]!;
      const ratio = result.tusd === undefined ? '' : `, ÷ tusd throughput ${(result.tusd / m).toFixed(2)}`;
      console.log(`  queue ${String(kb).padStart(5)} KB:  median ${m.toFixed(3)} s (${times[kb]!.map((x) => x.toFixed(2)).join(' ')})${ratio}`);
    }
    return result;
  } finally {
    writer.kill();
    await tusd?.stop();
    await fs.rm(work, { recursive: true, force: true });
  }
}
