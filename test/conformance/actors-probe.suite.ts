/**
 * The probe actor the actor suites drive (no tests here). Every method, reminder, timer and lifecycle
 * hook writes to a `ProbeLog`, so tests can see turns, firings and activations from outside.
 */
import type { ActorContext, ActorType, ReminderSpec } from '../../dapr/ports/index.js';
import { sleep } from './harness.js';

export interface Firing {
  id: string;
  name: string;
  data: unknown;
  at: number;
  /** Which runtime generation (incremented on every restart) it fired in. */
  gen: number;
}

export class ProbeLog {
  readonly activations: string[] = [];
  readonly deactivations: string[] = [];
  readonly reminders: Firing[] = [];
  readonly timers: Firing[] = [];
  readonly spans: { id: string; start: number; end: number }[] = [];
  /** Highest number of concurrently running turns seen per actor id. */
  readonly maxConcurrent = new Map<string, number>();
  private readonly running = new Map<string, number>();

  enter(id: string): void {
    const now = (this.running.get(id) ?? 0) + 1;
    this.running.set(id, now);
    this.maxConcurrent.set(id, Math.max(now, this.maxConcurrent.get(id) ?? 0));
  }
  leave(id: string): void {
    this.running.set(id, (this.running.get(id) ?? 1) - 1);
  }
  count(list: readonly string[], id: string): number {
    return list.filter((x) => x === id).length;
  }
  firings(kind: 'reminders' | 'timers', id: string, name?: string): Firing[] {
    return this[kind].filter((f) => f.id === id && (name === undefined || f.name === name));
  }
}

/** Reminder/timer data that makes the handler throw on its first `failTimes` firings. */
export interface FlakyData {
  failTimes: number;
}

const isFlaky = (data: unknown): data is FlakyData => typeof data === 'object' && data !== null && 'failTimes' in data;

async function traced<T>(log: ProbeLog, ctx: ActorContext, body: () => Promise<T>): Promise<T> {
  log.enter(ctx.id);
  try {
    return await body();
  } finally {
    log.leave(ctx.id);
  }
}

export function probeActor(type: string, log: ProbeLog, gen: number): ActorType {
  return {
    type,
    methods: {
      incr: (ctx) =>
        traced(log, ctx, async () => {
          const n = (await ctx.state.get<number>('count')) ?? 0;
          await sleep(5); // a read-modify-write with an await inside: only turns keep it correct
          ctx.state.set('count', n + 1);
          return n + 1;
        }),
      read: async (ctx, p: { key: string }) => {
        const value = await ctx.state.get(p.key);
        return { found: value !== undefined, value: value ?? null };
      },
      write: async (ctx, p: { entries: [string, unknown][] }) => {
        for (const [k, v] of p.entries) ctx.state.set(k, v);
      },
      /** Reads inside one turn must see that turn's own buffered writes. */
      writeThenRead: async (ctx) => {
        ctx.state.set('ryw', 'buffered');
        ctx.state.set('ryw-deleted', 'x');
        ctx.state.delete('ryw-deleted');
        return { ryw: (await ctx.state.get('ryw')) ?? null, deleted: (await ctx.state.get('ryw-deleted')) === undefined };
      },
      hold: (ctx, p: { ms: number }) =>
        traced(log, ctx, async () => {
          const start = Date.now();
          await sleep(p.ms);
          log.spans.push({ id: ctx.id, start, end: Date.now() });
        }),
      whoami: async (ctx, p: unknown) => ({ type: ctx.type, id: ctx.id, payload: p, now: ctx.now() }),
      callOther: async (ctx, p: { id: string }) => ctx.actors.invoke(type, p.id, 'incr'),
      publishThenWait: async (ctx, p: { pubsub: string; topic: string; waitMs: number }) => {
        ctx.publish(p.pubsub, p.topic, { from: ctx.id }, { id: `turn-${ctx.id}` });
        ctx.state.set('published', true);
        await sleep(p.waitMs);
        return Date.now();
      },
      failAfterEffects: async (ctx, p: { pubsub: string; topic: string; keep: string }) => {
        ctx.state.set('count', 999);
        ctx.state.set('fresh', 'never');
        ctx.state.delete('kept');
        ctx.publish(p.pubsub, p.topic, { lost: true });
        ctx.registerReminder('doomed', { dueTimeMs: 50 });
        ctx.unregisterReminder(p.keep);
        throw new Error('method failure (expected by the test)');
      },
      remind: async (ctx, p: { name: string; spec: ReminderSpec }) => ctx.registerReminder(p.name, p.spec),
      unremind: async (ctx, p: { name: string }) => ctx.unregisterReminder(p.name),
      timer: async (ctx, p: { name: string; spec: ReminderSpec }) => ctx.registerTimer(p.name, p.spec),
      untimer: async (ctx, p: { name: string }) => ctx.unregisterTimer(p.name),
    },
    async onReminder(ctx, name, data) {
      log.reminders.push({ id: ctx.id, name, data, at: Date.now(), gen });
      ctx.state.set('lastReminder', name);
      if (isFlaky(data) && log.firings('reminders', ctx.id, name).length <= data.failTimes) {
        throw new Error('reminder failure (expected by the test)');
      }
    },
    async onTimer(ctx, name, data) {
      log.timers.push({ id: ctx.id, name, data, at: Date.now(), gen });
    },
    async onActivate(ctx) {
      log.activations.push(ctx.id);
    },
    async onDeactivate(ctx) {
      log.deactivations.push(ctx.id);
    },
  };
}
