/** Delivery ids (`webhook-id`) derive from the event's logical key and the endpoint: a redelivered
 * lifecycle message maps to the same delivery, which therefore exists once. */
import { createHash, randomUUID } from 'node:crypto';

export const deliveryIdFor = (eventKey: string, endpointId: string): string =>
  `msg_${createHash('sha256').update(`${eventKey}|${endpointId}`).digest('hex').slice(0, 32)}`;

export const pingDeliveryId = (): string => `msg_${randomUUID().replaceAll('-', '')}`;

export const DELIVERY_ID_RE = /^msg_[0-9a-f]{32}$/;
