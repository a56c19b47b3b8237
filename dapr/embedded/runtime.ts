/**
 * The embedded Dapr runtime: every building block in-process on one SQLite file. One pump drives
 * deliveries, reminders, timers and cron; it runs on a short poll and whenever something is written.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { BindingResponse, InputBindingHandler } from '../ports/bindings.js';
import { NotConfiguredError } from '../ports/errors.js';
import { Components, type DaprRuntime } from '../ports/runtime.js';
import type { StateStore } from '../ports/state.js';
import { EmbeddedActors } from './actors.js';
import { LocalBlobBinding } from './blob.js';
import { type Clock, systemClock } from './clock.js';
import { type CronJob, parseEvery } from './cron.js';
import { openDb } from './db.js';
import { type RuntimeLogger, silentLogger } from './log.js';
import { EmbeddedPubSub } from './pubsub.js';
import { EnvSecretStore } from './secrets.js';
import { EmbeddedStateStore } from './state.js';

export interface EmbeddedRuntimeOptions {
  dataDir: string;
  appId?: string;
  clock?: Clock;
  logger?: RuntimeLogger;
  actorIdleTimeoutMs?: number;
  /** Input bindings: name → "@every <n>(ms|s|m|h)". */
  cron?: Record<string, string>;
  pollIntervalMs?: number;
  /** Extra output bindings (e.g. smtp) by name. */
  outputBindings?: Record<string, (operation: string, data: unknown, metadata: Record<string, string>) => Promise<BindingResponse>>;
}

export interface EmbeddedRuntime extends DaprRuntime {
  /** Pumps until nothing is due or running (tests; with a ManualClock, after clock.advance()). */
  settle(): Promise<void>;
  readonly dataDir: string;
}

export function createEmbeddedRuntime(opts: EmbeddedRuntimeOptions): EmbeddedRuntime {
  const clock = opts.clock ?? systemClock;
  const log = opts.logger ?? silentLogger;
  const appId = opts.appId ?? 'interview-buddy';
  const db = openDb(opts.dataDir);
  let started = false;
  let stopped = false;
  let wakeQueued = false;

  const wake = () => {
    if (!started || stopped || wakeQueued) return;
    wakeQueued = true;
    setImmediate(() => {
      wakeQueued = false;
      pump();
    });
  };

  const stores = new Map<string, StateStore>([[Components.state, new EmbeddedStateStore(db, Components.state, clock)]]);
  const pubsubs = new Map<string, EmbeddedPubSub>([[Components.pubsub, new EmbeddedPubSub(db, Components.pubsub, appId, clock, log, wake)]]);
  const pubsubByName = (name: string) => {
    const p = pubsubs.get(name);
    if (!p) throw new NotConfiguredError(`pubsub "${name}"`);
    return p;
  };
  const actors = new EmbeddedActors(db, clock, log, pubsubByName, wake, { idleTimeoutMs: opts.actorIdleTimeoutMs ?? 60 * 60_000 });
  const blob = new LocalBlobBinding(path.join(opts.dataDir, 'blobs'));
  const outputs = new Map(Object.entries(opts.outputBindings ?? {}));
  outputs.set(Components.artifacts, (op, data, md) => blob.invoke(op, data, md));

  const cron: CronJob[] = Object.entries(opts.cron ?? {}).map(([name, schedule]) => {
    const everyMs = parseEvery(schedule);
    return { name, everyMs, nextAt: clock.now() + everyMs, running: false };
  });

  function pumpCron(): void {
    const now = clock.now();
    for (const job of cron) {
      if (!job.handler || job.running || job.nextAt > now) continue;
      job.running = true;
      job.nextAt = now + job.everyMs;
      job
        .handler({}, { schedule: `@every ${job.everyMs}ms`, time: new Date(now).toISOString() })
        .catch((err: unknown) => log.warn({ err, binding: job.name }, 'cron handler failed'))
        .finally(() => (job.running = false));
    }
  }

  function pump(): void {
    if (!started || stopped) return;
    // Never throw out of the pump (a timer callback: it would kill the process); the next tick retries.
    try {
      for (const p of pubsubs.values()) p.pump();
      actors.pump();
      pumpCron();
    } catch (err) {
      log.error({ err }, 'runtime pump failed; retrying on the next tick');
    }
  }

  const timer = setInterval(pump, opts.pollIntervalMs ?? 100);
  timer.unref();

  const runtime: EmbeddedRuntime = {
    appId,
    dataDir: opts.dataDir,
    state(name) {
      const s = stores.get(name);
      if (!s) throw new NotConfiguredError(`state store "${name}"`);
      return s;
    },
    pubsub: pubsubByName,
    actors,
    secrets: new EnvSecretStore(Components.secrets),
    bindings: {
      async invoke<T>(name: string, operation: string, data?: unknown, metadata: Record<string, string> = {}) {
        const out = outputs.get(name);
        if (!out) throw new NotConfiguredError(`output binding "${name}"`);
        return (await out(operation, data, metadata)) as BindingResponse<T>;
      },
      onInput(name: string, handler: InputBindingHandler) {
        const job = cron.find((j) => j.name === name);
        if (!job) throw new NotConfiguredError(`input binding "${name}"`);
        job.handler = handler;
      },
    },
    async start() {
      if (started) return;
      started = true;
      await blob.removeIncoming(); // artifact writes a crash cut short
      pump();
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      clearInterval(timer);
      for (const p of pubsubs.values()) await p.drain();
      await actors.drain();
      db.close();
    },
    async settle() {
      for (;;) {
        pump();
        const busy = [...pubsubs.values()].some((p) => p.busy) || actors.busy;
        if (!busy && ![...pubsubs.values()].some((p) => p.hasDue()) && !actors.hasDue()) return;
        await Promise.all([...[...pubsubs.values()].map((p) => p.drain()), actors.drain()]);
        await new Promise((r) => setImmediate(r));
      }
    },
  };
  fs.mkdirSync(path.join(opts.dataDir, 'blobs'), { recursive: true });
  return runtime;
}
