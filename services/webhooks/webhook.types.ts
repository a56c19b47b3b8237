/** The webhooks vocabulary: event types, endpoint and delivery records as the actors store them. */
export const WEBHOOK_EVENTS = [
  'interview.created',
  'interview.upload_completed',
  'interview.progress',
  'interview.transcribed',
  'interview.completed',
  'interview.failed',
  'interview.deleted',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENTS)[number];
/** Sent only by `POST /webhooks/:id/test`; endpoints need not subscribe to it. */
export const PING_EVENT = 'webhook.ping';
export type DeliveredEventType = WebhookEventType | typeof PING_EVENT;

export interface EndpointSecret {
  /** `whsec_` + base64 key, as Standard Webhooks libraries expect it. */
  secret: string;
  createdAt: number;
  /** Set when rotated out: the secret still signs until then (overlap window). */
  expiresAt?: number;
}

export interface EndpointHealth {
  /** First failed attempt since the last success; cleared by a success. */
  failingSince?: number;
  lastSuccessAt?: number;
  lastFailureAt?: number;
}

export interface EndpointRecord {
  id: string;
  ownerUid: string;
  url: string;
  description?: string;
  events: WebhookEventType[];
  enabled: boolean;
  /** Why it was switched off by the system (absent when a user disabled it or it is enabled). */
  disabledReason?: 'failing';
  createdAt: number;
  updatedAt: number;
  /** Newest first. */
  secrets: EndpointSecret[];
  health: EndpointHealth;
}

/** The message as it is signed and sent: the body bytes never change between attempts. */
export interface WebhookMessage {
  /** The `webhook-id`: identical on every attempt, so receivers can deduplicate. */
  id: string;
  type: DeliveredEventType;
  /** JSON body `{type, timestamp, data}`. */
  body: string;
}

export interface AttemptRecord {
  at: number;
  /** HTTP status, absent when no response arrived (refused, timeout, SSRF block). */
  responseCode?: number;
  latencyMs: number;
  ok: boolean;
  error?: string;
}

export type DeliveryStatus = 'pending' | 'succeeded' | 'failed' | 'cancelled';

export interface DeliveryRecord {
  id: string;
  ownerUid: string;
  endpointId: string;
  eventType: DeliveredEventType;
  body: string;
  status: DeliveryStatus;
  createdAt: number;
  updatedAt: number;
  attempts: AttemptRecord[];
  /** Index into `attempts` where the current retry cycle began (a manual redelivery starts a new one). */
  cycleStart: number;
  nextAttemptAt?: number;
  /** Why delivery stopped without success. */
  reason?: string;
}
