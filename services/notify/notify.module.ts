/**
 * Builds the notify side of the app (webhooks, in-app notifications, email) from config: registers
 * its actors, and hands the composition root the handlers, services and bindings to wire. Its HTTP
 * routes and socket pushes live in services/api; the composition root mounts them on these services.
 */
import type { RequestHandler } from 'express';
import type { InterviewClient } from '../../actors/interview.client.js';
import type { ActorRuntime } from '../../dapr/ports/actors.js';
import type { OutputBindings } from '../../dapr/ports/bindings.js';
import type { CloudEvent, EventHandler } from '../../dapr/ports/pubsub.js';
import type { Config } from '../config.js';
import type { Logger } from '../shared/logger.js';
import { webhookDeliveryActor } from '../webhooks/delivery.actor.js';
import { httpSender } from '../webhooks/http.sender.js';
import { type EndpointDisabledEvent, ENDPOINT_DISABLED_TOPIC, webhookOwnerActor } from '../webhooks/owner.actor.js';
import type { LifecycleData } from '../webhooks/payload.js';
import { createSsrfGuard, type HostLookup } from '../webhooks/ssrf.guard.js';
import { ProgressThrottle } from '../webhooks/throttle.js';
import { WebhookService } from '../webhooks/webhook.service.js';
import { bindingEmailSender } from './email.sender.js';
import { notifyInboxActor } from './inbox.actor.js';
import { NotificationService } from './notification.service.js';
import type { NotificationView } from './notification.types.js';
import { type OutputBindingFn, smtpOutputBinding, SMTP_BINDING } from './smtp.binding.js';

const DELIVERY_RETENTION_MS = 30 * 24 * 3600_000;
/** Split apps: notify publishes new in-app notifications here; the api pushes them to sockets. */
export const NOTIFICATION_PUSH_TOPIC = 'notification.push';

/** Makes a new in-app notification live for its owner (a socket room, or a topic to the api). */
export type Push = (uid: string, n: NotificationView) => unknown;
const DELIVERY_LOG_SIZE = 500;

export const publicBaseUrl = (config: Config): string => (config.PUBLIC_BASE_URL ?? `http://localhost:${config.PORT}`).replace(/\/+$/, '');

/** The `smtp` output binding for the embedded runtime (none without SMTP_HOST). */
export function notifyOutputBindings(config: Config): Record<string, OutputBindingFn> {
  if (!config.SMTP_HOST) return {};
  return {
    [SMTP_BINDING]: smtpOutputBinding({
      host: config.SMTP_HOST,
      port: config.SMTP_PORT,
      from: config.SMTP_FROM,
      secure: config.SMTP_SECURE,
      ...(config.SMTP_USER && { user: config.SMTP_USER }),
      ...(config.SMTP_PASSWORD && { password: config.SMTP_PASSWORD }),
    }),
  };
}

export interface NotifyDeps {
  config: Config;
  actors: ActorRuntime;
  bindings: OutputBindings;
  interviews: InterviewClient;
  log: Logger;
  /** DNS for the SSRF guard (tests map names to chosen addresses). */
  lookup?: HostLookup;
  /** Host the webhook and inbox actor types in this app (false: only call them). Default true. */
  hostActors?: boolean;
  /** Where in-app notifications go live (default: this app's sockets, once attached). */
  push?: Push;
}

export function createNotify({ config, actors, bindings, interviews, log, lookup, hostActors = true, push: pushElsewhere }: NotifyDeps) {
  const wlog = log.child({ component: 'webhooks' });
  if (config.WEBHOOK_ALLOW_LOOPBACK) {
    wlog.warn({ WEBHOOK_ALLOW_LOOPBACK: true }, '!!! WEBHOOK_ALLOW_LOOPBACK is on: webhooks may call loopback addresses on this host. Development only: never in production !!!');
  }
  if (!config.SMTP_HOST) log.info({}, 'SMTP_HOST is not set: notification emails are off (in-app notifications only)');
  const guard = createSsrfGuard({ allowLoopback: config.WEBHOOK_ALLOW_LOOPBACK, ...(lookup && { lookup }) });
  const send = httpSender({ guard, timeoutMs: config.WEBHOOK_TIMEOUT_MS });
  if (hostActors) {
    actors.register(webhookOwnerActor({ maxEndpoints: config.WEBHOOK_MAX_PER_USER, disableAfterMs: config.WEBHOOK_DISABLE_AFTER_MS, logSize: DELIVERY_LOG_SIZE }));
    actors.register(webhookDeliveryActor({ scheduleMs: config.WEBHOOK_RETRY_SCHEDULE, retentionMs: DELIVERY_RETENTION_MS }, send));
    actors.register(notifyInboxActor);
  }

  const base = publicBaseUrl(config);
  const webhooks = new WebhookService({
    actors, interviews, guard, log: wlog, publicBaseUrl: base,
    throttle: new ProgressThrottle(config.WEBHOOK_PROGRESS_INTERVAL_MS),
    secretOverlapMs: config.WEBHOOK_SECRET_OVERLAP_MS,
    maxEndpoints: config.WEBHOOK_MAX_PER_USER,
  });
  // A live push is best effort: the notification is already stored in the user's inbox.
  let push: Push = pushElsewhere ?? (() => undefined);
  const safePush: Push = (uid, n) =>
    void Promise.resolve()
      .then(() => push(uid, n))
      .catch((err: unknown) => log.warn({ err, uid }, 'live notification push failed'));
  const notifications = new NotificationService({
    actors, interviews, log: log.child({ component: 'notify' }), publicBaseUrl: base,
    push: (uid, n) => safePush(uid, n),
    ...(config.SMTP_HOST && { email: bindingEmailSender(bindings) }),
  });

  const onWebhooks: EventHandler<LifecycleData> = (e) => webhooks.onLifecycle(e);
  const onPeople: EventHandler<LifecycleData> = (e) => notifications.onLifecycle(e);

  /** Remembers the address on the caller's verified token (for email); one actor call per change. */
  const seen = new Map<string, string>();
  const rememberContact: RequestHandler = async (req, _res, next) => {
    const user = req.user;
    if (user?.email && seen.get(user.uid) !== user.email) {
      await notifications.rememberContact(user.uid, user.email);
      if (seen.size > 50_000) seen.clear();
      seen.set(user.uid, user.email);
    }
    next();
  };

  return {
    webhooks,
    notifications,
    /** Consumers to run beside the app's own subscriber of each lifecycle topic (see allOf). */
    lifecycle: {
      'interview.progress': [onWebhooks],
      'interview.completed': [onWebhooks, onPeople],
      'interview.failed': [onWebhooks, onPeople],
      'interview.deleted': [onWebhooks, (e) => notifications.onDeleted(e)],
    } as Record<string, EventHandler<LifecycleData>[]>,
    /** Topics only notify consumes. */
    topics: {
      [ENDPOINT_DISABLED_TOPIC]: ((e: CloudEvent<EndpointDisabledEvent>) => notifications.onEndpointDisabled(e)) as EventHandler<EndpointDisabledEvent>,
    },
    /** Mount under /api/v1 right after requireUser, before every router (records the user's email). */
    rememberContact,
    /** Live pushes start once the api's sockets exist (ignored when `push` was given). */
    attachPush(live: Push): void {
      if (!pushElsewhere) push = live;
    },
  };
}

export type Notify = ReturnType<typeof createNotify>;
