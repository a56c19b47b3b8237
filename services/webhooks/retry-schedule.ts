/** Retry delays and endpoint health as pure functions (no clock: times are passed in). */

/** Standard Webhooks / Svix-style schedule: 5 s, 30 s, 2 min, 10 min, 1 h, 4 h, 12 h, 24 h. */
export const DEFAULT_RETRY_SCHEDULE = '5s,30s,2m,10m,1h,4h,12h,24h';

const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** "5s,30s,2m" → [5000, 30000, 120000]. Throws on anything else (config validation shows the message). */
export function parseDurations(spec: string): number[] {
  const parts = spec.split(',').map((p) => p.trim()).filter(Boolean);
  if (parts.length === 0) throw new Error('give at least one delay, e.g. "5s,30s,2m"');
  return parts.map((p) => {
    const m = /^(\d+)(ms|s|m|h|d)$/.exec(p);
    if (!m) throw new Error(`"${p}" is not a duration like 500ms, 5s, 2m, 1h or 1d`);
    return Number(m[1]) * UNIT_MS[m[2] as keyof typeof UNIT_MS];
  });
}

/**
 * After the n-th failed attempt of a cycle (1-based), wait schedule[n-1]; when the schedule is
 * used up the delivery has failed (1 + schedule.length attempts in all).
 */
export function nextRetryDelay(failedAttemptsInCycle: number, schedule: readonly number[]): number | undefined {
  return schedule[failedAttemptsInCycle - 1];
}

/** Health after one attempt, and whether the endpoint has now failed long enough to be disabled. */
export function nextHealth(
  h: { failingSince?: number; lastSuccessAt?: number; lastFailureAt?: number },
  attempt: { ok: boolean; at: number },
  disableAfterMs: number,
): { health: typeof h; disable: boolean } {
  if (attempt.ok) return { health: { lastSuccessAt: attempt.at, ...(h.lastFailureAt !== undefined && { lastFailureAt: h.lastFailureAt }) }, disable: false };
  const failingSince = h.failingSince ?? attempt.at;
  return {
    health: { ...h, failingSince, lastFailureAt: attempt.at },
    disable: attempt.at - failingSince >= disableAfterMs,
  };
}
