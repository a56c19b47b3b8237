/**
 * Actors on daprd: placement finds the host, daprd keeps one call at a time per actor id, stores the
 * state (actor state store) and fires reminders; this file hosts our ActorTypes behind the HTTP
 * routes daprd calls, and calls actors through the SDK's actor client.
 *
 * The SDK's own actor runtime is not used (see ARCHITECTURE §2): it derives type names from class
 * names, keeps dirty state after a throwing method, spreads array payloads into arguments, drops the
 * reminder name, and is a process-wide singleton. What this host does instead:
 * - payloads travel as `{p}` and results as `{r}`, so falsy and array values survive the SDK;
 * - a turn commits through `SidecarTurn` (state + outbox in one daprd transaction);
 * - each registration of a reminder gets a token, and daprd knows it as `name~token`: daprd deletes
 *   a one-shot reminder by name after its firing, which would otherwise take a registration made
 *   meanwhile with it; a firing whose token is no longer the registered one is stale and ignored;
 * - a one-shot reminder whose handler throws is registered again (`name~token~r1`, `~r2`, in turn).
 */
import { ActorId, Temporal } from '@dapr/dapr';
import type { Express, Request, Response } from 'express';
import type { ActorContext, ActorRuntime, ActorType, ReminderSpec } from '../ports/actors.js';
import { ActorInvokeError, ActorMethodNotFoundError, NotConfiguredError } from '../ports/errors.js';
import type { PublishOptions } from '../ports/pubsub.js';
import { ActorStateReader, KEYS, SidecarTurn, type Outbox } from './actor-turn.js';
import { daprFailure, type SdkActorClient } from './sdk.js';

const PURGE = '__ib.purge';
const RUN_DUE = '__ib.due';
const RETRY_SUFFIXES = ['~r1', '~r2'] as const;
const daprdName = (name: string, token: string) => `${name}~${token}`;
const REMINDER_RETRY_MS = 1000;
/**
 * daprd 1.14 stores a reminder's first due time truncated to the whole second (and a periodic one
 * then fires a burst to catch up from that earlier instant). Asking for one second more makes the
 * truncated time land at or after the due time we want: a reminder fires up to 1 s late, never early.
 */
const REMINDER_RESOLUTION_MS = 1000;

interface DueFiring {
  name: string;
  firedName: string;
  wire: ReminderWire;
}

interface ReminderWire {
  token: string;
  data?: unknown;
  /** A one-shot reminder: its token is dropped when it fires, and a failed firing is retried. */
  once: boolean;
}

type Publish = (pubsub: string, topic: string, data: unknown, options: PublishOptions) => Promise<void>;

const duration = (ms: number) => Temporal.Duration.from({ milliseconds: Math.max(0, Math.round(ms)) });
const baseName = (firedName: string) => firedName.split('~')[0]!;

export interface SidecarActorOptions {
  idleTimeoutMs: number;
  log: { error(obj: object, msg: string): void };
}

export class SidecarActors implements ActorRuntime {
  private readonly types = new Map<string, ActorType>();
  private readonly active = new Set<string>();
  private readonly locks = new Map<string, Promise<unknown>>();

  constructor(
    private readonly sdk: SdkActorClient,
    private readonly publish: Publish,
    private readonly options: SidecarActorOptions,
  ) {}

  register(type: ActorType): void {
    if (this.types.has(type.type)) throw new Error(`actor type "${type.type}" is already registered`);
    this.types.set(type.type, type);
  }

  async invoke<R = unknown>(type: string, id: string, method: string, payload?: unknown): Promise<R> {
    try {
      const res = (await this.sdk.invoke(type, new ActorId(id), method, { p: payload } as object)) as { r?: R } | '';
      return (res && typeof res === 'object' ? res.r : undefined) as R;
    } catch (err) {
      throw this.invokeError(type, id, method, err);
    }
  }

  /** Runs as a call of the actor (on its host, in its turn): daprd lets only the host touch actor state. */
  async purge(type: string, id: string): Promise<void> {
    await this.invoke(type, id, PURGE);
  }

  /** The routes daprd calls on the app (ARCHITECTURE §2). */
  mount(app: Express): void {
    app.get('/dapr/config', (_req, res) => {
      res.json({
        entities: [...this.types.keys()],
        actorIdleTimeout: `${this.options.idleTimeoutMs}ms`,
        drainOngoingCallTimeout: '10s',
        drainRebalancedActors: true,
        reentrancy: { enabled: false },
      });
    });
    app.get('/healthz', (_req, res) => void res.status(200).send('ok'));
    app.delete('/actors/:type/:id', (req, res) => this.answer(res, () => this.deactivate(req.params.type!, req.params.id!)));
    app.put('/actors/:type/:id/method/remind/:name', (req, res) =>
      this.answer(res, () => this.fireReminder(req.params.type!, req.params.id!, req.params.name!, req.body as { data?: ReminderWire })),
    );
    app.put('/actors/:type/:id/method/timer/:name', (req, res) =>
      this.answer(res, () => this.fireTimer(req.params.type!, req.params.id!, req.params.name!, req.body as { data?: unknown })),
    );
    app.put('/actors/:type/:id/method/:method', (req, res) => void this.handleMethod(req, res));
  }

  private async handleMethod(req: Request, res: Response): Promise<void> {
    const { type, id, method } = req.params as { type: string; id: string; method: string };
    const payload = (req.body as { p?: unknown } | undefined)?.p;
    try {
      const r = await this.runMethod(type, id, method, payload);
      res.status(200).json(r === undefined ? {} : { r });
    } catch (err) {
      const code = err instanceof ActorMethodNotFoundError ? err.code : 'actor_invoke_failed';
      res.status(500).json({ code, message: err instanceof Error ? err.message : String(err) });
    }
  }

  private runMethod(type: string, id: string, method: string, payload: unknown): Promise<unknown> {
    const actorType = this.typeOf(type);
    if (method === PURGE) return this.locked(type, id, () => this.purgeHere(type, id));
    if (method === RUN_DUE) return this.locked(type, id, () => this.runDue(type, id));
    const fn = actorType.methods[method];
    if (!fn) throw new ActorMethodNotFoundError(type, method);
    return this.turn(type, id, (ctx) => fn(ctx, payload));
  }

  /**
   * daprd delivers a due reminder under the actor's lock, but may do so ahead of calls that were
   * queued first (e.g. one that replaces or removes this very reminder). So the firing is only noted
   * here (in the actor's state, durable) and run by an `__ib.due` call that queues behind them; a
   * token check at run time then drops firings those calls made stale.
   */
  private async fireReminder(type: string, id: string, firedName: string, body: { data?: ReminderWire } | undefined): Promise<void> {
    this.typeOf(type);
    const wire = body?.data;
    if (!wire) return;
    await this.locked(type, id, async () => {
      const reader = this.reader(type, id);
      const due = (await reader.get<DueFiring[]>(KEYS.due)) ?? [];
      await reader.write(new Map([[KEYS.due, [...due, { name: baseName(firedName), firedName, wire }]]]), []);
    });
    setImmediate(() => {
      this.invoke(type, id, RUN_DUE).catch((err: unknown) => this.options.log.error({ type, id, err: String(err) }, 'running due reminders failed; the next turn runs them'));
    });
  }

  /** Runs the noted firings whose registration is still current (inside a turn's lock). */
  private async runDue(type: string, id: string): Promise<void> {
    const reader = this.reader(type, id);
    const due = (await reader.get<DueFiring[]>(KEYS.due)) ?? [];
    if (due.length === 0) return;
    await reader.write(new Map(), [KEYS.due]);
    const actorType = this.typeOf(type);
    for (const { name, firedName, wire } of due) {
      const tokens = (await reader.get<Record<string, string>>(KEYS.tokens)) ?? {};
      if (tokens[name] !== wire.token) continue; // replaced or removed since it fell due
      try {
        await this.turnUnlocked(type, id, async (ctx) => actorType.onReminder?.(ctx, name, wire.data), wire.once ? name : undefined);
      } catch (err) {
        this.options.log.error({ type, id, reminder: name, err: String(err) }, 'reminder handler failed; it will fire again');
        if (wire.once) await this.retryReminder(type, id, firedName, wire);
      }
    }
  }

  private async fireTimer(type: string, id: string, name: string, body: { data?: unknown } | undefined): Promise<void> {
    const actorType = this.typeOf(type);
    await this.turn(type, id, async (ctx) => actorType.onTimer?.(ctx, name, body?.data));
  }

  private async deactivate(type: string, id: string): Promise<void> {
    const key = `${type}/${id}`;
    if (!this.active.has(key)) return;
    await this.turn(type, id, async (ctx) => this.types.get(type)?.onDeactivate?.(ctx));
    this.active.delete(key);
  }

  /** One turn: activation on first use, the body, then commit and the outbox. Throws ActorInvoke-worthy errors unchanged. */
  private turn(type: string, id: string, body: (ctx: ActorContext) => Promise<unknown>, dropToken?: string): Promise<unknown> {
    return this.locked(type, id, () => this.turnUnlocked(type, id, body, dropToken));
  }

  private async turnUnlocked(type: string, id: string, body: (ctx: ActorContext) => Promise<unknown>, dropToken?: string): Promise<unknown> {
    await this.activate(type, id);
    const ctx = new SidecarTurn(this.reader(type, id), this);
    const result = await body(ctx);
    const outbox = await ctx.commit(dropToken);
    if (outbox) await this.carryOut(type, id, outbox);
    for (const op of ctx.timerOps) {
      if (op.op === 'register') {
        await this.sdk.registerActorTimer(type, new ActorId(id), op.name, {
          callback: 'timer',
          dueTime: duration(op.spec.dueTimeMs),
          ...(op.spec.periodMs !== undefined && { period: duration(op.spec.periodMs) }),
          data: op.spec.data,
        } as never);
      } else await this.sdk.unregisterActorTimer(type, new ActorId(id), op.name);
    }
    return result;
  }

  private async activate(type: string, id: string): Promise<void> {
    const key = `${type}/${id}`;
    if (this.active.has(key)) return;
    const reader = this.reader(type, id);
    const pending = await reader.get<Outbox>(KEYS.outbox);
    if (pending) await this.carryOut(type, id, pending); // a crash interrupted the last commit's effects
    this.active.add(key);
    if ((await reader.get<DueFiring[]>(KEYS.due))?.length) setImmediate(() => void this.invoke(type, id, RUN_DUE).catch(() => undefined));
    const onActivate = this.types.get(type)?.onActivate;
    if (onActivate) {
      const ctx = new SidecarTurn(reader, this);
      await onActivate(ctx);
      const outbox = await ctx.commit();
      if (outbox) await this.carryOut(type, id, outbox);
    }
  }

  /** Publishes the committed events, applies reminder changes, then clears the outbox key. */
  private async carryOut(type: string, id: string, outbox: Outbox): Promise<void> {
    for (const e of outbox.events) await this.publish(e.pubsub, e.topic, e.data, e.options);
    const actorId = new ActorId(id);
    for (const op of outbox.reminders) {
      if (op.op === 'register') {
        if (op.previous) await this.unregisterAll(type, actorId, op.name, op.previous);
        await this.sdk.registerActorReminder(type, actorId, daprdName(op.name, op.token), {
          dueTime: duration(op.spec.dueTimeMs + REMINDER_RESOLUTION_MS),
          ...(op.spec.periodMs !== undefined && { period: duration(op.spec.periodMs) }),
          data: { token: op.token, data: op.spec.data, once: op.spec.periodMs === undefined } satisfies ReminderWire,
        } as never);
      } else if (op.previous) {
        await this.unregisterAll(type, actorId, op.name, op.previous);
      }
    }
    await this.reader(type, id).write(new Map(), [KEYS.outbox]);
  }

  private async retryReminder(type: string, id: string, firedName: string, wire: ReminderWire): Promise<void> {
    const registered = daprdName(baseName(firedName), wire.token);
    const next = firedName.endsWith(RETRY_SUFFIXES[0]) ? registered + RETRY_SUFFIXES[1] : registered + RETRY_SUFFIXES[0];
    await this.sdk.registerActorReminder(type, new ActorId(id), next, { dueTime: duration(REMINDER_RETRY_MS + REMINDER_RESOLUTION_MS), data: wire } as never);
  }

  private async unregisterAll(type: string, actorId: ActorId, name: string, token: string): Promise<void> {
    const registered = daprdName(name, token);
    for (const n of [registered, ...RETRY_SUFFIXES.map((s) => registered + s)]) {
      await this.sdk.unregisterActorReminder(type, actorId, n).catch(() => undefined); // missing is fine
    }
  }

  private async purgeHere(type: string, id: string): Promise<void> {
    const reader = this.reader(type, id);
    const keys = (await reader.get<string[]>(KEYS.index)) ?? [];
    const tokens = (await reader.get<Record<string, string>>(KEYS.tokens)) ?? {};
    for (const [name, token] of Object.entries(tokens)) await this.unregisterAll(type, new ActorId(id), name, token);
    await reader.write(new Map(), [...keys, KEYS.index, KEYS.tokens, KEYS.outbox, KEYS.due]);
    this.active.delete(`${type}/${id}`);
  }

  private locked<T>(type: string, id: string, fn: () => Promise<T>): Promise<T> {
    const key = `${type}/${id}`;
    const run = (this.locks.get(key) ?? Promise.resolve()).catch(() => undefined).then(fn);
    const tail = run.catch(() => undefined);
    this.locks.set(key, tail);
    void tail.then(() => {
      if (this.locks.get(key) === tail) this.locks.delete(key);
    });
    return run;
  }

  private typeOf(type: string): ActorType {
    const t = this.types.get(type);
    if (!t) throw new NotConfiguredError(`actor type "${type}"`);
    return t;
  }

  private reader(type: string, id: string): ActorStateReader {
    return new ActorStateReader(this.sdk, type, id);
  }

  private async answer(res: Response, fn: () => Promise<void>): Promise<void> {
    try {
      await fn();
      res.status(200).json({});
    } catch (err) {
      res.status(500).json({ code: 'actor_callback_failed', message: err instanceof Error ? err.message : String(err) });
    }
  }

  /** daprd relays a failed method as an error whose body holds ours, or answers its own for unknown types. */
  private invokeError(type: string, id: string, method: string, err: unknown): Error {
    const failure = daprFailure(err);
    if (!failure) return new ActorInvokeError(`${type}/${id}`, method, err);
    const text = failure.body;
    if (text.includes('actor_method_not_found')) return new ActorMethodNotFoundError(type, method);
    if (/did not find address for actor|ERR_ACTOR_INSTANCE_MISSING|actor type .* not registered|not_configured/i.test(text)) {
      return new NotConfiguredError(`actor type "${type}"`);
    }
    const inner = /"message":"((?:[^"\\]|\\.)*)"/.exec(text)?.[1];
    return new ActorInvokeError(`${type}/${id}`, method, new Error(inner ? JSON.parse(`"${inner}"`) : failure.message));
  }
}
