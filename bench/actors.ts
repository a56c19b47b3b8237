/**
 * Actor call and pub/sub latency of a Dapr runtime adapter:
 *   npm run bench -- actors [--calls=20000] [--activations=10000] [--events=5000] [--runtime=embedded,sidecar]
 * Runtimes: the embedded adapter, and the sidecar adapter through a real daprd (default: both, the
 * sidecar once `npm run dapr:build` has built daprd). Per runtime: first call to a fresh actor id (activation), warm calls (no state, and one state
 * write per turn), calls/s with 64 in flight, and publish → handler latency, one message at a time.
 * Baselines in the same run: an awaited in-process async function call, and an EventEmitter round
 * trip. Published Dapr anchors (ARCHITECTURE §2): activation p50 2.3 ms, p99 6.9 ms at 500 qps.
 *
 * Another adapter gets a row by adding a RuntimeFactory to RUNTIMES (its conformance row's
 * `create` fits as is), or by calling benchRuntime(name, factory) from its own script.
 */
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createEmbeddedRuntime } from '../dapr/embedded/runtime.js';
import type { ActorType } from '../dapr/ports/actors.js';
import { Components, type DaprRuntime } from '../dapr/ports/runtime.js';
import { mapLimit } from '../services/media/engines/map-limit.js';
import { daprBinariesPresent } from '../scripts/lib/dapr-processes.js';
import { createSidecarInstance } from '../test/conformance/sidecar-row.js';
import { parseFlags } from './lib/flags.js';
import { printTable, ratio, summarize, us, type Latency } from './lib/stats.js';

/** Builds a runtime: `configure` registers actors and subscriptions before it starts. */
export type RuntimeFactory = (configure: (runtime: DaprRuntime) => void) => Promise<{ runtime: DaprRuntime; close(): Promise<void> }>;

export const embeddedFactory: RuntimeFactory = async (configure) => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ib-bench-actors-'));
  const runtime = createEmbeddedRuntime({ dataDir });
  configure(runtime);
  await runtime.start();
  return {
    runtime,
    async close() {
      await runtime.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
};

/** The real daprd (+ Redis, placement, Azurite), exactly as the sidecar conformance row starts it. */
export const sidecarFactory: RuntimeFactory = async (configure) => {
  const instance = await createSidecarInstance(configure, { cronBinding: 'bench-cron', secret: ['IB_BENCH_SECRET', 'x'], idleMs: 60_000 });
  return { runtime: instance.runtime, close: () => instance.close() };
};

/** Adapters this benchmark can measure, by name (--runtime); sidecar only once `npm run dapr:build` ran. */
export const RUNTIMES: Record<string, RuntimeFactory> = { embedded: embeddedFactory, sidecar: sidecarFactory };
const available = (): string[] => Object.keys(RUNTIMES).filter((n) => n !== 'sidecar' || daprBinariesPresent());

export interface BenchSizes {
  calls: number;
  activations: number;
  events: number;
}

export interface RuntimeResult {
  name: string;
  activation: Latency;
  warm: Latency;
  warmWrite: Latency;
  callsPerSec: number;
  pubsub: Latency;
}

const BENCH_ACTOR = 'BenchActor';
const TOPIC = 'bench.latency';

const benchActor: ActorType = {
  type: BENCH_ACTOR,
  methods: {
    ping: async () => null,
    bump: async (ctx) => {
      const n = ((await ctx.state.get<number>('n')) ?? 0) + 1;
      ctx.state.set('n', n);
      return n;
    },
  },
};

async function each(n: number, fn: (i: number) => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn(i);
    out.push(performance.now() - t0);
  }
  return out;
}

export async function benchRuntime(name: string, factory: RuntimeFactory, sizes: BenchSizes): Promise<RuntimeResult> {
  const waiting = new Map<number, (at: number) => void>();
  const { runtime, close } = await factory((rt) => {
    rt.actors.register(benchActor);
    rt.pubsub(Components.pubsub).subscribe<{ n: number }>(TOPIC, async (e) => {
      waiting.get(e.data.n)?.(performance.now());
      return 'SUCCESS';
    });
  });
  try {
    const { actors } = runtime;
    const pubsub = runtime.pubsub(Components.pubsub);
    await each(50, (i) => actors.invoke(BENCH_ACTOR, `warmup-${i}`, 'ping')); // JIT and first-use costs
    const activation = await each(sizes.activations, (i) => actors.invoke(BENCH_ACTOR, `fresh-${i}`, 'ping'));
    const warm = await each(sizes.calls, (i) => actors.invoke(BENCH_ACTOR, `warmup-${i % 50}`, 'ping'));
    const warmWrite = await each(sizes.calls, (i) => actors.invoke(BENCH_ACTOR, `warmup-${i % 50}`, 'bump'));
    const t0 = performance.now();
    await mapLimit(Array.from({ length: sizes.calls }), 64, (_, i) => actors.invoke(BENCH_ACTOR, `warmup-${i % 50}`, 'ping'));
    const callsPerSec = sizes.calls / ((performance.now() - t0) / 1000);
    const pubsubMs: number[] = [];
    for (let n = 0; n < sizes.events; n++) {
      const handled = new Promise<number>((resolve) => waiting.set(n, resolve));
      const sent = performance.now();
      await pubsub.publish(TOPIC, { n });
      pubsubMs.push((await handled) - sent);
      waiting.delete(n);
    }
    return { name, activation: summarize(activation), warm: summarize(warm), warmWrite: summarize(warmWrite), callsPerSec, pubsub: summarize(pubsubMs) };
  } finally {
    await close();
  }
}

/** The floor: the same work as an awaited in-process function call and an EventEmitter round trip. */
async function baselines(n: number): Promise<{ call: Latency; emitter: Latency }> {
  const direct = async (payload: unknown) => (payload === undefined ? null : payload);
  const call = await each(n, () => direct(undefined));
  const emitter = new EventEmitter();
  const round = await each(n, (i) => {
    const handled = new Promise<void>((resolve) => emitter.once(`m${i}`, () => resolve()));
    emitter.emit(`m${i}`, { n: i });
    return handled;
  });
  return { call: summarize(call), emitter: summarize(round) };
}

export async function main(argv: readonly string[] = []): Promise<RuntimeResult[]> {
  const flags = parseFlags(argv);
  const sizes: BenchSizes = { calls: flags.num('calls', 20000), activations: flags.num('activations', 10000), events: flags.num('events', 5000) };
  const names = (flags.str('runtime') ?? available().join(',')).split(',');
  const unknown = names.filter((n) => !RUNTIMES[n]);
  if (unknown.length) throw new Error(`unknown runtime(s) ${unknown.join(', ')}; known: ${Object.keys(RUNTIMES).join(', ')}`);
  const base = await baselines(Math.max(sizes.calls, sizes.events));
  const results: RuntimeResult[] = [];
  for (const name of names) results.push(await benchRuntime(name, RUNTIMES[name]!, sizes));

  const row = (label: string, l: Latency, floor: Latency): string[] =>
    [label, String(l.n), us(l.p50), us(l.p95), us(l.p99), us(l.max), ratio(l.p50 / floor.p50)];
  printTable('actors and pub/sub, latency in µs (ratio = p50 ÷ baseline p50)', ['what', 'n', 'p50', 'p95', 'p99', 'max', 'p50 ratio'], [
    row('baseline: awaited function call', base.call, base.call),
    row('baseline: EventEmitter round trip', base.emitter, base.emitter),
    ...results.flatMap((r) => [
      row(`${r.name}: activation (first call)`, r.activation, base.call),
      row(`${r.name}: warm call, no state`, r.warm, base.call),
      row(`${r.name}: warm call, 1 state write`, r.warmWrite, base.call),
      row(`${r.name}: publish → handler`, r.pubsub, base.emitter),
    ]),
  ]);
  for (const r of results) console.log(`${r.name}: ${r.callsPerSec.toFixed(0)} warm calls/s with 64 in flight`);
  return results;
}
