/**
 * The pieces every service role shares: runtime, interview service, upload store, AI, notify and the
 * topic subscription helpers. The role wirers (./roles.ts, ./http.ts, ./socket.ts) only read this.
 */
import path from 'node:path';
import { InterviewClient } from '../../actors/interview.client.js';
import type { EventHandler, SubscribeOptions } from '../../dapr/ports/pubsub.js';
import { Components } from '../../dapr/ports/runtime.js';
import { createAiProviders, StateStoreAiCache } from '../ai/index.js';
import type { Config, Role } from '../config.js';
import { InterviewService } from '../interviews/interview.service.js';
import type { TranscriptionEngine } from '../media/engines/engine.js';
import { allOf } from '../notify/fanout.js';
import { createNotify, NOTIFICATION_PUSH_TOPIC } from '../notify/notify.module.js';
import { createRuntime, type RuntimeHandle } from '../runtime.js';
import { Artifacts } from '../shared/artifacts.js';
import { type AuthVerifier, createFirebaseVerifier } from '../shared/auth.js';
import { createLogger, type Logger } from '../shared/logger.js';
import { createMetrics } from '../shared/metrics.js';
import { AzureBlobUploadStore } from '../upload/azure-blob.store.js';
import type { LiveEngine } from '../media/live/live-engine.js';
import { LocalUploadStore, type UploadStore } from '../upload/upload.store.js';
import type { HostLookup } from '../webhooks/ssrf.guard.js';

export interface AppOptions {
  config: Config;
  verifier?: AuthVerifier;
  logger?: Logger;
  engine?: TranscriptionEngine;
  /** DNS for the webhook SSRF guard (tests); the system resolver by default. */
  webhookLookup?: HostLookup;
  /** A runtime built elsewhere (tests); by default chosen from DAPR_MODE. */
  runtime?: RuntimeHandle;
  /** The live caption engine (tests, benchmarks); by default Whisper/pocketsphinx on the media role. */
  liveEngine?: LiveEngine;
}

function uploadStore(config: Config): UploadStore {
  if (config.AZURE_STORAGE_CONNECTION_STRING) {
    return new AzureBlobUploadStore({ connectionString: config.AZURE_STORAGE_CONNECTION_STRING, container: config.AZURE_UPLOAD_CONTAINER, expirationMs: config.UPLOAD_EXPIRATION_MS });
  }
  return new LocalUploadStore(path.join(config.dataDir, 'uploads'), config.UPLOAD_EXPIRATION_MS);
}

export function createBase({ config, ...opts }: AppOptions) {
  const log = opts.logger ?? createLogger(config.LOG_LEVEL);
  const has = (role: Role) => config.SERVICE.includes(role);
  const verifier = opts.verifier ?? createFirebaseVerifier({ projectId: config.FIREBASE_PROJECT_ID });
  const { runtime, settle } = opts.runtime ?? createRuntime(config, log);
  return { config, opts, log, has, metrics: createMetrics(), verifier, runtime, settle };
}
export type Base = ReturnType<typeof createBase>;

/** Built after the role's actor types are registered (notify registers its own here). */
export function createServices(base: Base) {
  const { config, opts, log, has, runtime } = base;
  const artifacts = new Artifacts(runtime.bindings);
  const uploads = uploadStore(config);
  const ai = { providers: createAiProviders(process.env), cache: new StateStoreAiCache(runtime.state(Components.state)) };
  const service = new InterviewService({ interviews: new InterviewClient(runtime.actors), actors: runtime.actors, artifacts, uploads, log, aiCache: ai.cache });
  const pubsub = runtime.pubsub(Components.pubsub);

  const notify = createNotify({
    config, actors: runtime.actors, bindings: runtime.bindings, interviews: new InterviewClient(runtime.actors), log,
    hostActors: has('notify'),
    // Split apps: in-app notifications reach the api's sockets through a topic.
    ...(has('notify') && !has('api') && { push: (uid, n) => pubsub.publish(NOTIFICATION_PUSH_TOPIC, { uid, notification: n }) }),
    ...(opts.webhookLookup && { lookup: opts.webhookLookup }),
  });
  /** The notify consumers of a lifecycle topic run beside the api's own subscriber (or alone). */
  const lifecycle = <T>(topic: string, own?: EventHandler<T>): EventHandler<T> | undefined => {
    const consumers = [...(own ? [own] : []), ...(has('notify') ? ((notify.lifecycle[topic] ?? []) as EventHandler<T>[]) : [])];
    return consumers.length ? allOf<T>(...consumers) : undefined;
  };
  const sub = <T>(topic: string, handler: EventHandler<T> | undefined, o: SubscribeOptions = {}) => {
    if (handler) pubsub.subscribe<T>(topic, handler, { deadLetterTopic: 'interview.deadletter', ...o });
  };
  return { ...base, artifacts, uploads, ai, service, notify, lifecycle, sub };
}
export type Core = ReturnType<typeof createServices>;
