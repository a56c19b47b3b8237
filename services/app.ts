/**
 * Composition root: builds the runtime, actors, workers and HTTP surface of one app instance.
 * The embedded mode runs everything in this one process; each piece only talks through ports.
 */
import http from 'node:http';
import path from 'node:path';
import express from 'express';
import helmet from 'helmet';
import { InterviewClient } from '../actors/interview.client.js';
import { interviewActor } from '../actors/interview.actor.js';
import { defaultPolicy, type LifecyclePolicy } from '../actors/interview.types.js';
import { userActor } from '../actors/user.actor.js';
import { createEmbeddedRuntime, type EmbeddedRuntime } from '../dapr/embedded/runtime.js';
import type { EmbeddedSubscribeOptions } from '../dapr/embedded/pubsub.js';
import type { EventHandler } from '../dapr/ports/pubsub.js';
import { Components } from '../dapr/ports/runtime.js';
import { type AuthVerifier, createFirebaseVerifier, requireUser } from './api/auth.js';
import { accountRouter } from './api/account.routes.js';
import { answerClientError, errorHandler, notFoundRoute } from './api/errors.js';
import { interviewsRouter } from './api/interviews.routes.js';
import { openApiDocument } from './api/openapi.js';
import { attachSocket } from './api/socket.js';
import { webRouter } from './api/web.routes.js';
import type { Config } from './config.js';
import { InterviewService } from './interviews/interview.service.js';
import type { TranscriptionEngine } from './media/engines/engine.js';
import { selectEngine } from './media/engine-select.js';
import { allOf } from './notify/fanout.js';
import { createNotify, notifyOutputBindings } from './notify/notify.module.js';
import { socketNotifier } from './notify/socket.notifier.js';
import type { HostLookup } from './webhooks/ssrf.guard.js';
import { Artifacts } from './shared/artifacts.js';
import { createLogger, type Logger } from './shared/logger.js';
import { createMetrics } from './shared/metrics.js';
import { LocalUploadStore } from './upload/upload.store.js';
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
}

export interface App {
  http: http.Server;
  runtime: EmbeddedRuntime;
  service: InterviewService;
  listen(): Promise<number>;
  stop(): Promise<void>;
}

export function createApp({ config, ...opts }: AppOptions): App {
  const log = opts.logger ?? createLogger(config.LOG_LEVEL);
  const metrics = createMetrics();
  const verifier = opts.verifier ?? createFirebaseVerifier({ projectId: config.FIREBASE_PROJECT_ID });
  const runtime = createEmbeddedRuntime({
    dataDir: path.join(config.dataDir, 'runtime'),
    logger: log.child({ component: 'runtime' }),
    cron: { 'upload-expiry': config.UPLOAD_SWEEP_SCHEDULE },
    outputBindings: notifyOutputBindings(config),
  });
  const policy: LifecyclePolicy = {
    maxAttempts: config.STAGE_MAX_ATTEMPTS,
    budgetMs: { ...defaultPolicy.budgetMs, transcription: config.TRANSCRIPTION_BUDGET_MS, analysis: config.ANALYSIS_BUDGET_MS },
  };
  runtime.actors.register(interviewActor(policy));
  runtime.actors.register(userActor);

  const artifacts = new Artifacts(runtime.bindings);
  const uploads = new LocalUploadStore(path.join(config.dataDir, 'uploads'), config.UPLOAD_EXPIRATION_MS);
  const ai = { providers: createAiProviders(process.env), cache: new StateStoreAiCache(runtime.state(Components.state)) };
  const service = new InterviewService({ interviews: new InterviewClient(runtime.actors), actors: runtime.actors, artifacts, uploads, log, aiCache: ai.cache });

  const notify = createNotify({
    config, actors: runtime.actors, bindings: runtime.bindings, interviews: new InterviewClient(runtime.actors), log,
    ...(opts.webhookLookup && { lookup: opts.webhookLookup }),
  });
  /** Webhooks, in-app and email consumers run beside each lifecycle topic's own subscriber. */
  const withNotify = <T>(topic: string, handler: EventHandler<T>) => allOf<T>(handler, ...((notify.lifecycle[topic] ?? []) as EventHandler<T>[]));

  const engineFor = (requested: string | undefined) =>
    opts.engine ?? selectEngine(requested, { log: log.child({ component: 'engine' }), maxUploadBytes: config.MAX_UPLOAD_BYTES });

  // Pipeline workers and notifications, wired by topic.
  const pubsub = runtime.pubsub(Components.pubsub);
  const workerDeps = { service, log, metrics };
  const sub = <T>(topic: string, handler: EventHandler<T>, o: EmbeddedSubscribeOptions = {}) =>
    pubsub.subscribe<T>(topic, handler, { deadLetterTopic: 'interview.deadletter', ...o });
  sub(
    'interview.uploaded',
    stageWorker(transcriptionWork({ uploads, artifacts, workDir: path.join(config.dataDir, 'work'), maxDurationSec: config.MAX_DURATION_SEC, engineFor }), workerDeps),
    { concurrency: config.MEDIA_CONCURRENCY },
  );
  const preferenceOf = async (uid: string) => (await service.settings(uid)).analysisModel;
  sub('interview.transcribed', stageWorker(analysisWork({ artifacts, ai, preferenceOf }), workerDeps));
  sub('interview.deleted', withNotify('interview.deleted', async ({ data }) => {
    const { id, ownerUid } = data as { id: string; ownerUid: string };
    await service.finishErase(ownerUid, id);
    return 'SUCCESS';
  }));
  for (const topic of ['interview.completed', 'interview.failed', 'interview.deadletter']) {
    sub(topic, withNotify(topic, async (e) => {
      log.info({ topic, interviewId: (e.data as { id?: string }).id }, 'lifecycle event');
      return 'SUCCESS';
    }));
  }
  for (const [topic, handler] of Object.entries(notify.topics)) sub(topic, handler);
  runtime.bindings.onInput('upload-expiry', async () => {
    const n = await uploads.removeExpired();
    if (n) log.info({ removed: n }, 'expired uploads removed');
  });

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(helmet());
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
  const openapi = openApiDocument();
  app.get('/api/v1/openapi.json', (_req, res) => void res.json(openapi));
  app.use(tusRouter({ service, store: uploads, verifier, maxBytes: config.MAX_UPLOAD_BYTES, minFreeBytes: config.UPLOAD_MIN_FREE_BYTES, log, metrics }));
  app.use(
    '/api/v1',
    requireUser(verifier),
    notify.rememberContact,
    interviewsRouter(service, { jsonBytes: config.MAX_JSON_BYTES, transcriptBytes: config.MAX_TRANSCRIPT_BYTES }),
    notify.router({ jsonBytes: config.MAX_JSON_BYTES }),
    accountRouter({ interviews: service, webhooks: notify.webhooks, actors: runtime.actors, log }),
  );
  app.use(webRouter(config));
  app.use(notFoundRoute);
  app.use(errorHandler(log));

  const server = http.createServer(app);
  server.on('clientError', answerClientError);
  const io = attachSocket(server, verifier);
  sub('interview.progress', withNotify('interview.progress', socketNotifier(io)));
  notify.attachSocket(io);

  return {
    http: server,
    runtime,
    service,
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
      await new Promise<void>((resolve) => io.close(() => resolve()));
      server.closeAllConnections();
      await runtime.stop();
    },
  };
}
