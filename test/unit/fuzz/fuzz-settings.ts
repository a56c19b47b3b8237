/**
 * Shared fast-check settings for the fuzz suites. Every property has its own fixed seed written
 * next to it, so a failure replays exactly: fast-check prints `seed` and `path`; pass them back as
 * FUZZ_SEED and FUZZ_PATH. FUZZ_SEED=random explores new inputs; FUZZ_RUNS_SCALE=10 runs ten
 * times as many cases.
 */
import type fc from 'fast-check';

const scale = Number(process.env.FUZZ_RUNS_SCALE ?? 1);

export function fuzzParams(seed: number, numRuns: number): fc.Parameters<unknown> {
  const env = process.env.FUZZ_SEED;
  return {
    seed: env === 'random' ? Date.now() : env ? Number(env) : seed,
    numRuns: Math.max(1, Math.round(numRuns * scale)),
    ...(process.env.FUZZ_PATH && { path: process.env.FUZZ_PATH }),
  };
}

/** Runs `fn` and returns the error it threw (or undefined). */
export function thrown(fn: () => unknown): unknown {
  try {
    fn();
    return undefined;
  } catch (err) {
    return err;
  }
}

/** Wall time of one synchronous call, to catch inputs that make a parser crawl (regex backtracking). */
export function timed<T>(fn: () => T): { ms: number; value?: T; error?: unknown } {
  const t0 = performance.now();
  try {
    const value = fn();
    return { ms: performance.now() - t0, value };
  } catch (error) {
    return { ms: performance.now() - t0, error };
  }
}
