/** The one-line view of a delivery kept in the owner's log (what `GET …/deliveries` lists). */
import type { DeliveryRecord, DeliveredEventType, DeliveryStatus } from './webhook.types.js';

export interface DeliverySummary {
  id: string;
  event: DeliveredEventType;
  status: DeliveryStatus;
  attempts: number;
  responseCode?: number;
  latencyMs?: number;
  error?: string;
  reason?: string;
  createdAt: number;
  lastAttemptAt?: number;
  nextAttemptAt?: number;
}

export function summarize(d: DeliveryRecord): DeliverySummary {
  const last = d.attempts.at(-1);
  return {
    id: d.id,
    event: d.eventType,
    status: d.status,
    attempts: d.attempts.length,
    createdAt: d.createdAt,
    ...(last?.responseCode !== undefined && { responseCode: last.responseCode }),
    ...(last && { latencyMs: last.latencyMs, lastAttemptAt: last.at }),
    ...(last?.error !== undefined && { error: last.error }),
    ...(d.reason !== undefined && { reason: d.reason }),
    ...(d.nextAttemptAt !== undefined && { nextAttemptAt: d.nextAttemptAt }),
  };
}
