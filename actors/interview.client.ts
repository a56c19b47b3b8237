/** Typed callers' view of the interview and user actors (no untyped proxies). */
import type { ActorClient } from '../dapr/ports/actors.js';
import { type DispatchResult, INTERVIEW_ACTOR, type InterviewCommand } from './interview.actor.js';
import type { InterviewSummary } from './interview.summary.js';
import type { InterviewState } from './interview.types.js';
import { type IndexEntry, type StoredJob, USER_ACTOR, type UserSettings } from './user.actor.js';

export class InterviewClient {
  constructor(private readonly actors: ActorClient) {}

  dispatch(id: string, command: InterviewCommand): Promise<DispatchResult> {
    return this.actors.invoke<DispatchResult>(INTERVIEW_ACTOR, id, 'dispatch', command);
  }

  get(id: string): Promise<InterviewState | null> {
    return this.actors.invoke<InterviewState | null>(INTERVIEW_ACTOR, id, 'get');
  }

  /** The interview if `uid` owns it and it is not deleted; otherwise null (callers answer 404). */
  async getOwned(id: string, uid: string): Promise<InterviewState | null> {
    const s = await this.get(id);
    return s && s.ownerUid === uid && s.status !== 'deleted' ? s : null;
  }

  index(uid: string) {
    return {
      add: (entry: IndexEntry) => this.actors.invoke(USER_ACTOR, uid, 'add', entry),
      remove: (id: string) => this.actors.invoke(USER_ACTOR, uid, 'remove', { id }),
      list: () => this.actors.invoke<IndexEntry[]>(USER_ACTOR, uid, 'list'),
      putSummary: (summary: InterviewSummary) => this.actors.invoke(USER_ACTOR, uid, 'putSummary', summary),
      settings: () => this.actors.invoke<UserSettings>(USER_ACTOR, uid, 'getSettings'),
      updateSettings: (patch: UserSettings) => this.actors.invoke<UserSettings>(USER_ACTOR, uid, 'updateSettings', patch),
      jobs: () => this.actors.invoke<StoredJob[]>(USER_ACTOR, uid, 'listJobs'),
      addJob: (job: StoredJob, max: number) => this.actors.invoke<boolean>(USER_ACTOR, uid, 'addJob', { job, max }),
      removeJob: (id: string) => this.actors.invoke<boolean>(USER_ACTOR, uid, 'removeJob', { id }),
    };
  }
}
