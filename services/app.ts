/**
 * Composition root: builds the runtime, actors, workers and HTTP surface of one app instance.
 * `SERVICE` picks the services this process runs (all of them by default, the embedded product;
 * one each in the multi-app layout, next to its own daprd). Each piece only talks through ports, so
 * the split changes which subscriptions, actor types and routes are registered here, nothing else.
 */
import http from 'node:http';
import path from 'node:path';
import express from 'express';
import helmet from 'helmet';
import { InterviewClient } from '../actors/interview.client.js';
import { interviewActor } from '../actors/interview.actor.js';
import { defaultPolicy, type LifecyclePolicy } from '../actors/interview.types.js';
import { userActor } from '../actors/user.actor.js';
import type { EventHandler, SubscribeOptions } from '../dapr/ports/pubsub.js';
import { Components, type DaprRuntime } from '../dapr/ports/runtime.js';
import { type AuthVerifier, createFirebaseVerifier, requireUser } from './shared/auth.js';
import { accountRouter } from './api/account.routes.js';
import { answerClientError, errorHandler, notFoundRoute } from './api/errors.js';
import { interviewsRouter } from './api/interviews.routes.js';
import { jobsRouter } from './api/jobs.routes.js';
import { notificationsRouter } from './api/notifications.routes.js';
import { webhooksRouter } from './api/webhooks.routes.js';
import { JobsService } from './jobs/jobs.service.js';
import { openApiDocument } from './api/openapi.js';
import { noStore, PRIVATE_PATHS } from './api/no-store.js';
import { attachSocket } from './api/socket.js';
import { notificationPusher, socketNotifier } from './api/socket.notifier.js';
import { webRouter } from './api/web.routes.js';
import type { Config, Role } from './config.js';
import { InterviewService } from './interviews/interview.service.js';
import type { TranscriptionEngine } from './media/engines/engine.js';
import { selectEngine } from './media/engine-select.js';
import { allOf } from './notify/fanout.js';
import { createNotify, NOTIFICATION_PUSH_TOPIC } from './notify/notify.module.js';
import type { HostLookup } from './webhooks/ssrf.guard.js';
import { Artifacts } from './shared/artifacts.js';
import { createLogger, type Logger } from './shared/logger.js';
import { createMetrics } from './shared/metrics.js';
import { createRuntime, type RuntimeHandle } from './runtime.js';
import { AzureBlobUploadStore } from './upload/azure-blob.store.js';
import { forwardTo } from './upload/forward.js';
import { LocalUploadStore, type UploadStore } from './upload/upload.store.js';
import { tusRouter } from './upload/tus.router.js';
import { analysisWork } from './workers/analysis.work.js';
import { createAiProviders, StateStoreAiCache } from './ai/index.js';
import { stageWorker } from './workers/stage.worker.js';
import { transcriptionWork } from './workers/transcription.work.js';

export interface AppOptions {
  config: Config;
  verifier?: AuthVerifier;
  logger?: Logger;
  engine?: TranscriptionEngine;
  /** DNS for the webhook SSRF guard (tests); the system resolver by default. */
  webhookLookup?: HostLookup;
  /** A runtime built elsewhere (tests); by default chosen from DAPR_MODE. */
  runtime?: RuntimeHandle;
}

export interface App {
  http: http.Server;
  runtime: DaprRuntime;
  service: InterviewService;
  /** Embedded runtime: waits until nothing is due (tests). */
  settle(): Promise<void>;
  listen(): Promise<number>;
  stop(): Promise<void>;
}

function uploadStore(config: Config): UploadStore {
  if (config.AZURE_STORAGE_CONNECTION_STRING) {
    return new AzureBlobUploadStore({ connectionString: config.AZURE_STORAGE_CONNECTION_STRING, container: config.AZURE_UPLOAD_CONTAINER, expirationMs: config.UPLOAD_EXPIRATION_MS });
  }
  return new LocalUploadStore(path.join(config.dataDir, 'uploads'), config.UPLOAD_EXPIRATION_MS);
}

export function createApp({ config, ...opts }: AppOptions): App {
  const log = opts.logger ?? createLogger(config.LOG_LEVEL);
  const has = (role: Role) => config.SERVICE.includes(role);
  const metrics = createMetrics();
  const verifier = opts.verifier ?? createFirebaseVerifier({ projectId: config.FIREBASE_PROJECT_ID });
  const { runtime, settle } = opts.runtime ?? createRuntime(config, log);
  const policy: LifecyclePolicy = {
    maxAttempts: config.STAGE_MAX_ATTEMPTS,
    budgetMs: { ...defaultPolicy.budgetMs, transcription: config.TRANSCRIPTION_BUDGET_MS, analysis: config.ANALYSIS_BUDGET_MS },
  };
  // One app-id hosts each actor type: daprd keys actor state by the hosting app-id.
  if (has('api')) {
    runtime.actors.register(interviewActor(policy));
    runtime.actors.register(userActor);
  }

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

  const engineFor = (requested: string | undefined) =>
    opts.engine ?? selectEngine(requested, { log: log.child({ component: 'engine' }), maxUploadBytes: config.MAX_UPLOAD_BYTES, whisperWorkers: config.MEDIA_CONCURRENCY });

  // Pipeline workers and notifications, wired by topic.
  const workerDeps = { service, log, metrics };
  const sub = <T>(topic: string, handler: EventHandler<T> | undefined, o: SubscribeOptions = {}) => {
    if (handler) pubsub.subscribe<T>(topic, handler, { deadLetterTopic: 'interview.deadletter', ...o });
  };
  if (has('media')) {
    sub(
      'interview.uploaded',
      // An injected engine (tests, benchmarks) runs without the diarizer: its transcript stays as given.
      stageWorker(transcriptionWork({ uploads, artifacts, workDir: path.join(config.dataDir, 'work'), maxDurationSec: config.MAX_DURATION_SEC, engineFor, ...(opts.engine && { diarizer: null }) }), workerDeps),
      { concurrency: config.MEDIA_CONCURRENCY },
    );
  }
  if (has('analysis')) {
    const preferenceOf = async (uid: string) => (await service.settings(uid)).analysisModel;
    sub('interview.transcribed', stageWorker(analysisWork({ artifacts, ai, preferenceOf }), workerDeps));
  }
  const erase: EventHandler = async ({ data }) => {
    const { id, ownerUid } = data as { id: string; ownerUid: string };
    await service.finishErase(ownerUid, id);
    return 'SUCCESS';
  };
  sub('interview.deleted', lifecycle('interview.deleted', has('api') ? erase : undefined));
  for (const topic of ['interview.completed', 'interview.failed', 'interview.deadletter']) {
    const logIt: EventHandler = async (e) => {
      log.info({ topic, interviewId: (e.data as { id?: string }).id }, 'lifecycle event');
      return 'SUCCESS';
    };
    sub(topic, lifecycle(topic, has('api') ? logIt : undefined));
  }
  if (has('notify')) for (const [topic, handler] of Object.entries(notify.topics)) sub(topic, handler);
  if (has('upload')) {
    runtime.bindings.onInput('upload-expiry', async () => {
      const n = await uploads.removeExpired();
      if (n) log.info({ removed: n }, 'expired uploads removed');
    });
  }

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(helmet());
  app.use(PRIVATE_PATHS, noStore);
  app.use((req, res, next) => {
    const end = metrics.httpDuration.startTimer({ method: req.method });
    res.on('finish', () => end({ route: req.route?.path ?? (req.path.startsWith('/files') ? '/files' : 'other'), status: String(res.statusCode) }));
    next();
  });
  let ready = false;
  app.get('/healthz', (_req, res) => void res.json({ status: 'ok' }));
  app.get('/readyz', (_req, res) => void res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'starting' }));
  app.get('/metrics', async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  if (has('upload')) {
    app.use(tusRouter({ service, store: uploads, verifier, maxBytes: config.MAX_UPLOAD_BYTES, minFreeBytes: config.UPLOAD_MIN_FREE_BYTES, log, metrics }));
  } else if (has('api') && config.UPLOAD_SERVICE_URL) {
    app.use('/files', forwardTo(config.UPLOAD_SERVICE_URL, log));
  }
  if (has('api')) {
    const openapi = openApiDocument();
    app.get('/api/v1/openapi.json', (_req, res) => void res.json(openapi));
    app.use(
      '/api/v1',
      requireUser(verifier),
      notify.rememberContact,
      interviewsRouter(service, { jsonBytes: config.MAX_JSON_BYTES, transcriptBytes: config.MAX_TRANSCRIPT_BYTES }),
      jobsRouter(new JobsService({ interviews: service, client: new InterviewClient(runtime.actors), ai }), { jsonBytes: config.MAX_JSON_BYTES }),
      webhooksRouter(notify.webhooks, { jsonBytes: config.MAX_JSON_BYTES }),
      notificationsRouter(notify.notifications, { jsonBytes: config.MAX_JSON_BYTES }),
      accountRouter({ interviews: service, webhooks: notify.webhooks, actors: runtime.actors, log }),
    );
    app.use(webRouter(config));
  }
  app.use(notFoundRoute);
  app.use(errorHandler(log));

  const server = http.createServer(app);
  // Idle keep-alive sockets outlive the clients' own idle timeouts (undici 4 s, load balancers
  // 60 s+), so the server never closes one just as a client reuses it (ECONNRESET on a busy loop).
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  server.on('clientError', answerClientError);
  const io = has('api') ? attachSocket(server, verifier) : undefined;
  if (io) {
    sub('interview.progress', lifecycle('interview.progress', socketNotifier(io)));
    const push = notificationPusher(io);
    notify.attachPush(push);
    if (!has('notify')) {
      sub(NOTIFICATION_PUSH_TOPIC, async ({ data }) => {
        const { uid, notification } = data as { uid: string; notification: Parameters<typeof push>[1] };
        push(uid, notification);
        return 'SUCCESS';
      });
    }
  } else {
    sub('interview.progress', lifecycle('interview.progress'));
  }

  return {
    http: server,
    runtime,
    service,
    settle,
    async listen() {
      await runtime.start();
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(config.PORT, config.HOST, () => resolve());
      });
      ready = true;
      const addr = server.address();
      return typeof addr === 'object' && addr ? addr.port : config.PORT;
    },
    async stop() {
      ready = false;
      if (io) await new Promise<void>((resolve) => io.close(() => resolve()));
      server.closeAllConnections();
      await runtime.stop();
    },
  };
}
