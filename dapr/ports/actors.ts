/**
 * Actors port (Dapr virtual actors). An actor is addressed by (type, id) and activated on its first
 * call. Calls to one actor run one at a time (turn-based, no reentrancy: an actor must not call
 * itself). Within a turn, state writes, publishes and reminder changes are buffered and committed
 * together when the method returns; if it throws, all of them are discarded.
 */
import type { PublishOptions } from './pubsub.js';

export interface ActorStateManager {
  get<T>(key: string): Promise<T | undefined>;
  /** Buffered until the turn ends. */
  set<T>(key: string, value: T): void;
  /** Buffered until the turn ends. */
  delete(key: string): void;
}

export interface ReminderSpec {
  /** Milliseconds from now until the first firing. */
  dueTimeMs: number;
  /** Fire again every periodMs after each firing; absent = once. */
  periodMs?: number;
  data?: unknown;
}

export interface ActorClient {
  /** Calls a method; resolves with its JSON-serialisable result. Throws ActorInvokeError when it threw. */
  invoke<R = unknown>(type: string, id: string, method: string, payload?: unknown): Promise<R>;
}

export interface ActorContext {
  readonly type: string;
  readonly id: string;
  readonly state: ActorStateManager;
  /** Calls other actors (never this one: that would wait on its own turn). */
  readonly actors: ActorClient;
  /** Published only if the turn commits (embedded: in the same transaction as the state). */
  publish(pubsub: string, topic: string, data: unknown, options?: PublishOptions): void;
  /** Durable: survives restarts; fires at least once. Re-registering a name replaces it. */
  registerReminder(name: string, spec: ReminderSpec): void;
  unregisterReminder(name: string): void;
  /** Not durable: lost when the actor deactivates or the process stops. */
  registerTimer(name: string, spec: ReminderSpec): void;
  unregisterTimer(name: string): void;
  /** The runtime clock (injectable, so tests can run a 30-minute deadline in milliseconds). */
  now(): number;
}

export type ActorMethod = (ctx: ActorContext, payload: any) => Promise<unknown>;

export interface ActorType {
  /** Explicit type name: never derived from a class name (minifiers rename classes). */
  readonly type: string;
  readonly methods: Readonly<Record<string, ActorMethod>>;
  onReminder?(ctx: ActorContext, name: string, data: unknown): Promise<void>;
  onTimer?(ctx: ActorContext, name: string, data: unknown): Promise<void>;
  onActivate?(ctx: ActorContext): Promise<void>;
  onDeactivate?(ctx: ActorContext): Promise<void>;
}

export interface ActorHost {
  /** Register before the runtime starts. */
  register(type: ActorType): void;
}

export interface ActorRuntime extends ActorClient, ActorHost {
  /** Removes every state key and reminder of an actor (erase on delete). Not a turn of the actor. */
  purge(type: string, id: string): Promise<void>;
}
