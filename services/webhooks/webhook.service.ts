/**
 * Webhook use cases behind the routes, and the lifecycle subscriber that turns interview events
 * into deliveries. Every method takes the caller's uid: endpoints live in that uid's owner actor,
 * so another user's ids are simply not found.
 */
import { randomUUID } from 'node:crypto';
import type { InterviewClient } from '../../actors/interview.client.js';
import type { ActorClient } from '../../dapr/ports/actors.js';
import type { CloudEvent, HandlerStatus } from '../../dapr/ports/pubsub.js';
import type { Logger } from '../shared/logger.js';
import type { StartDelivery } from './delivery.actor.js';
import { WEBHOOK_DELIVERY_ACTOR } from './delivery.actor.js';
import { pingDeliveryId } from './delivery-id.js';
import type { DeliverySummary } from './delivery.summary.js';
import { WebhookLimitError, WebhookNotFoundError } from './errors.js';
import { type CreateEndpoint, type PlannedDelivery, type UpdateEndpoint, WEBHOOK_OWNER_ACTOR } from './owner.actor.js';
import { completedEvent, type LifecycleData, type WebhookEvent, webhookBody, webhookEventFor } from './payload.js';
import { newSecret } from './signing.js';
import type { SsrfGuard } from './ssrf.guard.js';
import type { ProgressThrottle } from './throttle.js';
import { PING_EVENT, type DeliveryRecord, type EndpointRecord, type WebhookEventType } from './webhook.types.js';

export interface WebhookServiceDeps {
  actors: ActorClient;
  interviews: InterviewClient;
  guard: SsrfGuard;
  throttle: ProgressThrottle;
  /** Public origin of the API, for `reportUrl` in payloads. */
  publicBaseUrl: string;
  secretOverlapMs: number;
  maxEndpoints: number;
  log: Logger;
  now?: () => number;
}

export class WebhookService {
  private readonly now: () => number;

  constructor(private readonly d: WebhookServiceDeps) {
    this.now = d.now ?? Date.now;
  }

  private owner(uid: string) {
    return <T>(method: string, payload?: unknown) => this.d.actors.invoke<T>(WEBHOOK_OWNER_ACTOR, uid, method, payload);
  }

  private async found(uid: string, id: string): Promise<EndpointRecord> {
    const e = await this.owner(uid)<EndpointRecord | null>('get', { id });
    if (!e) throw new WebhookNotFoundError();
    return e;
  }

  /** Checks the URL (after DNS), stores the endpoint; the secret is returned this once. */
  async create(uid: string, input: { url: string; events: WebhookEventType[]; description?: string }): Promise<{ endpoint: EndpointRecord; secret: string }> {
    await this.d.guard.checkUrl(input.url);
    const secret = newSecret();
    const req: CreateEndpoint = { id: randomUUID(), url: input.url, events: [...new Set(input.events)], secret, ...(input.description !== undefined && { description: input.description }) };
    const endpoint = await this.owner(uid)<EndpointRecord | null>('create', req);
    if (!endpoint) throw new WebhookLimitError(this.d.maxEndpoints);
    this.d.log.info({ uid, webhookId: endpoint.id, events: endpoint.events }, 'webhook endpoint created');
    return { endpoint, secret };
  }

  list(uid: string): Promise<EndpointRecord[]> {
    return this.owner(uid)<EndpointRecord[]>('list');
  }

  get(uid: string, id: string): Promise<EndpointRecord> {
    return this.found(uid, id);
  }

  async update(uid: string, patch: UpdateEndpoint): Promise<EndpointRecord> {
    const e = await this.owner(uid)<EndpointRecord | null>('update', patch);
    if (!e) throw new WebhookNotFoundError();
    return e;
  }

  async remove(uid: string, id: string): Promise<void> {
    if (!(await this.owner(uid)<boolean>('remove', { id }))) throw new WebhookNotFoundError();
  }

  /** A new secret now; the old one keeps signing (alongside) for the overlap window. */
  async rotateSecret(uid: string, id: string): Promise<{ endpoint: EndpointRecord; secret: string; previousSecretExpiresAt: number }> {
    const secret = newSecret();
    const e = await this.owner(uid)<EndpointRecord | null>('rotateSecret', { id, secret, overlapMs: this.d.secretOverlapMs });
    if (!e) throw new WebhookNotFoundError();
    return { endpoint: e, secret, previousSecretExpiresAt: this.now() + this.d.secretOverlapMs };
  }

  /** Sends a `webhook.ping` through the normal delivery path (signed, retried, logged). */
  async test(uid: string, id: string): Promise<DeliveryRecord> {
    const endpoint = await this.found(uid, id);
    // Checked now (400 webhook_url_unsafe), not only at connect: the rules may have tightened since
    // the URL was saved (e.g. a loopback URL saved under WEBHOOK_ALLOW_LOOPBACK=1).
    await this.d.guard.checkUrl(endpoint.url);
    const deliveryId = pingDeliveryId();
    await this.owner(uid)<boolean>('logPing', { endpointId: id, deliveryId });
    const body = webhookBody(PING_EVENT, this.now(), { webhookId: endpoint.id, message: 'ping from Interview Buddy' });
    return this.start(deliveryId, { ownerUid: uid, endpointId: id, message: { id: deliveryId, type: PING_EVENT, body } });
  }

  async deliveries(uid: string, id: string, limit: number): Promise<DeliverySummary[]> {
    const items = await this.owner(uid)<DeliverySummary[] | null>('deliveries', { endpointId: id, limit });
    if (!items) throw new WebhookNotFoundError();
    return items;
  }

  async delivery(uid: string, id: string, deliveryId: string): Promise<DeliveryRecord> {
    await this.found(uid, id);
    if (!(await this.owner(uid)<boolean>('hasDelivery', { endpointId: id, deliveryId }))) throw new WebhookNotFoundError('delivery');
    const d = await this.d.actors.invoke<DeliveryRecord | null>(WEBHOOK_DELIVERY_ACTOR, deliveryId, 'get');
    if (!d || d.ownerUid !== uid || d.endpointId !== id) throw new WebhookNotFoundError('delivery');
    return d;
  }

  /** Manual redelivery: same `webhook-id` and body, a fresh retry cycle. */
  async redeliver(uid: string, id: string, deliveryId: string): Promise<DeliveryRecord> {
    await this.delivery(uid, id, deliveryId);
    await this.d.guard.checkUrl((await this.found(uid, id)).url);
    const d = await this.d.actors.invoke<DeliveryRecord | null>(WEBHOOK_DELIVERY_ACTOR, deliveryId, 'redeliver');
    if (!d) throw new WebhookNotFoundError('delivery');
    return d;
  }

  /** Fans one webhook event out to the owner's subscribed endpoints (idempotent per event key). */
  async dispatch(uid: string, event: WebhookEvent, at: number): Promise<PlannedDelivery[]> {
    const planned = await this.owner(uid)<PlannedDelivery[]>('plan', { type: event.type, key: event.key });
    if (planned.length === 0) return planned;
    const body = webhookBody(event.type, at, event.data);
    await Promise.all(
      planned.map((p) => this.start(p.deliveryId, { ownerUid: uid, endpointId: p.endpointId, message: { id: p.deliveryId, type: event.type, body } })),
    );
    return planned;
  }

  /**
   * Erase reaches the delivery log: every delivery about the interview keeps its id, status and
   * attempts but loses its content (pending ones are cancelled). Idempotent (the deleted event may
   * be redelivered).
   */
  async redactInterview(uid: string, interviewId: string): Promise<number> {
    let redacted = 0;
    for (const e of await this.list(uid)) {
      for (const s of (await this.owner(uid)<DeliverySummary[] | null>('deliveries', { endpointId: e.id, limit: Number.MAX_SAFE_INTEGER })) ?? []) {
        if (s.event === 'interview.deleted' || s.event === PING_EVENT) continue;
        if (await this.d.actors.invoke<boolean>(WEBHOOK_DELIVERY_ACTOR, s.id, 'redactInterview', { interviewId })) redacted++;
      }
    }
    if (redacted) this.d.log.info({ uid, interviewId, redacted }, 'webhook deliveries of an erased interview redacted');
    return redacted;
  }

  private start(deliveryId: string, req: StartDelivery): Promise<DeliveryRecord> {
    return this.d.actors.invoke<DeliveryRecord>(WEBHOOK_DELIVERY_ACTOR, deliveryId, 'start', req);
  }

  /** Subscriber for the lifecycle topics (progress, completed, failed, deleted). */
  async onLifecycle(e: CloudEvent<LifecycleData>): Promise<HandlerStatus> {
    const d = e.data;
    if (!d?.id || !d.ownerUid) return 'DROP';
    const at = Date.parse(e.time) || this.now();
    let event: WebhookEvent | null;
    if (e.topic === 'interview.completed') {
      const s = await this.d.interviews.get(d.id);
      const summary = s && s.status !== 'deleted' ? { title: s.title, ...(s.durationSec !== undefined && { durationSec: s.durationSec }), ...(s.headline && { headline: s.headline }) } : null;
      event = completedEvent(e.id, d, summary, `${this.d.publicBaseUrl}/api/v1/interviews/${d.id}/report`);
    } else event = webhookEventFor(e.topic, e.id, d);
    if (!event) return 'SUCCESS';
    if (event.type === 'interview.progress' && !this.d.throttle.admit(d.id, { at, status: d.status, progress: d.progress })) return 'SUCCESS';
    if (event.type === 'interview.deleted') {
      this.d.throttle.forget(d.id);
      await this.redactInterview(d.ownerUid, d.id);
    }
    await this.dispatch(d.ownerUid, event, at);
    return 'SUCCESS';
  }
}
