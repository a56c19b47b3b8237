/**
 * UserActor: one per Firebase uid, holding that user's interview ids (newest first), so listing
 * reads one key instead of scanning the store. Turn-based access makes add/remove race-free.
 */
import type { ActorType } from '../dapr/ports/actors.js';

export const USER_ACTOR = 'UserActor';
const KEY = 'interviews';
const SETTINGS = 'settings';

/** Per-user preferences. `analysisModel`: auto | economy | premium | a model id from the model table. */
export interface UserSettings {
  analysisModel?: string;
  /** Email when an interview completes or fails (default on; false = opted out). */
  emailNotifications?: boolean;
}

export interface IndexEntry {
  id: string;
  createdAt: number;
}

export const userActor: ActorType = {
  type: USER_ACTOR,
  methods: {
    async add(ctx, entry: IndexEntry) {
      const items = (await ctx.state.get<IndexEntry[]>(KEY)) ?? [];
      if (!items.some((i) => i.id === entry.id)) ctx.state.set(KEY, [entry, ...items].sort((a, b) => b.createdAt - a.createdAt));
      return null;
    },
    async remove(ctx, { id }: { id: string }) {
      const items = (await ctx.state.get<IndexEntry[]>(KEY)) ?? [];
      const rest = items.filter((i) => i.id !== id);
      if (rest.length === 0) ctx.state.delete(KEY);
      else if (rest.length !== items.length) ctx.state.set(KEY, rest);
      return null;
    },
    async list(ctx) {
      return (await ctx.state.get<IndexEntry[]>(KEY)) ?? [];
    },
    async getSettings(ctx) {
      return (await ctx.state.get<UserSettings>(SETTINGS)) ?? {};
    },
    async updateSettings(ctx, patch: UserSettings) {
      const next = { ...((await ctx.state.get<UserSettings>(SETTINGS)) ?? {}), ...patch };
      ctx.state.set(SETTINGS, next);
      return next;
    },
  },
};
