/**
 * NotifyInboxActor: one per uid. The user's in-app notifications (newest first, bounded), the
 * address email goes to (the one on their latest verified token), and which emails were sent, so
 * a redelivered event never mails twice once the first send was recorded.
 */
import type { ActorType } from '../../dapr/ports/actors.js';
import type { Notification } from './notification.types.js';

export const NOTIFY_INBOX_ACTOR = 'NotifyInboxActor';
const ITEMS = 'items';
const CONTACT = 'contact';
const EMAILED = 'emailed';
const MAX_ITEMS = 200;
const MAX_EMAILED = 200;

export interface Contact {
  email?: string;
}

export const notifyInboxActor: ActorType = {
  type: NOTIFY_INBOX_ACTOR,
  methods: {
    /** Idempotent by id: `{added: false}` when it is there already. */
    async add(ctx, n: Notification) {
      const items = (await ctx.state.get<Notification[]>(ITEMS)) ?? [];
      const existing = items.find((i) => i.id === n.id);
      if (existing) return { added: false, item: existing };
      ctx.state.set(ITEMS, [n, ...items].slice(0, MAX_ITEMS));
      return { added: true, item: n };
    },
    async list(ctx, { limit }: { limit: number }) {
      const items = (await ctx.state.get<Notification[]>(ITEMS)) ?? [];
      return { items: items.slice(0, limit), unread: items.filter((i) => i.readAt === undefined).length };
    },
    /** Marks one read (idempotent); null when the user has no such notification. */
    async markRead(ctx, { id }: { id: string }) {
      const items = (await ctx.state.get<Notification[]>(ITEMS)) ?? [];
      const i = items.findIndex((n) => n.id === id);
      if (i < 0) return null;
      if (items[i]!.readAt === undefined) {
        items[i] = { ...items[i]!, readAt: ctx.now() };
        ctx.state.set(ITEMS, items);
      }
      return items[i];
    },
    /** Delete = erase: notifications about an erased interview go too. */
    async removeForInterview(ctx, { interviewId }: { interviewId: string }) {
      const items = (await ctx.state.get<Notification[]>(ITEMS)) ?? [];
      const rest = items.filter((n) => n.interviewId !== interviewId);
      if (rest.length !== items.length) ctx.state.set(ITEMS, rest);
      return items.length - rest.length;
    },
    async setContact(ctx, contact: Contact) {
      const cur = (await ctx.state.get<Contact>(CONTACT)) ?? {};
      if (cur.email !== contact.email) ctx.state.set(CONTACT, contact);
      return null;
    },
    async getContact(ctx) {
      return (await ctx.state.get<Contact>(CONTACT)) ?? {};
    },
    async wasEmailed(ctx, { key }: { key: string }) {
      return ((await ctx.state.get<string[]>(EMAILED)) ?? []).includes(key);
    },
    async markEmailed(ctx, { key }: { key: string }) {
      const keys = (await ctx.state.get<string[]>(EMAILED)) ?? [];
      if (!keys.includes(key)) ctx.state.set(EMAILED, [key, ...keys].slice(0, MAX_EMAILED));
      return null;
    },
  },
};
