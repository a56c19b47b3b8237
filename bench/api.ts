/**
 * API metadata routes at a fixed request rate against the real server (child process, Auth Emulator
 * tokens, embedded runtime), next to a bare express route measured the same way in the same run:
 *   npm run bench -- api [--rate=200] [--duration=15] [--connections=10] [--interviews=10]
 * The user owns --interviews interviews, each completed from an imported real transcript (the MIT
 * interview of bench/lib/mit-transcript.ts), so the list carries headlines and the report is real.
 * Every route runs twice (bench/lib/load.ts): autocannon `overallRate` (bursty) and a paced open
 * loop. Target: P95 < 25 ms at 200 rps on 2 cores.
 * Every authenticated request is verified by firebase-admin, which in emulator mode (and in
 * production with checkRevoked, the default) also looks the user up over HTTP: nothing is cached.
 */
import { DEFAULT_PROJECT_ID } from '../scripts/firebase-emulator.js';
import { createFirebaseVerifier } from '../services/shared/auth.js';
import { parseFlags } from './lib/flags.js';
import { startBareExpress } from './lib/child.js';
import { autocannonAtRate, type LoadResult, pacedAtRate } from './lib/load.js';
import { mitTranscript, toVtt } from './lib/mit-transcript.js';
import { startBenchStack } from './lib/stack.js';
import { ms, printTable, ratio, summarize, type Latency } from './lib/stats.js';
import { createInterview } from './lib/tus.js';

const P95_TARGET_MS = 25;

async function completeFromTranscript(base: string, token: string, id: string, vtt: string): Promise<void> {
  const auth = { authorization: `Bearer ${token}` };
  const put = await fetch(`${base}/api/v1/interviews/${id}/transcript?filename=interview.vtt`, { method: 'PUT', headers: { ...auth, 'content-type': 'text/vtt' }, body: vtt });
  if (!put.ok) throw new Error(`transcript import failed: ${put.status} ${await put.text()}`);
  const until = Date.now() + 120_000;
  for (;;) {
    const s = (await (await fetch(`${base}/api/v1/interviews/${id}`, { headers: auth })).json()) as { status: string };
    if (s.status === 'completed') return;
    if (s.status === 'failed' || Date.now() > until) throw new Error(`interview ${id} ended ${s.status}, not completed`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * What token verification alone costs (the same firebase-admin verifier the server builds, one call
 * at a time, in this process): the part of every authenticated request spent on auth.
 */
async function verifyCost(authHost: string, token: string, n: number): Promise<Latency> {
  const previous = process.env.FIREBASE_AUTH_EMULATOR_HOST;
  // firebase-admin and the verifier's emulator check read it on every call, not just at creation.
  process.env.FIREBASE_AUTH_EMULATOR_HOST = authHost;
  const verifier = createFirebaseVerifier({ projectId: DEFAULT_PROJECT_ID });
  try {
    const t: number[] = [];
    for (let i = 0; i < n + 20; i++) {
      const t0 = performance.now();
      await verifier.verify(token);
      if (i >= 20) t.push(performance.now() - t0); // the first calls pay for connection set-up
    }
    return summarize(t);
  } finally {
    await verifier.close();
    if (previous === undefined) delete process.env.FIREBASE_AUTH_EMULATOR_HOST;
    else process.env.FIREBASE_AUTH_EMULATOR_HOST = previous;
  }
}

export interface ApiRow {
  route: string;
  generator: 'autocannon' | 'paced';
  latency: Latency;
  failures: number;
  rps: number;
}

export async function main(argv: readonly string[] = []): Promise<ApiRow[]> {
  const flags = parseFlags(argv);
  const rate = flags.num('rate', 200);
  const duration = flags.num('duration', 15);
  const connections = flags.num('connections', 10);
  const count = flags.num('interviews', 10);
  const stack = await startBenchStack('api', flags);
  const bare = await startBareExpress();
  try {
    const base = stack.server.base;
    const token = await stack.token('bench-api@example.test');
    const vtt = toVtt(mitTranscript());
    const ids: string[] = [];
    for (let i = 0; i < count; i++) ids.push(await createInterview(base, token, `api ${i}`));
    for (const id of ids) await completeFromTranscript(base, token, id, vtt);
    const auth = { authorization: `Bearer ${token}` };
    const targets: { route: string; url: string; headers: Record<string, string> }[] = [
      { route: 'bare express GET /bare (baseline)', url: `${bare.base}/bare`, headers: {} },
      { route: 'GET /healthz (no auth)', url: `${base}/healthz`, headers: {} },
      { route: `GET /api/v1/interviews (${count} items)`, url: `${base}/api/v1/interviews`, headers: auth },
      { route: 'GET /api/v1/interviews/:id', url: `${base}/api/v1/interviews/${ids[0]}`, headers: auth },
      { route: 'GET /api/v1/interviews/:id/report', url: `${base}/api/v1/interviews/${ids[0]}/report`, headers: auth },
    ];
    console.log(`${rate} rps for ${duration} s per route and generator (autocannon: ${connections} connections); server pid ${stack.server.pid}, bare pid ${bare.pid}`);

    const rows: ApiRow[] = [];
    const record = (route: string, generator: ApiRow['generator'], r: LoadResult) =>
      rows.push({ route, generator, latency: summarize(r.latencies), failures: r.failures, rps: r.latencies.length / r.seconds });
    for (const t of targets) {
      await pacedAtRate(t.url, t.headers, rate, Math.min(2, duration)); // warm-up: JIT, actor activation, keep-alive sockets
      record(t.route, 'autocannon', await autocannonAtRate(t.url, t.headers, rate, duration, connections));
      record(t.route, 'paced', await pacedAtRate(t.url, t.headers, rate, duration));
    }

    const baseline = (g: ApiRow['generator']) => rows.find((r) => r.generator === g)!.latency;
    printTable(`api: ${rate} rps, latency in ms (ratio = p95 ÷ bare express p95 with the same generator)`,
      ['route', 'generator', 'n', 'rps', 'p50', 'p95', 'p99', 'max', 'fail', 'p95 ratio', `p95<${P95_TARGET_MS}`],
      rows.map((r) => [
        r.route, r.generator, String(r.latency.n), r.rps.toFixed(0), ms(r.latency.p50), ms(r.latency.p95), ms(r.latency.p99), ms(r.latency.max),
        String(r.failures), ratio(r.latency.p95 / baseline(r.generator).p95), r.latency.p95 < P95_TARGET_MS ? 'yes' : 'NO',
      ]));
    const verify = await verifyCost(stack.authHost, token, Math.min(500, rate * duration));
    console.log(`\ntoken verification alone (firebase-admin verifyIdToken + user lookup in the emulator, one at a time): ` +
      `p50 ${ms(verify.p50)} ms, p95 ${ms(verify.p95)} ms, p99 ${ms(verify.p99)} ms (n ${verify.n}); not cached, paid by every authenticated request`);
    const failures = rows.reduce((s, r) => s + r.failures, 0);
    if (failures) console.log(`\n${failures} requests failed (non-2xx or transport errors)`);
    return rows;
  } finally {
    await bare.stop();
    await stack.stop();
  }
}
