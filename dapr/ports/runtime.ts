/** The building blocks one app sees, whichever adapter provides them. */
import type { ActorRuntime } from './actors.js';
import type { InputBindings, OutputBindings } from './bindings.js';
import type { PubSub } from './pubsub.js';
import type { SecretStore } from './secrets.js';
import type { StateStore } from './state.js';

export interface DaprRuntime {
  readonly appId: string;
  state(name: string): StateStore;
  pubsub(name: string): PubSub;
  readonly bindings: OutputBindings & InputBindings;
  readonly secrets: SecretStore;
  readonly actors: ActorRuntime;
  /** Starts deliveries (subscriptions, reminders, input bindings). Register everything before. */
  start(): Promise<void>;
  /** Stops deliveries and waits for the ones in flight; safe to call twice. */
  stop(): Promise<void>;
}

/** Component names used across the app (mirrored in components/*.yaml). */
export const Components = {
  state: 'statestore',
  pubsub: 'pubsub',
  artifacts: 'artifacts',
  secrets: 'secrets',
} as const;
