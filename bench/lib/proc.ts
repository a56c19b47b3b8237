/**
 * Memory of another process from /proc/<pid>/status: VmRSS (now) and VmHWM (the kernel's own
 * peak-RSS mark since the process started, so a spike between two samples is never missed).
 */
import { readFileSync } from 'node:fs';
import fs from 'node:fs/promises';

export interface MemoryKb {
  rssKb: number;
  hwmKb: number;
}

export async function memoryOf(pid: number): Promise<MemoryKb> {
  const status = await fs.readFile(`/proc/${pid}/status`, 'utf8');
  const field = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);
  return { rssKb: field('VmRSS'), hwmKb: field('VmHWM') };
}

/** VmRSS of `pid` right now, in kB (the single-sample form bench/upload.ts uses). */
export const rssKb = async (pid: number): Promise<number> => (await memoryOf(pid)).rssKb;

/** Samples VmRSS every `everyMs` until stopped; stop() also reads the final VmHWM. */
export function sampleMemory(pid: number, everyMs = 100): { stop(): Promise<{ samples: number[]; peakRssKb: number; hwmKb: number }> } {
  const samples: number[] = [];
  const timer = setInterval(() => void rssKb(pid).then((kb) => samples.push(kb), () => undefined), everyMs);
  return {
    async stop() {
      clearInterval(timer);
      const { rssKb: last, hwmKb } = await memoryOf(pid);
      samples.push(last);
      return { samples, peakRssKb: Math.max(...samples), hwmKb };
    },
  };
}

/**
 * CPU seconds used so far by this process plus its finished children (ffmpeg, pocketsphinx): on a
 * shared machine, CPU time says what the work costs and CPU ÷ wall how many cores it actually got.
 */
export function cpuSecondsWithChildren(): number {
  const own = process.cpuUsage();
  return clockSeconds('self', 'cutime', 'cstime') + (own.user + own.system) / 1e6;
}

/** CPU seconds used so far by a running process, e.g. a long-lived worker that is no finished child. */
export function cpuSecondsOf(pid: number): number {
  return clockSeconds(pid, 'utime', 'stime');
}

/** USER_HZ: 100 on every Linux build that matters (`getconf CLK_TCK`). */
const CLOCK_TICKS = 100;

/** Positions in /proc/<pid>/stat after the ")" that closes the command name (fields 14–17 of proc(5)). */
const STAT_AT = { utime: 11, stime: 12, cutime: 13, cstime: 14 } as const;

/** The sum of two clock-tick fields of /proc/<pid>/stat, in seconds. */
function clockSeconds(pid: number | 'self', a: keyof typeof STAT_AT, b: keyof typeof STAT_AT): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[STAT_AT[a]]) + Number(fields[STAT_AT[b]])) / CLOCK_TICKS;
}
