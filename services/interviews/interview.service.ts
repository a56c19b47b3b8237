/**
 * The interview use cases behind the REST routes and the tus hooks. Every method takes the caller's
 * uid and answers NotFound for interviews it does not own: no existence oracle.
 */
import { randomUUID } from 'node:crypto';
import type { InterviewClient } from '../../actors/interview.client.js';
import type { DispatchResult, InterviewCommand } from '../../actors/interview.actor.js';
import { type InterviewSummary, summaryOf } from '../../actors/interview.summary.js';
import type { InterviewState } from '../../actors/interview.types.js';
import type { ActorRuntime } from '../../dapr/ports/actors.js';
import { INTERVIEW_ACTOR } from '../../actors/interview.actor.js';
import { LIVE_SESSION_ACTOR } from '../live/live-session.types.js';
import { type Artifacts, artifactKeys } from '../shared/artifacts.js';
import { AppError } from '../shared/errors.js';
import type { Logger } from '../shared/logger.js';
import { parseTranscriptFile } from '../transcripts/parse.js';
import type { Transcript } from '../transcripts/transcript.js';
import type { UploadStore } from '../upload/upload.store.js';
import type { UserSettings } from '../../actors/user.actor.js';
import type { AiCache } from '../ai/index.js';

export class NotFoundError extends AppError {
  constructor() {
    super('not_found', 'no such interview', 404);
  }
}

export interface CreateInterviewInput {
  title: string;
  role?: string;
  company?: string;
  prepNotes?: string;
  jobDescription?: string;
  /** `live`: a live practice session records it (absent: a file upload). */
  source?: 'upload' | 'live';
}

export interface UpdateInterviewInput {
  title?: string;
  role?: string;
  company?: string;
  prepNotes?: string;
  /** "" removes it. */
  jobDescription?: string;
  candidateSpeaker?: string;
}

export interface ReanalyzeInput {
  prepNotes?: string;
  jobDescription?: string;
  candidateSpeaker?: string;
  aiPreference?: string;
}

export interface InterviewServiceDeps {
  interviews: InterviewClient;
  actors: ActorRuntime;
  artifacts: Artifacts;
  uploads: UploadStore;
  log: Logger;
  /** LLM outputs quote transcripts, so erasing an interview erases its cache entries too. */
  aiCache?: AiCache;
}

/** Statuses in which a (new) recording may be uploaded. */
const UPLOADABLE = new Set(['created', 'uploading', 'failed']);

export class InterviewService {
  constructor(private readonly d: InterviewServiceDeps) {}

  async create(uid: string, input: CreateInterviewInput): Promise<InterviewState> {
    const id = randomUUID();
    const now = Date.now();
    // Index first: a crash between the two leaves an id that list() skips, never an unlisted interview.
    await this.d.interviews.index(uid).add({ id, createdAt: now });
    const res = await this.d.interviews.dispatch(id, { type: 'create', eventId: `create:${id}`, id, ownerUid: uid, ...input });
    return expectState(res);
  }

  /** Newest first, from the user's index alone (one actor call) once every entry has its summary. */
  async list(uid: string): Promise<InterviewSummary[]> {
    const entries = await this.d.interviews.index(uid).list();
    const summaries = await Promise.all(entries.map(async (e) => e.summary ?? this.backfill(uid, e.id)));
    return summaries.filter((s): s is InterviewSummary => s !== null && s.status !== 'deleted');
  }

  /** An entry written before summaries existed (or whose create never ran): read the interview once. */
  private async backfill(uid: string, id: string): Promise<InterviewSummary | null> {
    const s = await this.d.interviews.getOwned(id, uid);
    if (!s) return null;
    const summary = summaryOf(s);
    await this.d.interviews.index(uid).putSummary(summary);
    return summary;
  }

  async get(uid: string, id: string): Promise<InterviewState> {
    const s = await this.d.interviews.getOwned(id, uid);
    if (!s) throw new NotFoundError();
    return s;
  }

  async transcript(uid: string, id: string): Promise<Transcript> {
    const s = await this.get(uid, id);
    if (!s.transcript) throw new AppError('not_ready', `the transcript is not ready (status: ${s.status})`, 409);
    return this.d.artifacts.get<Transcript>(s.transcript.key);
  }

  async report(uid: string, id: string): Promise<unknown> {
    const s = await this.get(uid, id);
    if (s.status !== 'completed' || !s.report) throw new AppError('not_ready', `the report is not ready (status: ${s.status})`, 409);
    return this.d.artifacts.get(s.report.key);
  }

  /** Stores an imported transcript (any format parseTranscriptFile reads, timed or not) and moves the interview straight to analysis. */
  async importTranscript(uid: string, id: string, text: string, filename?: string): Promise<InterviewState> {
    await this.get(uid, id);
    const transcript = parseTranscriptFile(text, filename);
    const key = artifactKeys.transcript(id, 'import');
    await this.d.artifacts.put(key, transcript);
    const res = await this.d.interviews.dispatch(id, {
      type: 'transcriptImported',
      eventId: `import:${randomUUID()}`,
      key,
      durationSec: transcript.durationSec,
    });
    return expectState(res);
  }

  /** Edits the interview; a new candidate speaker or job description on a finished interview re-runs the analysis. */
  async update(uid: string, id: string, patch: UpdateInterviewInput): Promise<InterviewState> {
    const before = await this.get(uid, id);
    let state = expectState(await this.d.interviews.dispatch(id, { type: 'update', eventId: `update:${randomUUID()}`, ...patch }));
    const finished = before.status === 'completed' || before.status === 'failed';
    const jobChanged = patch.jobDescription !== undefined && patch.jobDescription !== (before.jobDescription ?? '');
    if ((patch.candidateSpeaker !== undefined || jobChanged) && finished && before.transcript) {
      state = await this.reanalyze(uid, id, {
        ...(patch.candidateSpeaker !== undefined && { candidateSpeaker: patch.candidateSpeaker }),
        ...(jobChanged && { jobDescription: patch.jobDescription }),
      });
    }
    return state;
  }

  /** Analyses the existing transcript again (new model, prep notes or candidate); never re-transcribes. */
  async reanalyze(uid: string, id: string, input: ReanalyzeInput): Promise<InterviewState> {
    await this.get(uid, id);
    const res = await this.d.interviews.dispatch(id, { type: 'reanalyze', eventId: `reanalyze:${randomUUID()}`, ...input });
    if (res.outcome === 'rejected') {
      throw new AppError('reanalyze_not_possible', 'only a completed or failed interview with a transcript can be analysed again', 409);
    }
    return res.state;
  }

  /** Each headline metric across the user's completed interviews, oldest first. */
  async trends(uid: string): Promise<Record<string, { id: string; title: string; createdAt: string; value: number }[]>> {
    const done = (await this.list(uid)).filter((s) => s.status === 'completed' && s.headline).reverse();
    const series: Record<string, { id: string; title: string; createdAt: string; value: number }[]> = {};
    for (const s of done) {
      for (const [metric, value] of Object.entries(s.headline!)) {
        (series[metric] ??= []).push({ id: s.id, title: s.title, createdAt: new Date(s.createdAt).toISOString(), value });
      }
    }
    return series;
  }

  settings(uid: string) {
    return this.d.interviews.index(uid).settings();
  }

  updateSettings(uid: string, patch: UserSettings) {
    return this.d.interviews.index(uid).updateSettings(patch);
  }

  /** Refuses a tus upload for an interview the caller does not own or that is past uploading. */
  async checkUploadAllowed(uid: string, id: string): Promise<InterviewState> {
    const s = await this.get(uid, id);
    if (!UPLOADABLE.has(s.status)) {
      throw new AppError('upload_not_allowed', `this interview already has a recording (status: ${s.status})`, 409);
    }
    return s;
  }

  dispatch(id: string, command: InterviewCommand): Promise<DispatchResult> {
    return this.d.interviews.dispatch(id, command);
  }

  /**
   * Delete = erase: mark deleted (so every route answers 404 at once), then remove artifacts,
   * uploads, actor state and reminders, and the index entry. Idempotent, so the
   * `interview.deleted` subscriber can finish an erase that a crash interrupted.
   */
  async erase(uid: string, id: string): Promise<void> {
    const s = await this.d.interviews.get(id);
    if (!s || s.ownerUid !== uid) throw new NotFoundError();
    if (s.status !== 'deleted') await this.d.interviews.dispatch(id, { type: 'delete', eventId: `delete:${id}` });
    await this.finishErase(uid, id);
  }

  async finishErase(uid: string, id: string): Promise<void> {
    if (this.d.aiCache) {
      for (const source of ['media', 'import'] as const) {
        const t = await this.d.artifacts.get<Transcript>(artifactKeys.transcript(id, source)).catch(() => undefined);
        if (t) await this.d.aiCache.eraseTranscript(t.text);
      }
    }
    await this.d.artifacts.removePrefix(artifactKeys.prefix(id));
    // A live session's actor holds the owner and the questions: erased with the interview.
    if ((await this.d.interviews.get(id))?.source === 'live') await this.d.actors.purge(LIVE_SESSION_ACTOR, id);
    await this.d.uploads.removeForInterview(id);
    await this.d.actors.purge(INTERVIEW_ACTOR, id);
    await this.d.interviews.index(uid).remove(id);
    this.d.log.info({ interviewId: id }, 'interview erased');
  }
}

function expectState(res: DispatchResult): InterviewState {
  if (res.outcome === 'rejected') throw new AppError(res.error.code, res.error.message, 409);
  return res.state;
}
