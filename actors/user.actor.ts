/**
 * UserActor: one per Firebase uid, holding that user's interviews (newest first) with the summary a
 * list shows, so listing reads one key instead of scanning the store or calling every interview.
 * Turn-based access makes add/remove/putSummary race-free.
 */
import type { ActorType } from '../dapr/ports/actors.js';
import type { InterviewSummary } from './interview.summary.js';

export const USER_ACTOR = 'UserActor';
const KEY = 'interviews';
const SETTINGS = 'settings';
const JOBS = 'jobs';

/** A saved job posting (issue 16), newest first; erased with the account like everything here. */
export interface StoredJob {
  id: string;
  title: string;
  company?: string;
  jobDescription: string;
  createdAt: number;
}

/** Per-user preferences. `analysisModel`: auto | economy | premium | a model id from the model table. */
export interface UserSettings {
  analysisModel?: string;
  /** Email when an interview completes or fails (default on; false = opted out). */
  emailNotifications?: boolean;
}

export interface IndexEntry {
  id: string;
  createdAt: number;
  /** Absent until the interview's first transition (and in entries written before summaries existed). */
  summary?: InterviewSummary;
}

const byNewest = (a: IndexEntry, b: IndexEntry) => b.createdAt - a.createdAt;

export const userActor: ActorType = {
  type: USER_ACTOR,
  methods: {
    async add(ctx, entry: IndexEntry) {
      const items = (await ctx.state.get<IndexEntry[]>(KEY)) ?? [];
      if (!items.some((i) => i.id === entry.id)) ctx.state.set(KEY, [entry, ...items].sort(byNewest));
      return null;
    },
    async remove(ctx, { id }: { id: string }) {
      const items = (await ctx.state.get<IndexEntry[]>(KEY)) ?? [];
      const rest = items.filter((i) => i.id !== id);
      if (rest.length === 0) ctx.state.delete(KEY);
      else if (rest.length !== items.length) ctx.state.set(KEY, rest);
      return null;
    },
    /** Written by the InterviewActor; an older revision (a retried call) never replaces a newer one. */
    async putSummary(ctx, summary: InterviewSummary) {
      const items = (await ctx.state.get<IndexEntry[]>(KEY)) ?? [];
      const at = items.findIndex((i) => i.id === summary.id);
      // The index decides membership: add() runs before the interview exists and remove() after its
      // erase, so a summary for an id not here is a late write for an erased interview.
      if (at < 0) return null;
      const held = items[at]!.summary;
      if (held && held.rev > summary.rev) return null;
      items[at] = { ...items[at]!, summary };
      ctx.state.set(KEY, items);
      return null;
    },
    async list(ctx) {
      return (await ctx.state.get<IndexEntry[]>(KEY)) ?? [];
    },
    async getSettings(ctx) {
      return (await ctx.state.get<UserSettings>(SETTINGS)) ?? {};
    },
    async listJobs(ctx) {
      return (await ctx.state.get<StoredJob[]>(JOBS)) ?? [];
    },
    /** Adds unless `max` jobs are kept already (answers false); the same id twice is one job. */
    async addJob(ctx, { job, max }: { job: StoredJob; max: number }) {
      const jobs = (await ctx.state.get<StoredJob[]>(JOBS)) ?? [];
      if (jobs.some((j) => j.id === job.id)) return true;
      if (jobs.length >= max) return false;
      ctx.state.set(JOBS, [job, ...jobs]);
      return true;
    },
    /** Answers whether the job existed. */
    async removeJob(ctx, { id }: { id: string }) {
      const jobs = (await ctx.state.get<StoredJob[]>(JOBS)) ?? [];
      const rest = jobs.filter((j) => j.id !== id);
      if (rest.length === jobs.length) return false;
      if (rest.length === 0) ctx.state.delete(JOBS);
      else ctx.state.set(JOBS, rest);
      return true;
    },
    async updateSettings(ctx, patch: UserSettings) {
      const next = { ...((await ctx.state.get<UserSettings>(SETTINGS)) ?? {}), ...patch };
      ctx.state.set(SETTINGS, next);
      return next;
    },
  },
};
