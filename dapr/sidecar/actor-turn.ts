/**
 * One turn of an actor hosted behind daprd: reads go to daprd's actor state API, writes, publishes
 * and reminder changes are buffered and committed when the method returns (dropped if it throws).
 *
 * daprd cannot commit state and a publish atomically, so a commit writes the turn's effects into an
 * outbox key in the same state transaction, then carries them out and clears the key. A crash in
 * between leaves the outbox for the next activation to finish (events keep their ids, reminder
 * changes are idempotent), so nothing a committed turn decided is lost.
 *
 * Bookkeeping keys (prefix `__ib.`) live beside the actor's own: the key index (daprd cannot list an
 * actor's keys, and purge must find them), reminder registration tokens (a firing whose token is no
 * longer current is stale and ignored), and the outbox.
 */
import { randomUUID } from 'node:crypto';
import { ActorId } from '@dapr/dapr';
import type { ActorClient, ActorContext, ActorStateManager, ReminderSpec } from '../ports/actors.js';
import type { PublishOptions } from '../ports/pubsub.js';
import type { SdkActorClient } from './sdk.js';

export const KEYS = { index: '__ib.keys', tokens: '__ib.reminders', outbox: '__ib.outbox', due: '__ib.due' } as const;

/** `previous`: the token of the registration this op replaces or removes (filled in at commit). */
export type ReminderOp =
  | { op: 'register'; name: string; spec: ReminderSpec; token: string; previous?: string }
  | { op: 'unregister'; name: string; previous?: string };
export interface OutboxEvent {
  pubsub: string;
  topic: string;
  data: unknown;
  options: PublishOptions;
}
export interface Outbox {
  events: OutboxEvent[];
  reminders: ReminderOp[];
}
type TimerOp = { op: 'register'; name: string; spec: ReminderSpec } | { op: 'unregister'; name: string };

const DELETED = Symbol('deleted');

/** Reads one actor's state through daprd. Values are stored wrapped (`{v}`): daprd answers a missing key with an empty 204, which the SDK cannot tell from a stored "". */
export class ActorStateReader {
  constructor(
    private readonly sdk: SdkActorClient,
    readonly type: string,
    readonly id: string,
  ) {}

  async get<T>(key: string): Promise<T | undefined> {
    const raw = (await this.sdk.stateGet(this.type, new ActorId(this.id), encodeURIComponent(key))) as { v?: T } | '' | null;
    return raw && typeof raw === 'object' && 'v' in raw ? raw.v : undefined;
  }

  /** Applies upserts and deletes in one daprd transaction. */
  async write(upserts: Map<string, unknown>, deletes: Iterable<string>): Promise<void> {
    const operations = [
      ...[...upserts].map(([key, value]) => ({ operation: 'upsert', request: { key, value: { v: value } } })),
      ...[...deletes].map((key) => ({ operation: 'delete', request: { key } })),
    ];
    if (operations.length > 0) await this.sdk.stateTransaction(this.type, new ActorId(this.id), operations as never);
  }
}

export class SidecarTurn implements ActorContext {
  private readonly writes = new Map<string, unknown>();
  private readonly events: OutboxEvent[] = [];
  private readonly reminderOps: ReminderOp[] = [];
  readonly timerOps: TimerOp[] = [];

  constructor(
    private readonly reader: ActorStateReader,
    readonly actors: ActorClient,
  ) {}

  get type(): string {
    return this.reader.type;
  }
  get id(): string {
    return this.reader.id;
  }

  readonly state: ActorStateManager = {
    get: async <T>(key: string) => {
      if (this.writes.has(key)) {
        const v = this.writes.get(key);
        return v === DELETED ? undefined : (v as T);
      }
      return this.reader.get<T>(key);
    },
    set: (key, value) => void this.writes.set(key, value),
    delete: (key) => void this.writes.set(key, DELETED),
  };

  publish(pubsub: string, topic: string, data: unknown, options: PublishOptions = {}): void {
    // The id is fixed now, so replaying the outbox after a crash republishes the same event.
    this.events.push({ pubsub, topic, data, options: { ...options, id: options.id ?? randomUUID() } });
  }
  registerReminder(name: string, spec: ReminderSpec): void {
    if (name.includes('~')) throw new Error(`reminder name "${name}" may not contain "~" (the sidecar adapter's separator)`);
    this.reminderOps.push({ op: 'register', name, spec, token: randomUUID() });
  }
  unregisterReminder(name: string): void {
    this.reminderOps.push({ op: 'unregister', name });
  }
  registerTimer(name: string, spec: ReminderSpec): void {
    this.timerOps.push({ op: 'register', name, spec });
  }
  unregisterTimer(name: string): void {
    this.timerOps.push({ op: 'unregister', name });
  }
  now(): number {
    return Date.now();
  }

  /** `dropToken` removes a one-shot reminder's token once it has fired. Returns the outbox to carry out, if any. */
  async commit(dropToken?: string): Promise<Outbox | undefined> {
    const upserts = new Map<string, unknown>();
    const deletes = new Set<string>();
    for (const [key, value] of this.writes) {
      if (value === DELETED) deletes.add(key);
      else upserts.set(key, value);
    }
    await this.trackKeys(upserts, deletes);
    if (this.reminderOps.length > 0 || dropToken) {
      const tokens = { ...((await this.reader.get<Record<string, string>>(KEYS.tokens)) ?? {}) };
      if (dropToken) delete tokens[dropToken];
      for (const op of this.reminderOps) {
        if (tokens[op.name] !== undefined) op.previous = tokens[op.name];
        if (op.op === 'register') tokens[op.name] = op.token;
        else delete tokens[op.name];
      }
      upserts.set(KEYS.tokens, tokens);
    }
    const outbox: Outbox | undefined =
      this.events.length > 0 || this.reminderOps.length > 0 ? { events: this.events, reminders: this.reminderOps } : undefined;
    if (outbox) upserts.set(KEYS.outbox, outbox);
    await this.reader.write(upserts, deletes);
    return outbox;
  }

  /** Keeps the index of the actor's own keys current (read only when the turn adds or removes keys). */
  private async trackKeys(upserts: Map<string, unknown>, deletes: Set<string>): Promise<void> {
    if (upserts.size === 0 && deletes.size === 0) return;
    const before = new Set((await this.reader.get<string[]>(KEYS.index)) ?? []);
    const after = new Set(before);
    for (const key of upserts.keys()) after.add(key);
    for (const key of deletes) after.delete(key);
    if (after.size !== before.size || [...after].some((k) => !before.has(k))) upserts.set(KEYS.index, [...after]);
  }
}
