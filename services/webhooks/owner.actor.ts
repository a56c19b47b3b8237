/**
 * WebhookOwnerActor: one per Firebase uid. Holds that user's endpoints (config, secrets, health) and
 * their delivery logs, so every read is scoped by uid by construction: another user's webhook is
 * simply absent here (404). Turn-based access makes concurrent edits and health updates race-free.
 * Disabling a failing endpoint publishes `webhook.endpoint_disabled` in the same turn (outbox).
 */
import type { ActorContext, ActorType } from '../../dapr/ports/actors.js';
import { Components } from '../../dapr/ports/runtime.js';
import type { DeliverySummary } from './delivery.summary.js';
import { deliveryIdFor } from './delivery-id.js';
import { nextHealth } from './retry-schedule.js';
import { activeSecrets, rotate } from './signing.js';
import type { EndpointRecord, WebhookEventType } from './webhook.types.js';

export const WEBHOOK_OWNER_ACTOR = 'WebhookOwnerActor';
export const ENDPOINT_DISABLED_TOPIC = 'webhook.endpoint_disabled';

const ENDPOINTS = 'endpoints';
const logKey = (endpointId: string) => `log:${endpointId}`;
const summaryKey = (deliveryId: string) => `d:${deliveryId}`;

export interface OwnerPolicy {
  maxEndpoints: number;
  disableAfterMs: number;
  /** Deliveries kept in an endpoint's log (newest first). */
  logSize: number;
}

export interface EndpointDisabledEvent {
  ownerUid: string;
  endpointId: string;
  url: string;
  failingSince: number;
}

export type CreateEndpoint = Pick<EndpointRecord, 'id' | 'url' | 'events'> & { description?: string; secret: string };
export type UpdateEndpoint = { id: string; events?: WebhookEventType[]; enabled?: boolean; description?: string };
export interface AttemptContext {
  url: string;
  secrets: string[];
  enabled: boolean;
}
export interface PlannedDelivery {
  endpointId: string;
  deliveryId: string;
}

export function webhookOwnerActor(policy: OwnerPolicy): ActorType {
  const load = async (ctx: ActorContext) => (await ctx.state.get<Record<string, EndpointRecord>>(ENDPOINTS)) ?? {};

  /** Adds a delivery to the endpoint's log (once), evicting the oldest summary beyond logSize. */
  async function logDelivery(ctx: ActorContext, endpointId: string, summary: DeliverySummary): Promise<void> {
    const ids = (await ctx.state.get<string[]>(logKey(endpointId))) ?? [];
    if (ids.includes(summary.id)) return;
    const next = [summary.id, ...ids];
    for (const evicted of next.splice(policy.logSize)) ctx.state.delete(summaryKey(evicted));
    ctx.state.set(logKey(endpointId), next);
    ctx.state.set(summaryKey(summary.id), summary);
  }

  return {
    type: WEBHOOK_OWNER_ACTOR,
    methods: {
      async create(ctx, input: CreateEndpoint) {
        const all = await load(ctx);
        if (all[input.id]) return all[input.id];
        if (Object.keys(all).length >= policy.maxEndpoints) return null;
        const now = ctx.now();
        const record: EndpointRecord = {
          id: input.id, ownerUid: ctx.id, url: input.url, events: input.events, enabled: true,
          ...(input.description !== undefined && { description: input.description }),
          createdAt: now, updatedAt: now, secrets: [{ secret: input.secret, createdAt: now }], health: {},
        };
        ctx.state.set(ENDPOINTS, { ...all, [record.id]: record });
        return record;
      },
      async list(ctx) {
        return Object.values(await load(ctx)).sort((a, b) => b.createdAt - a.createdAt);
      },
      async get(ctx, { id }: { id: string }) {
        return (await load(ctx))[id] ?? null;
      },
      async update(ctx, patch: UpdateEndpoint) {
        const all = await load(ctx);
        const cur = all[patch.id];
        if (!cur) return null;
        const next: EndpointRecord = { ...cur, updatedAt: ctx.now() };
        if (patch.events) next.events = patch.events;
        if (patch.description !== undefined) next.description = patch.description;
        if (patch.enabled !== undefined) {
          next.enabled = patch.enabled;
          delete next.disabledReason;
          // Switching it back on starts a fresh health record: old failures must not disable it again at once.
          if (patch.enabled) next.health = {};
        }
        ctx.state.set(ENDPOINTS, { ...all, [cur.id]: next });
        return next;
      },
      async remove(ctx, { id }: { id: string }) {
        const all = await load(ctx);
        if (!all[id]) return false;
        const { [id]: _gone, ...rest } = all;
        ctx.state.set(ENDPOINTS, rest);
        for (const d of (await ctx.state.get<string[]>(logKey(id))) ?? []) ctx.state.delete(summaryKey(d));
        ctx.state.delete(logKey(id));
        return true;
      },
      async rotateSecret(ctx, { id, secret, overlapMs }: { id: string; secret: string; overlapMs: number }) {
        const all = await load(ctx);
        const cur = all[id];
        if (!cur) return null;
        const next = { ...cur, updatedAt: ctx.now(), secrets: rotate(cur.secrets, secret, ctx.now(), overlapMs) };
        ctx.state.set(ENDPOINTS, { ...all, [id]: next });
        return next;
      },
      /** Enabled endpoints subscribed to the event, each with its delivery (logged as pending once). */
      async plan(ctx, { type, key }: { type: WebhookEventType; key: string }): Promise<PlannedDelivery[]> {
        const targets = Object.values(await load(ctx)).filter((e) => e.enabled && e.events.includes(type));
        const planned = targets.map((e) => ({ endpointId: e.id, deliveryId: deliveryIdFor(key, e.id) }));
        for (const p of planned) {
          await logDelivery(ctx, p.endpointId, { id: p.deliveryId, event: type, status: 'pending', attempts: 0, createdAt: ctx.now() });
        }
        return planned;
      },
      async logPing(ctx, { endpointId, deliveryId }: PlannedDelivery) {
        if (!(await load(ctx))[endpointId]) return false;
        await logDelivery(ctx, endpointId, { id: deliveryId, event: 'webhook.ping', status: 'pending', attempts: 0, createdAt: ctx.now() });
        return true;
      },
      /** What an attempt needs at send time: current URL and every secret that still signs. */
      async attemptContext(ctx, { endpointId }: { endpointId: string }): Promise<AttemptContext | null> {
        const e = (await load(ctx))[endpointId];
        if (!e) return null;
        return { url: e.url, enabled: e.enabled, secrets: activeSecrets(e.secrets, ctx.now()).map((s) => s.secret) };
      },
      /** Records an attempt's outcome: the log line, endpoint health, and disabling after days of failure. */
      async recordResult(ctx, { endpointId, summary, attempted }: { endpointId: string; summary: DeliverySummary; attempted?: { ok: boolean; at: number } }) {
        const all = await load(ctx);
        const e = all[endpointId];
        if (!e) return { disabled: false };
        if ((await ctx.state.get(summaryKey(summary.id))) !== undefined) ctx.state.set(summaryKey(summary.id), summary);
        else await logDelivery(ctx, endpointId, summary);
        if (!attempted) return { disabled: false };
        const { health, disable } = nextHealth(e.health, attempted, policy.disableAfterMs);
        const turnOff = disable && e.enabled;
        ctx.state.set(ENDPOINTS, { ...all, [endpointId]: { ...e, health, ...(turnOff && { enabled: false, disabledReason: 'failing' as const }) } });
        if (turnOff) {
          const event: EndpointDisabledEvent = { ownerUid: ctx.id, endpointId, url: e.url, failingSince: health.failingSince! };
          ctx.publish(Components.pubsub, ENDPOINT_DISABLED_TOPIC, event, { id: `disabled:${endpointId}:${health.failingSince}` });
        }
        return { disabled: turnOff };
      },
      async deliveries(ctx, { endpointId, limit }: { endpointId: string; limit: number }): Promise<DeliverySummary[] | null> {
        if (!(await load(ctx))[endpointId]) return null;
        const ids = ((await ctx.state.get<string[]>(logKey(endpointId))) ?? []).slice(0, limit);
        const out: DeliverySummary[] = [];
        for (const id of ids) {
          const s = await ctx.state.get<DeliverySummary>(summaryKey(id));
          if (s) out.push(s);
        }
        return out;
      },
      async hasDelivery(ctx, { endpointId, deliveryId }: PlannedDelivery) {
        return ((await ctx.state.get<string[]>(logKey(endpointId))) ?? []).includes(deliveryId);
      },
    },
  };
}
