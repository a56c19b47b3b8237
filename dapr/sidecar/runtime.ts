/**
 * The sidecar adapter: the same `DaprRuntime` as the embedded one, provided by a real daprd next to
 * the app. Calls to daprd go through the SDK's DaprClient; daprd's calls to the app (actors,
 * subscriptions, input bindings) arrive on the SDK's DaprServer, whose express app gets our routes.
 */
import { DaprServer, CommunicationProtocolEnum, type DaprClient } from '@dapr/dapr';
import type { Express, NextFunction, Request, Response } from 'express';
import type { InputBindingHandler } from '../ports/bindings.js';
import { NotConfiguredError } from '../ports/errors.js';
import type { CloudEvent } from '../ports/pubsub.js';
import type { DaprRuntime } from '../ports/runtime.js';
import type { SecretStore } from '../ports/secrets.js';
import type { StateStore } from '../ports/state.js';
import { SidecarActors } from './actors.js';
import { SidecarOutputBindings } from './bindings.js';
import { Deliveries, SidecarPubSub, SubscriptionTable, type Subscription } from './pubsub.js';
import { actorClient, daprClient, daprFailure, sdkLogger, type SidecarAddress } from './sdk.js';
import { SidecarStateStore } from './state.js';

export interface SidecarRuntimeOptions extends SidecarAddress {
  appId: string;
  /** Where this app listens for daprd's calls. */
  appPort: number;
  appHost?: string;
  /** Output bindings that speak the blob dialect (bindings.azure.blobstorage). */
  blobBindings?: readonly string[];
  actorIdleTimeoutMs?: number;
  logger?: { error(obj: object, msg: string): void; warn(obj: object, msg: string): void };
}

const quiet = { error: () => undefined, warn: () => undefined };

class SidecarSecrets implements SecretStore {
  constructor(private readonly client: DaprClient) {}
  async get(store: string, key: string): Promise<string | undefined> {
    try {
      const answer = (await this.client.secret.get(store, key)) as Record<string, string> | '';
      const value = answer ? answer[key] : undefined;
      return value === '' ? undefined : value;
    } catch (err) {
      const failure = daprFailure(err);
      if (failure?.errorCode === 'ERR_SECRET_STORES_NOT_CONFIGURED' || failure?.errorCode === 'ERR_SECRET_STORE_NOT_FOUND') {
        throw new NotConfiguredError(`secret store "${store}"`);
      }
      if (failure?.errorCode === 'ERR_SECRET_GET') return undefined; // daprd's answer for a missing key
      throw err;
    }
  }
}

export function createSidecarRuntime(opts: SidecarRuntimeOptions): DaprRuntime {
  const log = opts.logger ?? quiet;
  const client = daprClient(opts);
  const table = new SubscriptionTable();
  const stores = new Map<string, StateStore>();
  const pubsubs = new Map<string, SidecarPubSub>();
  const inputs = new Map<string, InputBindingHandler>();
  const pubsub = (name: string) => {
    let p = pubsubs.get(name);
    if (!p) pubsubs.set(name, (p = new SidecarPubSub(client, name, opts.appId, table)));
    return p;
  };
  const publish = (name: string, topic: string, data: unknown, options: object) => pubsub(name).publish(topic, data, options);
  const deliveries = new Deliveries(publish, log);
  const actors = new SidecarActors(actorClient(opts), publish, { idleTimeoutMs: opts.actorIdleTimeoutMs ?? 60 * 60_000, log });
  const output = new SidecarOutputBindings(client, opts, new Set(opts.blobBindings ?? []));
  let server: DaprServer | undefined;
  let stopped: Promise<void> | undefined;

  async function start(): Promise<void> {
    server = new DaprServer({
      serverHost: opts.appHost ?? '127.0.0.1',
      serverPort: String(opts.appPort),
      communicationProtocol: CommunicationProtocolEnum.HTTP,
      clientOptions: { daprHost: opts.daprHost, daprPort: String(opts.daprHttpPort) },
      logger: sdkLogger,
    });
    const sdkServer = server.daprServer as unknown as { getServer(): Express; getServerImpl(): { getSubscriptions(): SdkSubscriptions } };
    const app = sdkServer.getServer();
    // Our routes sit in front of the SDK's (registered later on the same app), see pubsub.ts.
    const routes = new Map<string, Subscription>();
    app.use((req: Request, res: Response, next: NextFunction) => {
      const sub = req.method === 'POST' ? routes.get(req.path) : undefined;
      if (!sub) return next();
      void deliveries.deliver(sub, req.body as CloudEvent).then((status) => res.status(200).json({ status }));
    });
    actors.mount(app);
    for (const [name, handler] of inputs) {
      app.options(`/${name}`, (_req, res) => void res.status(200).end());
      app.post(`/${name}`, (req, res) => {
        handler(req.body, headerMetadata(req)).then(
          () => res.status(200).end(),
          (err: unknown) => {
            log.error({ binding: name, err: String(err) }, 'input binding handler failed');
            res.status(500).json({ code: 'input_binding_failed', message: String(err) });
          },
        );
      });
    }
    for (const sub of table.all) {
      await server.pubsub.subscribeWithOptions(sub.pubsub, sub.topic, {});
      const sdkRoutes = sdkServer.getServerImpl().getSubscriptions()[sub.pubsub]![sub.topic]!.routes;
      for (const route of Object.values(sdkRoutes)) routes.set(`/${route.path}`, sub);
    }
    await server.start();
  }

  return {
    appId: opts.appId,
    state(name) {
      let s = stores.get(name);
      if (!s) stores.set(name, (s = new SidecarStateStore(client, name)));
      return s;
    },
    pubsub,
    bindings: {
      invoke: (name, operation, data, metadata) => output.invoke(name, operation, data, metadata),
      onInput(name, handler) {
        inputs.set(name, handler);
      },
    },
    secrets: new SidecarSecrets(client),
    actors,
    start,
    stop() {
      stopped ??= (async () => {
        await deliveries.stop();
        await server?.stop();
      })();
      return stopped;
    },
  };
}

type SdkSubscriptions = Record<string, Record<string, { routes: Record<string, { path: string }> }>>;

function headerMetadata(req: Request): Record<string, string> {
  return Object.fromEntries(Object.entries(req.headers).flatMap(([k, v]) => (typeof v === 'string' ? [[k, v]] : [])));
}
