/**
 * People's notifications: lifecycle events (completed, failed) and disabled webhook endpoints become
 * an in-app notification (pushed to the owner's socket room) and, unless the user opted out, an
 * email through the `smtp` binding. Handlers are idempotent: ids derive from the event id, and an
 * email is recorded as sent, so pub/sub redelivery neither duplicates items nor re-mails.
 */
import type { InterviewClient } from '../../actors/interview.client.js';
import type { ActorClient } from '../../dapr/ports/actors.js';
import type { CloudEvent, HandlerStatus } from '../../dapr/ports/pubsub.js';
import type { Logger } from '../shared/logger.js';
import type { EndpointDisabledEvent } from '../webhooks/owner.actor.js';
import type { LifecycleData } from '../webhooks/payload.js';
import type { EmailSender } from './email.sender.js';
import { type EmailModel, renderEmail } from './email.templates.js';
import { type Contact, NOTIFY_INBOX_ACTOR } from './inbox.actor.js';
import { type Notification, notificationView, type NotificationView } from './notification.types.js';

export interface NotificationDeps {
  actors: ActorClient;
  interviews: InterviewClient;
  /** Absent when no SMTP server is configured: in-app only. */
  email?: EmailSender;
  push: (uid: string, n: NotificationView) => void;
  /** Where the web app lives, for links in emails. */
  publicBaseUrl: string;
  log: Logger;
}

export class NotificationService {
  constructor(private readonly d: NotificationDeps) {}

  private inbox(uid: string) {
    const call = <T>(method: string, payload?: unknown) => this.d.actors.invoke<T>(NOTIFY_INBOX_ACTOR, uid, method, payload);
    return {
      add: (n: Notification) => call<{ added: boolean; item: Notification }>('add', n),
      list: (limit: number) => call<{ items: Notification[]; unread: number }>('list', { limit }),
      markRead: (id: string) => call<Notification | null>('markRead', { id }),
      contact: () => call<Contact>('getContact'),
      setContact: (c: Contact) => call<null>('setContact', c),
      wasEmailed: (key: string) => call<boolean>('wasEmailed', { key }),
      markEmailed: (key: string) => call<null>('markEmailed', { key }),
    };
  }

  async list(uid: string, limit = 50): Promise<{ items: NotificationView[]; unread: number }> {
    const r = await this.inbox(uid).list(limit);
    return { items: r.items.map(notificationView), unread: r.unread };
  }

  /** The notification, read; null when this user has none with that id (the route answers 404). */
  async markRead(uid: string, id: string): Promise<NotificationView | null> {
    const n = await this.inbox(uid).markRead(id);
    return n ? notificationView(n) : null;
  }

  /** Remembers where email goes: the address on the user's latest verified token. */
  rememberContact(uid: string, email: string | undefined): Promise<unknown> {
    return this.inbox(uid).setContact(email ? { email } : {});
  }

  async preferences(uid: string): Promise<{ email: boolean }> {
    return { email: (await this.d.interviews.index(uid).settings()).emailNotifications !== false };
  }

  async setPreferences(uid: string, prefs: { email: boolean }): Promise<{ email: boolean }> {
    const s = await this.d.interviews.index(uid).updateSettings({ emailNotifications: prefs.email });
    return { email: s.emailNotifications !== false };
  }

  /** Subscriber for `interview.completed` / `interview.failed`. */
  async onLifecycle(event: CloudEvent<LifecycleData>): Promise<HandlerStatus> {
    const d = event.data;
    if (!d?.id || !d.ownerUid) return 'DROP';
    const kind = event.topic === 'interview.completed' ? 'interview.completed' : event.topic === 'interview.failed' ? 'interview.failed' : null;
    if (!kind) return 'SUCCESS';
    const state = await this.d.interviews.get(d.id);
    if (!state || state.status === 'deleted') return 'SUCCESS'; // erased meanwhile: tell nobody about it
    const title = state.title;
    const interviewUrl = `${this.d.publicBaseUrl}/interviews/${d.id}`;
    const reason = d.error?.message ?? 'an unknown error';
    const n: Notification = {
      id: `${kind}:${event.id}`,
      kind,
      title: kind === 'interview.completed' ? 'Your feedback is ready' : 'We could not finish your interview',
      body: kind === 'interview.completed' ? `"${title}" has been analysed.` : `"${title}": ${reason}`,
      interviewId: d.id,
      createdAt: Date.parse(event.time) || Date.now(),
    };
    const model: EmailModel =
      kind === 'interview.completed'
        ? { kind, title, interviewUrl, ...(state.durationSec !== undefined && { durationSec: state.durationSec }) }
        : { kind, title, interviewUrl, reason };
    await this.deliver(d.ownerUid, n, model);
    return 'SUCCESS';
  }

  /** Subscriber for `interview.deleted`: erase the user's notifications about it. */
  async onDeleted(event: CloudEvent<LifecycleData>): Promise<HandlerStatus> {
    const d = event.data;
    if (!d?.id || !d.ownerUid) return 'DROP';
    await this.d.actors.invoke(NOTIFY_INBOX_ACTOR, d.ownerUid, 'removeForInterview', { interviewId: d.id });
    return 'SUCCESS';
  }

  /** Subscriber for `webhook.endpoint_disabled`: the owner is told in-app and by email. */
  async onEndpointDisabled(event: CloudEvent<EndpointDisabledEvent>): Promise<HandlerStatus> {
    const e = event.data;
    if (!e?.ownerUid || !e.endpointId) return 'DROP';
    const failingSinceIso = new Date(e.failingSince).toISOString();
    const n: Notification = {
      id: `webhook.disabled:${event.id}`,
      kind: 'webhook.disabled',
      title: 'A webhook endpoint was disabled',
      body: `Deliveries to ${e.url} have failed since ${failingSinceIso}.`,
      webhookId: e.endpointId,
      createdAt: Date.parse(event.time) || Date.now(),
    };
    await this.deliver(e.ownerUid, n, { kind: 'webhook.disabled', url: e.url, failingSinceIso, settingsUrl: `${this.d.publicBaseUrl}/settings/webhooks` });
    return 'SUCCESS';
  }

  private async deliver(uid: string, n: Notification, model: EmailModel): Promise<void> {
    const inbox = this.inbox(uid);
    const { added, item } = await inbox.add(n);
    if (added) this.d.push(uid, notificationView(item));
    if (!this.d.email) return;
    if ((await this.d.interviews.index(uid).settings()).emailNotifications === false) return;
    const { email } = await inbox.contact();
    if (!email) {
      this.d.log.info({ uid, notification: n.id }, 'no email address known for the user; email skipped');
      return;
    }
    if (await inbox.wasEmailed(n.id)) return;
    await this.d.email(email, renderEmail(model), n.id);
    await inbox.markEmailed(n.id);
    this.d.log.info({ notification: n.id, kind: n.kind }, 'notification email sent');
  }
}
