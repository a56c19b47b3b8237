/**
 * The express app: common middleware and probes, then the upload role's tus routes, then the api
 * role's /api/v1 routers and web app, then the 404 and error handlers (in that order).
 */
import express, { type Express } from 'express';
import helmet from 'helmet';
import { InterviewClient } from '../../actors/interview.client.js';
import { accountRouter } from '../api/account.routes.js';
import { errorHandler, notFoundRoute } from '../api/errors.js';
import { methodNotAllowed } from '../api/method-not-allowed.js';
import { interviewsRouter } from '../api/interviews.routes.js';
import { jobsRouter } from '../api/jobs.routes.js';
import { noStore, PRIVATE_PATHS } from '../api/no-store.js';
import { notificationsRouter } from '../api/notifications.routes.js';
import { openApiDocument } from '../api/openapi.js';
import { webRouter } from '../api/web.routes.js';
import { webhooksRouter } from '../api/webhooks.routes.js';
import { JobsService } from '../jobs/jobs.service.js';
import { requireUser } from '../shared/auth.js';
import { forwardTo } from '../upload/forward.js';
import { tusRouter } from '../upload/tus.router.js';
import type { Core } from './core.js';

/** `/readyz` answers 200 once `ready` is set (after the runtime started and the port is bound). */
export interface Readiness {
  ready: boolean;
}

export function createHttpApp(core: Core, readiness: Readiness): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(helmet());
  app.use(PRIVATE_PATHS, noStore);
  app.use(methodNotAllowed());
  mountProbes(app, core, readiness);
  mountUploadRoutes(app, core);
  mountApiRoutes(app, core);
  app.use(notFoundRoute);
  app.use(errorHandler(core.log));
  return app;
}

/** Request timing, health, readiness and Prometheus metrics. */
function mountProbes(app: Express, { metrics }: Core, readiness: Readiness): void {
  app.use((req, res, next) => {
    const end = metrics.httpDuration.startTimer({ method: req.method });
    res.on('finish', () => end({ route: req.route?.path ?? (req.path.startsWith('/files') ? '/files' : 'other'), status: String(res.statusCode) }));
    next();
  });
  app.get('/healthz', (_req, res) => void res.json({ status: 'ok' }));
  app.get('/readyz', (_req, res) => void res.status(readiness.ready ? 200 : 503).json({ status: readiness.ready ? 'ready' : 'starting' }));
  app.get('/metrics', async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
}

/** Upload role: tus at /files; an api without it forwards /files to the upload service. */
function mountUploadRoutes(app: Express, { config, has, service, uploads, verifier, log, metrics }: Core): void {
  if (has('upload')) {
    app.use(tusRouter({ service, store: uploads, verifier, maxBytes: config.MAX_UPLOAD_BYTES, minFreeBytes: config.UPLOAD_MIN_FREE_BYTES, log, metrics }));
  } else if (has('api') && config.UPLOAD_SERVICE_URL) {
    app.use('/files', forwardTo(config.UPLOAD_SERVICE_URL, log));
  }
}

/** Api role: the OpenAPI document, the authenticated /api/v1 routers, then the web app. */
function mountApiRoutes(app: Express, { config, has, service, verifier, runtime, ai, notify, log }: Core): void {
  if (!has('api')) return;
  const openapi = openApiDocument({ maxUploadBytes: config.MAX_UPLOAD_BYTES });
  const limits = { jsonBytes: config.MAX_JSON_BYTES };
  app.get('/api/v1/openapi.json', (_req, res) => void res.json(openapi));
  app.use(
    '/api/v1',
    requireUser(verifier),
    notify.rememberContact,
    interviewsRouter(service, { ...limits, transcriptBytes: config.MAX_TRANSCRIPT_BYTES }),
    jobsRouter(new JobsService({ interviews: service, client: new InterviewClient(runtime.actors), ai }), limits),
    webhooksRouter(notify.webhooks, limits),
    notificationsRouter(notify.notifications, limits),
    accountRouter({ interviews: service, webhooks: notify.webhooks, actors: runtime.actors, log }),
  );
  app.use(webRouter(config));
}
