/** What the API shows of endpoints and deliveries: never a secret (except once, by the routes). */
import type { DeliverySummary } from './delivery.summary.js';
import type { AttemptRecord, DeliveryRecord, EndpointRecord } from './webhook.types.js';

const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());
const defined = <T extends Record<string, unknown>>(o: T) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

export const endpointView = (e: EndpointRecord) =>
  defined({
    id: e.id,
    url: e.url,
    description: e.description,
    events: e.events,
    enabled: e.enabled,
    disabledReason: e.disabledReason,
    failingSince: iso(e.health.failingSince),
    lastSuccessAt: iso(e.health.lastSuccessAt),
    createdAt: iso(e.createdAt),
    updatedAt: iso(e.updatedAt),
  });

export const deliverySummaryView = (s: DeliverySummary) =>
  defined({
    id: s.id,
    event: s.event,
    status: s.status,
    attempts: s.attempts,
    responseCode: s.responseCode,
    latencyMs: s.latencyMs,
    error: s.error,
    reason: s.reason,
    createdAt: iso(s.createdAt),
    lastAttemptAt: iso(s.lastAttemptAt),
    nextAttemptAt: iso(s.nextAttemptAt),
  });

const attemptView = (a: AttemptRecord) => defined({ at: iso(a.at), ok: a.ok, responseCode: a.responseCode, latencyMs: a.latencyMs, error: a.error });

/** One delivery in full: every attempt, and the payload that was (and will be) sent. */
export const deliveryView = (d: DeliveryRecord) =>
  defined({
    id: d.id,
    event: d.eventType,
    status: d.status,
    reason: d.reason,
    createdAt: iso(d.createdAt),
    nextAttemptAt: iso(d.nextAttemptAt),
    attempts: d.attempts.map(attemptView),
    payload: JSON.parse(d.body) as unknown,
  });
