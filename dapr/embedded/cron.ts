/**
 * Cron input binding. Supports Dapr's "@every <duration>" form (e.g. "@every 30s", "@every 200ms");
 * the embedded runtime only needs periodic jobs (sweeps, retention), not calendar schedules.
 */
import type { InputBindingHandler } from '../ports/bindings.js';

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

export function parseEvery(schedule: string): number {
  const m = /^@every\s+(\d+(?:\.\d+)?)(ms|s|m|h)$/.exec(schedule.trim());
  if (!m) throw new Error(`unsupported cron schedule "${schedule}" (use "@every <n>(ms|s|m|h)")`);
  return Number(m[1]) * UNITS[m[2]!]!;
}

export interface CronJob {
  name: string;
  everyMs: number;
  nextAt: number;
  handler?: InputBindingHandler;
  running: boolean;
}
