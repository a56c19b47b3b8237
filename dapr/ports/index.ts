export * from './errors.js';
export type * from './state.js';
export * from './pubsub.js';
export * from './bindings.js';
export type * from './secrets.js';
export type * from './actors.js';
export * from './runtime.js';
