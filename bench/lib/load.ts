/**
 * Two ways to hold an HTTP route at a fixed request rate, both recording every response time:
 * - autocannon with `overallRate`: each connection sends its share of a second back to back at the
 *   start of that second, then idles; requests therefore arrive in bursts of `connections` at once
 *   (a harsher, queueing load). Its own coordinated-omission correction assumes a 1 ms interval
 *   whatever the rate, so it is off here and raw response times are kept.
 * - paced: an open loop that starts one request every 1000/rate ms and times each from when it was
 *   due, so a slow server cannot hide its backlog (no coordinated omission), or from when it was
 *   actually sent if that was earlier (a wait under 1 ms is not slept, so a request can leave up to
 *   1 ms before it is due; timing it from `due` printed a negative p50).
 */
import http from 'node:http';
import autocannon from 'autocannon';

export interface LoadResult {
  latencies: number[];
  /** Non-2xx answers and transport errors. */
  failures: number;
  seconds: number;
}

export function autocannonAtRate(url: string, headers: Record<string, string>, rate: number, durationSec: number, connections = 10): Promise<LoadResult> {
  const latencies: number[] = [];
  let failures = 0;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      { url, headers, connections, duration: durationSec, overallRate: rate, ignoreCoordinatedOmission: true, timeout: 10 },
      (err, result) => (err ? reject(err) : resolve({ latencies, failures: failures + result.errors + result.timeouts, seconds: result.duration })),
    );
    instance.on('response', (_client, status, _bytes, responseTime) => {
      if (status >= 200 && status < 300) latencies.push(responseTime);
      else failures++;
    });
  });
}

export async function pacedAtRate(url: string, headers: Record<string, string>, rate: number, durationSec: number): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const interval = 1000 / rate;
  const total = Math.round(rate * durationSec);
  const latencies: number[] = [];
  let failures = 0;
  const inflight: Promise<void>[] = [];
  const t0 = performance.now();
  for (let i = 0; i < total; i++) {
    const due = t0 + i * interval;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    const from = Math.min(due, performance.now()); // due, unless it left early
    inflight.push(new Promise<void>((resolve) => {
      const req = http.get(url, { agent, headers }, (res) => {
        res.resume();
        res.on('end', () => {
          if (res.statusCode! >= 200 && res.statusCode! < 300) latencies.push(performance.now() - from);
          else failures++;
          resolve();
        });
      });
      req.setTimeout(10_000, () => req.destroy(new Error('timeout')));
      req.on('error', () => {
        failures++;
        resolve();
      });
    }));
  }
  await Promise.all(inflight);
  agent.destroy();
  return { latencies, failures, seconds: (performance.now() - t0) / 1000 };
}
