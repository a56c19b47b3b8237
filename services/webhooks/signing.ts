/**
 * Standard Webhooks signing via the `standardwebhooks` library. During a rotation the message is
 * signed with every active secret: the spec lets `webhook-signature` carry several space-separated
 * signatures, and a receiver accepts the message if any one of them verifies.
 */
import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import type { EndpointSecret } from './webhook.types.js';

/** 32 random bytes, base64, with the `whsec_` prefix receivers' libraries strip. */
export const newSecret = (): string => `whsec_${randomBytes(32).toString('base64')}`;

/** Secrets that still sign at `now` (the current one, plus a rotated one inside its overlap window). */
export const activeSecrets = (secrets: readonly EndpointSecret[], now: number): EndpointSecret[] =>
  secrets.filter((s) => s.expiresAt === undefined || s.expiresAt > now);

/** The three Standard Webhooks headers for one attempt (timestamp = the attempt's time). */
export function signatureHeaders(msgId: string, at: number, body: string, secrets: readonly string[]): Record<string, string> {
  if (secrets.length === 0) throw new Error('an endpoint needs at least one active secret to sign');
  const when = new Date(at);
  return {
    'webhook-id': msgId,
    'webhook-timestamp': String(Math.floor(at / 1000)),
    'webhook-signature': secrets.map((s) => new Webhook(s).sign(msgId, when, body)).join(' '),
  };
}

/** Rotation: a new current secret; the previous ones stop signing after `overlapMs` (expired ones dropped). */
export function rotate(secrets: readonly EndpointSecret[], fresh: string, now: number, overlapMs: number): EndpointSecret[] {
  const kept = activeSecrets(secrets, now).map((s) => ({ ...s, expiresAt: Math.min(s.expiresAt ?? Infinity, now + overlapMs) }));
  return [{ secret: fresh, createdAt: now }, ...kept];
}
