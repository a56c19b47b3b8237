/**
 * What a conformance suite needs from an adapter. Each adapter's row in `adapters.ts` builds one.
 * Suites use real (short) times, so the same tests run against the embedded runtime and real daprd.
 */
import type { DaprRuntime } from '../../dapr/ports/index.js';

export interface AdapterInstance {
  runtime: DaprRuntime;
  /** Stop the runtime and start a fresh one on the same durable storage (a process restart). */
  restart(configure: (runtime: DaprRuntime) => void): Promise<DaprRuntime>;
  close(): Promise<void>;
}

export interface AdapterRow {
  name: string;
  /** Builds an instance; `configure` registers actors, subscriptions and input bindings before start. */
  create(configure: (runtime: DaprRuntime) => void): Promise<AdapterInstance>;
  /** Names of components the suites may use. */
  components: { state: string; pubsub: string; blob: string; cron: string; secrets: string };
  /** A secret the adapter's secret store is known to hold: [key, value]. */
  knownSecret: [string, string];
}

/** Polls until `check` returns a truthy value or the time runs out (then throws with `what`). */
export async function eventually<T>(check: () => T | Promise<T>, what: string, timeoutMs = 5000): Promise<NonNullable<T>> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * Waits until `count()` stays the same for `quietMs`, failing after `timeoutMs`; returns the settled
 * count. For "stops after unregistering": a sidecar may still deliver firings that were queued
 * behind a slow turn when the unregister committed, so the honest check is that firing ends.
 */
export async function settles(count: () => number, what: string, quietMs: number, timeoutMs = 5000): Promise<number> {
  const until = Date.now() + timeoutMs;
  let last = count();
  let since = Date.now();
  for (;;) {
    await sleep(20);
    const now = count();
    if (now !== last) [last, since] = [now, Date.now()];
    else if (Date.now() - since >= quietMs) return now;
    if (Date.now() > until) throw new Error(`${what} did not stop within ${timeoutMs} ms`);
  }
}
