/**
 * Composition root: builds the runtime, actors, workers and HTTP surface of one app instance.
 * `SERVICE` picks the services this process runs (all of them by default, the embedded product;
 * one each in the multi-app layout, next to its own daprd). Each piece only talks through ports, so
 * the split changes which subscriptions, actor types and routes are registered here, nothing else.
 * The role wirers live in ./app/: actor types and workers (roles.ts), routes (http.ts), socket.io
 * (socket.ts); services meet only here, never by importing each other's HTTP layer.
 */
import http from 'node:http';
import type { DaprRuntime } from '../dapr/ports/runtime.js';
import { answerClientError } from './api/errors.js';
import type { InterviewService } from './interviews/interview.service.js';
import { type AppOptions, createBase, createServices } from './app/core.js';
import { createHttpApp, type Readiness } from './app/http.js';
import { registerApiActors, registerMediaActors, wireAnalysisWorker, wireLifecycle, wireMediaWorkers, wireUploadExpiry } from './app/roles.js';
import { attachApiSocket } from './app/socket.js';
import { attachLiveSocket } from './api/live.socket.js';
import { createLive } from './live/live.module.js';

export type { AppOptions } from './app/core.js';

export interface App {
  http: http.Server;
  runtime: DaprRuntime;
  service: InterviewService;
  /** Embedded runtime: waits until nothing is due (tests). */
  settle(): Promise<void>;
  listen(): Promise<number>;
  stop(): Promise<void>;
}

export function createApp(opts: AppOptions): App {
  const base = createBase(opts);
  registerApiActors(base);
  registerMediaActors(base);
  const core = createServices(base);

  // Pipeline workers and notifications, wired by topic.
  wireMediaWorkers(core);
  wireAnalysisWorker(core);
  wireLifecycle(core);
  wireUploadExpiry(core);
  // Live practice: the session actor and caption engine on the media role, the socket on the api's.
  const live = createLive({ uploads: core.uploads, config: core.config, log: core.log, ...(base.opts.liveEngine && { engine: base.opts.liveEngine }) });
  if (core.has('media')) for (const type of live.actorTypes) core.runtime.actors.register(type);

  const readiness: Readiness = { ready: false };
  const server = http.createServer(createHttpApp(core, readiness));
  // Idle keep-alive sockets outlive the clients' own idle timeouts (undici 4 s, load balancers
  // 60 s+), so the server never closes one just as a client reuses it (ECONNRESET on a busy loop).
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  server.on('clientError', answerClientError);
  const io = attachApiSocket(server, core);
  const liveSocket = io && attachLiveSocket(io, { actors: core.runtime.actors, service: core.service, log: core.log.child({ component: 'live' }) });

  const { config, runtime } = core;
  return {
    http: server,
    runtime,
    service: core.service,
    settle: core.settle,
    async listen() {
      await runtime.start();
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(config.PORT, config.HOST, () => resolve());
      });
      readiness.ready = true;
      const addr = server.address();
      return typeof addr === 'object' && addr ? addr.port : config.PORT;
    },
    async stop() {
      readiness.ready = false;
      if (io) await new Promise<void>((resolve) => io.close(() => resolve()));
      liveSocket?.close();
      server.closeAllConnections();
      await live.close();
      await runtime.stop();
    },
  };
}
