/**
 * "Delete all my data": every interview (media, transcripts, reports, AI cache), every webhook with
 * its delivery records, the in-app inbox, settings and the interview index. The Firebase account
 * itself stays, so the user can keep signing in to an empty account.
 */
import type { ActorRuntime } from '../../dapr/ports/actors.js';
import { USER_ACTOR } from '../../actors/user.actor.js';
import type { InterviewService } from '../interviews/interview.service.js';
import type { Logger } from '../shared/logger.js';
import { NOTIFY_INBOX_ACTOR } from '../notify/inbox.actor.js';
import { WEBHOOK_DELIVERY_ACTOR } from '../webhooks/delivery.actor.js';
import { WEBHOOK_OWNER_ACTOR } from '../webhooks/owner.actor.js';
import type { WebhookService } from '../webhooks/webhook.service.js';

export interface EraseAccountDeps {
  interviews: InterviewService;
  webhooks: WebhookService;
  actors: ActorRuntime;
  log: Logger;
}

/** Idempotent: a retry after a crash finishes what the first attempt left. */
export async function eraseAccount(uid: string, d: EraseAccountDeps): Promise<{ interviews: number; webhooks: number }> {
  const interviews = await d.interviews.list(uid);
  for (const s of interviews) await d.interviews.erase(uid, s.id);
  const endpoints = await d.webhooks.list(uid);
  for (const e of endpoints) {
    for (const delivery of await d.webhooks.deliveries(uid, e.id, 500)) await d.actors.purge(WEBHOOK_DELIVERY_ACTOR, delivery.id);
    await d.webhooks.remove(uid, e.id);
  }
  for (const type of [WEBHOOK_OWNER_ACTOR, NOTIFY_INBOX_ACTOR, USER_ACTOR]) await d.actors.purge(type, uid);
  d.log.info({ uid, interviews: interviews.length, webhooks: endpoints.length }, 'account data erased');
  return { interviews: interviews.length, webhooks: endpoints.length };
}
