/**
 * WebhookDeliveryActor: one per delivery (id = the `webhook-id`). Its durable reminder `attempt`
 * drives at-least-once delivery with the retry schedule, so a restart (or a crash mid-request)
 * resumes where it was: the reminder is still in the store and fires again, with the same id and
 * body. Each attempt is signed afresh (new timestamp, the endpoint's current secrets).
 * The HTTP call runs inside this actor's turn: it holds only this one delivery.
 */
import type { ActorContext, ActorType } from '../../dapr/ports/actors.js';
import { summarize } from './delivery.summary.js';
import { redactedBody } from './payload.js';
import type { Sender } from './http.sender.js';
import { type AttemptContext, WEBHOOK_OWNER_ACTOR } from './owner.actor.js';
import { nextRetryDelay } from './retry-schedule.js';
import { signatureHeaders } from './signing.js';
import type { AttemptRecord, DeliveryRecord, WebhookMessage } from './webhook.types.js';

export const WEBHOOK_DELIVERY_ACTOR = 'WebhookDeliveryActor';
const KEY = 'delivery';
const ATTEMPT = 'attempt';
const EXPIRE = 'expire';

export interface DeliveryPolicy {
  /** Delays after the 1st, 2nd, … failed attempt of a cycle. */
  scheduleMs: readonly number[];
  /** How long a finished delivery stays readable. */
  retentionMs: number;
}

export interface StartDelivery {
  ownerUid: string;
  endpointId: string;
  message: WebhookMessage;
}

export function webhookDeliveryActor(policy: DeliveryPolicy, send: Sender): ActorType {
  const owner = (ctx: ActorContext, d: DeliveryRecord) => ({
    context: () => ctx.actors.invoke<AttemptContext | null>(WEBHOOK_OWNER_ACTOR, d.ownerUid, 'attemptContext', { endpointId: d.endpointId }),
    record: (attempted?: { ok: boolean; at: number }) =>
      ctx.actors.invoke<{ disabled: boolean }>(WEBHOOK_OWNER_ACTOR, d.ownerUid, 'recordResult', {
        endpointId: d.endpointId,
        summary: summarize(d),
        ...(attempted && { attempted }),
      }),
  });

  function finish(ctx: ActorContext, d: DeliveryRecord, status: DeliveryRecord['status'], reason?: string): void {
    d.status = status;
    delete d.nextAttemptAt;
    if (reason) d.reason = reason;
    ctx.registerReminder(EXPIRE, { dueTimeMs: policy.retentionMs });
  }

  async function attempt(ctx: ActorContext): Promise<void> {
    const d = await ctx.state.get<DeliveryRecord>(KEY);
    if (!d || d.status !== 'pending') return;
    const target = await owner(ctx, d).context();
    if (!target) {
      finish(ctx, d, 'cancelled', 'endpoint_deleted');
      ctx.state.set(KEY, d);
      return; // the endpoint and its log are gone: nothing to report to
    }
    if (!target.enabled) {
      finish(ctx, d, 'cancelled', 'endpoint_disabled');
      ctx.state.set(KEY, d);
      await owner(ctx, d).record();
      return;
    }
    const at = ctx.now();
    const result = await send(target.url, signatureHeaders(d.id, at, d.body, target.secrets), d.body);
    const record: AttemptRecord = {
      at,
      ok: result.ok,
      latencyMs: result.latencyMs,
      ...(result.responseCode !== undefined && { responseCode: result.responseCode }),
      ...(result.error !== undefined && { error: result.error }),
    };
    d.attempts = [...d.attempts, record];
    d.updatedAt = ctx.now();
    if (result.ok) finish(ctx, d, 'succeeded');
    else {
      const delay = nextRetryDelay(d.attempts.length - d.cycleStart, policy.scheduleMs);
      if (delay === undefined) finish(ctx, d, 'failed', 'retries_exhausted');
      else {
        d.nextAttemptAt = ctx.now() + delay;
        ctx.registerReminder(ATTEMPT, { dueTimeMs: delay });
      }
    }
    ctx.state.set(KEY, d);
    const { disabled } = await owner(ctx, d).record({ ok: result.ok, at });
    if (disabled && d.status === 'pending') {
      finish(ctx, d, 'cancelled', 'endpoint_disabled');
      ctx.unregisterReminder(ATTEMPT);
      ctx.state.set(KEY, d);
      await owner(ctx, d).record();
    }
  }

  return {
    type: WEBHOOK_DELIVERY_ACTOR,
    methods: {
      /** Idempotent: a delivery that exists already is returned unchanged. */
      async start(ctx, { ownerUid, endpointId, message }: StartDelivery) {
        const existing = await ctx.state.get<DeliveryRecord>(KEY);
        if (existing) return existing;
        const now = ctx.now();
        const d: DeliveryRecord = {
          id: ctx.id, ownerUid, endpointId, eventType: message.type, body: message.body,
          status: 'pending', createdAt: now, updatedAt: now, attempts: [], cycleStart: 0, nextAttemptAt: now,
        };
        ctx.state.set(KEY, d);
        ctx.registerReminder(ATTEMPT, { dueTimeMs: 0 });
        return d;
      },
      async get(ctx) {
        return (await ctx.state.get<DeliveryRecord>(KEY)) ?? null;
      },
      /**
       * The interview was erased: keep id, status and attempts for the log, drop the content (title,
       * metrics, error text) from the body; a delivery still pending is cancelled, not sent later.
       * Idempotent; `interview.deleted` itself carries nothing to drop and is left alone.
       */
      async redactInterview(ctx, { interviewId }: { interviewId: string }) {
        const d = await ctx.state.get<DeliveryRecord>(KEY);
        if (!d || d.eventType === 'interview.deleted') return false;
        const erased = redactedBody(d.body, interviewId);
        if (erased === null) return false;
        d.body = erased;
        d.updatedAt = ctx.now();
        if (d.status === 'pending') {
          ctx.unregisterReminder(ATTEMPT);
          finish(ctx, d, 'cancelled', 'interview_erased');
        }
        ctx.state.set(KEY, d);
        await owner(ctx, d).record();
        return true;
      },
      /** Manual redelivery: a new retry cycle, same id and body. A pending delivery is left as it is. */
      async redeliver(ctx) {
        const d = await ctx.state.get<DeliveryRecord>(KEY);
        if (!d || d.status === 'pending') return d ?? null;
        const { reason: _r, ...rest } = d;
        const next: DeliveryRecord = { ...rest, status: 'pending', cycleStart: d.attempts.length, nextAttemptAt: ctx.now(), updatedAt: ctx.now() };
        ctx.state.set(KEY, next);
        ctx.unregisterReminder(EXPIRE);
        ctx.registerReminder(ATTEMPT, { dueTimeMs: 0 });
        await owner(ctx, next).record();
        return next;
      },
    },
    async onReminder(ctx, name) {
      if (name === ATTEMPT) await attempt(ctx);
      else if (name === EXPIRE) ctx.state.delete(KEY);
    },
  };
}
