/**
 * Embedded actor runtime: one promise chain per actor id gives turn-based access; a turn's buffer is
 * committed in ONE SQLite transaction (actor state + reminders + outbox), so a crash never keeps a
 * state change while losing its event. Reminders live in SQLite (durable); timers in memory.
 */
import type { ActorContext, ActorRuntime, ActorType, ReminderSpec } from '../ports/actors.js';
import { ActorInvokeError, ActorMethodNotFoundError, DaprPortError, NotConfiguredError } from '../ports/errors.js';
import { DELETED, type CachedValue, newTurnBuffer, type TurnBuffer, turnContext, wire } from './actor-turn.js';
import type { Clock } from './clock.js';
import type { Db } from './db.js';
import type { RuntimeLogger } from './log.js';
import { type EmbeddedPubSub, retryDelayMs } from './pubsub.js';

interface Timer extends ReminderSpec {
  dueAt: number;
}

interface Activation {
  def: ActorType;
  id: string;
  cache: Map<string, CachedValue>;
  tail: Promise<unknown>;
  pending: number;
  lastUsed: number;
  activated: boolean;
  deactivating: boolean;
  timers: Map<string, Timer>;
}

interface ReminderRow {
  type: string;
  id: string;
  name: string;
  period_ms: number | null;
  data: string | null;
  generation: number;
}

export interface EmbeddedActorOptions {
  idleTimeoutMs: number;
}

export class EmbeddedActors implements ActorRuntime {
  private readonly types = new Map<string, ActorType>();
  private readonly active = new Map<string, Activation>();
  private readonly firing = new Map<string, Promise<void>>();
  /** Reminders that could not be rescheduled (see fireReminder) → not before this time. */
  private readonly held = new Map<string, number>();
  private readonly q;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly log: RuntimeLogger,
    private readonly pubsub: (name: string) => EmbeddedPubSub,
    private readonly wake: () => void,
    private readonly options: EmbeddedActorOptions,
  ) {
    this.q = {
      get: db.prepare<[string, string, string], { value: string }>('SELECT value FROM actor_state WHERE type = ? AND id = ? AND key = ?'),
      put: db.prepare(
        'INSERT INTO actor_state (type, id, key, value) VALUES (?, ?, ?, ?) ON CONFLICT (type, id, key) DO UPDATE SET value = excluded.value',
      ),
      del: db.prepare('DELETE FROM actor_state WHERE type = ? AND id = ? AND key = ?'),
      putReminder: db.prepare(
        `INSERT INTO actor_reminders (type, id, name, due_at, period_ms, data) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (type, id, name) DO UPDATE SET due_at = excluded.due_at, period_ms = excluded.period_ms,
         data = excluded.data, generation = actor_reminders.generation + 1`,
      ),
      delReminder: db.prepare('DELETE FROM actor_reminders WHERE type = ? AND id = ? AND name = ?'),
      dueReminders: db.prepare<[number, number], ReminderRow>(
        'SELECT type, id, name, period_ms, data, generation FROM actor_reminders WHERE due_at <= ? ORDER BY due_at LIMIT ?',
      ),
      rescheduleReminder: db.prepare(
        'UPDATE actor_reminders SET due_at = ? WHERE type = ? AND id = ? AND name = ? AND generation = ?',
      ),
      finishReminder: db.prepare('DELETE FROM actor_reminders WHERE type = ? AND id = ? AND name = ? AND generation = ?'),
      reminderGeneration: db.prepare<[string, string, string], { generation: number }>(
        'SELECT generation FROM actor_reminders WHERE type = ? AND id = ? AND name = ?',
      ),
      purgeState: db.prepare('DELETE FROM actor_state WHERE type = ? AND id = ?'),
      purgeReminders: db.prepare('DELETE FROM actor_reminders WHERE type = ? AND id = ?'),
    };
  }

  register(def: ActorType): void {
    if (this.types.has(def.type)) throw new Error(`actor type "${def.type}" registered twice`);
    this.types.set(def.type, def);
  }

  async invoke<R>(type: string, id: string, method: string, payload?: unknown): Promise<R> {
    const def = this.types.get(type);
    if (!def) throw new NotConfiguredError(`actor type "${type}"`);
    const fn = def.methods[method];
    if (!fn) throw new ActorMethodNotFoundError(type, method);
    const arg = wire(payload);
    return wire((await this.turn(def, id, method, (ctx) => fn(ctx, arg))) as R);
  }

  async purge(type: string, id: string): Promise<void> {
    const act = this.active.get(`${type}/${id}`);
    if (act) await act.tail;
    this.db.transaction(() => {
      this.q.purgeState.run(type, id);
      this.q.purgeReminders.run(type, id);
    })();
    this.active.delete(`${type}/${id}`);
  }

  private activation(def: ActorType, id: string): Activation {
    const key = `${def.type}/${id}`;
    let act = this.active.get(key);
    if (!act) {
      act = { def, id, cache: new Map(), tail: Promise.resolve(), pending: 0, lastUsed: this.clock.now(), activated: false, deactivating: false, timers: new Map() };
      this.active.set(key, act);
    }
    return act;
  }

  /** Runs `body` as the actor's next turn and commits what it buffered. */
  private turn<R>(def: ActorType, id: string, label: string, body: (ctx: ActorContext) => Promise<R>, deactivation = false): Promise<R> {
    const act = this.activation(def, id);
    act.pending++;
    const run = async (): Promise<R> => {
      const buf = newTurnBuffer();
      const ctx = turnContext(def.type, id, buf, (k) => this.load(act, k), this, () => this.clock.now());
      if (!act.activated && !deactivation) await def.onActivate?.(ctx);
      const result = await body(ctx);
      this.commit(act, buf);
      act.activated = !deactivation;
      return result;
    };
    const result = act.tail.then(run, run);
    act.tail = result.then(
      () => undefined,
      () => undefined,
    );
    void act.tail.then(() => {
      act.pending--;
      act.lastUsed = this.clock.now();
    });
    return result.catch((err: unknown) => {
      throw err instanceof DaprPortError ? err : new ActorInvokeError(`${def.type}/${id}`, label, err);
    });
  }

  private load(act: Activation, key: string): CachedValue {
    if (!act.cache.has(key)) {
      const row = this.q.get.get(act.def.type, act.id, key);
      act.cache.set(key, row ? JSON.parse(row.value) : DELETED);
    }
    return act.cache.get(key);
  }

  private commit(act: Activation, buf: TurnBuffer): void {
    const { type } = act.def;
    const now = this.clock.now();
    // A read-only turn (every get) has nothing durable to write: skip the SQLite transaction.
    const durable = buf.writes.size > 0 || buf.reminders.size > 0 || buf.publishes.length > 0;
    if (durable) this.db.transaction(() => {
      for (const [key, value] of buf.writes) {
        if (value === DELETED) this.q.del.run(type, act.id, key);
        else this.q.put.run(type, act.id, key, JSON.stringify(value));
      }
      for (const [name, spec] of buf.reminders) {
        if (spec === null) this.q.delReminder.run(type, act.id, name);
        else this.q.putReminder.run(type, act.id, name, now + spec.dueTimeMs, spec.periodMs ?? null, JSON.stringify(spec.data ?? null));
      }
      for (const p of buf.publishes) this.pubsub(p.pubsub).enqueue(p.topic, p.data, p.options);
    })();
    for (const [key, value] of buf.writes) act.cache.set(key, value);
    for (const [name, spec] of buf.timers) {
      if (spec === null) act.timers.delete(name);
      else act.timers.set(name, { ...spec, dueAt: now + spec.dueTimeMs });
    }
    if (buf.publishes.length || buf.reminders.size || buf.timers.size) this.wake();
  }

  /** Fires due reminders and timers, and deactivates idle actors. Called by the runtime's pump. */
  pump(): void {
    const now = this.clock.now();
    for (const [key, until] of this.held) if (until <= now) this.held.delete(key);
    for (const row of this.q.dueReminders.all(now, 256)) {
      const key = `${row.type}/${row.id}/${row.name}`;
      const def = this.types.get(row.type);
      if (!def?.onReminder || this.firing.has(key) || this.held.has(key)) continue;
      const fire = this.fireReminder(def, row).finally(() => {
        this.firing.delete(key);
        this.wake();
      });
      this.firing.set(key, fire);
    }
    for (const act of this.active.values()) {
      for (const [name, timer] of act.timers) if (timer.dueAt <= now) this.fireTimer(act, name, timer);
      if (act.pending === 0 && act.activated && !act.deactivating && now - act.lastUsed >= this.options.idleTimeoutMs) {
        this.deactivate(act);
      }
    }
  }

  private async fireReminder(def: ActorType, row: ReminderRow): Promise<void> {
    const data = row.data === null ? undefined : JSON.parse(row.data);
    const { type, id, name, generation } = row;
    try {
      await this.turn(def, id, `reminder:${name}`, async (ctx) => {
        // A turn queued before this one may have replaced or removed the reminder: then it must not fire.
        if (this.q.reminderGeneration.get(type, id, name)?.generation === generation) await def.onReminder!(ctx, name, data);
      });
      // Only touch the row if the turn did not re-register or remove this reminder itself.
      if (row.period_ms !== null) this.q.rescheduleReminder.run(this.clock.now() + row.period_ms, type, id, name, generation);
      else this.q.finishReminder.run(type, id, name, generation);
    } catch (err) {
      // At-least-once: keep it and try again after a short backoff.
      this.log.warn({ err, actor: `${type}/${id}`, reminder: name }, 'reminder handler failed; will fire again');
      const retryAt = this.clock.now() + retryDelayMs(1, 1000, 1000);
      try {
        this.q.rescheduleReminder.run(retryAt, type, id, name, generation);
      } catch (writeErr) {
        // The database cannot take the write (a full disk): hold the reminder back in memory
        // instead of re-firing it in a hot loop; its row is untouched, so it survives a restart.
        this.held.set(`${type}/${id}/${name}`, retryAt);
        this.log.error({ err: writeErr, actor: `${type}/${id}`, reminder: name }, 'could not reschedule a failed reminder; holding it back');
      }
    }
  }

  private fireTimer(act: Activation, name: string, timer: Timer): void {
    if (timer.periodMs) timer.dueAt = this.clock.now() + timer.periodMs;
    else act.timers.delete(name);
    const onTimer = act.def.onTimer;
    if (!onTimer) return;
    this.turn(act.def, act.id, `timer:${name}`, (ctx) => onTimer(ctx, name, timer.data)).catch((err: unknown) =>
      this.log.warn({ err, actor: `${act.def.type}/${act.id}`, timer: name }, 'timer handler failed'),
    );
  }

  private deactivate(act: Activation): void {
    act.deactivating = true;
    const key = `${act.def.type}/${act.id}`;
    this.turn(act.def, act.id, 'deactivate', async (ctx) => act.def.onDeactivate?.(ctx), true)
      .catch((err: unknown) => this.log.warn({ err, actor: key }, 'onDeactivate failed'))
      .finally(() => {
        act.deactivating = false;
        // A call that arrived meanwhile keeps the activation (it will run onActivate again).
        if (act.pending === 0 && this.active.get(key) === act) this.active.delete(key);
      });
  }

  hasDue(): boolean {
    const now = this.clock.now();
    const rows = this.q.dueReminders.all(now, 256);
    const waiting = (r: ReminderRow) => !this.firing.has(`${r.type}/${r.id}/${r.name}`) && !this.held.has(`${r.type}/${r.id}/${r.name}`);
    if (rows.some((r) => this.types.get(r.type)?.onReminder && waiting(r))) return true;
    for (const act of this.active.values()) for (const t of act.timers.values()) if (t.dueAt <= now) return true;
    return false;
  }

  get busy(): boolean {
    if (this.firing.size) return true;
    for (const act of this.active.values()) if (act.pending) return true;
    return false;
  }

  async drain(): Promise<void> {
    while (this.busy) {
      await Promise.allSettled([...this.firing.values(), ...[...this.active.values()].map((a) => a.tail)]);
    }
  }
}
