/**
 * What one actor turn buffers: state writes, publishes, reminder and timer changes. Nothing leaves
 * the buffer unless the method returns; a throw simply drops it (Dapr's "discard on failure").
 */
import type { ActorClient, ActorContext, ActorStateManager, ReminderSpec } from '../ports/actors.js';
import type { PublishOptions } from '../ports/pubsub.js';

export const DELETED = Symbol('deleted');
export type CachedValue = unknown | typeof DELETED;

export interface TurnBuffer {
  writes: Map<string, CachedValue>;
  publishes: { pubsub: string; topic: string; data: unknown; options?: PublishOptions }[];
  reminders: Map<string, ReminderSpec | null>;
  timers: Map<string, ReminderSpec | null>;
}

export const newTurnBuffer = (): TurnBuffer => ({ writes: new Map(), publishes: [], reminders: new Map(), timers: new Map() });

/** JSON round trip: what a real sidecar would do to any value crossing it. */
export const wire = <T>(value: T): T => (value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T));

export function turnContext(
  type: string,
  id: string,
  buf: TurnBuffer,
  load: (key: string) => CachedValue,
  actors: ActorClient,
  now: () => number,
): ActorContext {
  const state: ActorStateManager = {
    async get<T>(key: string) {
      const v = buf.writes.has(key) ? buf.writes.get(key) : load(key);
      // A clone, so mutating the returned object without set() never leaks into the cache.
      return v === DELETED ? undefined : (structuredClone(v) as T | undefined);
    },
    set(key, value) {
      buf.writes.set(key, wire(value));
    },
    delete(key) {
      buf.writes.set(key, DELETED);
    },
  };
  return {
    type,
    id,
    state,
    actors,
    now,
    publish: (pubsub, topic, data, options) => buf.publishes.push({ pubsub, topic, data: wire(data), ...(options && { options }) }),
    registerReminder: (name, spec) => buf.reminders.set(name, { ...spec, data: wire(spec.data) }),
    unregisterReminder: (name) => buf.reminders.set(name, null),
    registerTimer: (name, spec) => buf.timers.set(name, spec),
    unregisterTimer: (name) => buf.timers.set(name, null),
  };
}
