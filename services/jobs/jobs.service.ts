/**
 * Job-description use cases behind /api/v1/jobs and /api/v1/question-sets: saved jobs per user
 * (kept in the UserActor, erased with the account) and question sets built from a posting and,
 * when an interview is named, from its report. Every interview is read through InterviewService,
 * so another user's interview answers 404 exactly as it does elsewhere.
 */
import { randomUUID } from 'node:crypto';
import type { InterviewClient } from '../../actors/interview.client.js';
import type { StoredJob } from '../../actors/user.actor.js';
import type { AiCache, AiProviders } from '../ai/index.js';
import { judgeCoverage } from '../analysis/job/coverage.js';
import { extractCompetencies } from '../analysis/job/extract.js';
import { type QuestionSet, SAVED_JOBS_MAX, type SavedJob, type SavedJobInput } from '../analysis/job/job.contract.js';
import { buildQuestionSet } from '../analysis/job/question-set.js';
import { rephraseQuestionSet } from '../analysis/job/question-set-ai.js';
import type { Report } from '../analysis/report.schema.js';
import type { InterviewService } from '../interviews/interview.service.js';
import { AppError } from '../shared/errors.js';

export class JobNotFoundError extends AppError {
  constructor() {
    super('not_found', 'no such saved job', 404);
  }
}

const view = (j: StoredJob): SavedJob => ({
  id: j.id,
  title: j.title,
  ...(j.company !== undefined && { company: j.company }),
  jobDescription: j.jobDescription,
  createdAt: new Date(j.createdAt).toISOString(),
});

export class JobsService {
  /** `ai`: when a provider is configured, question sets are reworded for the job (offline otherwise). */
  constructor(private readonly d: { interviews: InterviewService; client: InterviewClient; ai?: { providers: AiProviders; cache: AiCache } }) {}

  async list(uid: string): Promise<SavedJob[]> {
    return (await this.d.client.index(uid).jobs()).map(view);
  }

  async save(uid: string, input: SavedJobInput): Promise<SavedJob> {
    const job: StoredJob = { id: randomUUID(), title: input.title, ...(input.company && { company: input.company }), jobDescription: input.jobDescription, createdAt: Date.now() };
    if (!(await this.d.client.index(uid).addJob(job, SAVED_JOBS_MAX))) {
      throw new AppError('too_many_jobs', `you can keep ${SAVED_JOBS_MAX} saved jobs; delete one first`, 409);
    }
    return view(job);
  }

  async get(uid: string, id: string): Promise<SavedJob> {
    const job = (await this.d.client.index(uid).jobs()).find((j) => j.id === id);
    if (!job) throw new JobNotFoundError();
    return view(job);
  }

  async remove(uid: string, id: string): Promise<void> {
    if (!(await this.d.client.index(uid).removeJob(id))) throw new JobNotFoundError();
  }

  /** A body's job description wins over the interview's; the interview's report decides missed-first and follow-ups. */
  async questionSet(uid: string, body: { jobDescription?: string; interviewId?: string; count?: number }): Promise<QuestionSet> {
    const notes: string[] = [];
    let jobDescription = body.jobDescription;
    let report: Report | undefined;
    if (body.interviewId !== undefined) {
      const interview = await this.d.interviews.get(uid, body.interviewId);
      jobDescription ??= interview.jobDescription || undefined;
      if (interview.status === 'completed' && interview.report) report = (await this.d.interviews.report(uid, interview.id)) as Report;
      else notes.push(`The interview has no report yet (status: ${interview.status}), so the questions follow the job description alone.`);
    }
    if (jobDescription === undefined || jobDescription.trim() === '') {
      throw new AppError('no_job_description', 'the interview has no job description: add one (PATCH /api/v1/interviews/{id}) or send jobDescription', 409);
    }
    const extraction = extractCompetencies(jobDescription);
    notes.push(...extraction.notes);
    const judged = report ? judgeCoverage(extraction.competencies, report.answers).competencies : extraction.competencies;
    const set = buildQuestionSet({
      competencies: judged,
      ...(report && { answers: report.answers }),
      ...(body.count !== undefined && { count: body.count }),
      notes,
    });
    const ai = this.d.ai;
    if (!ai || Object.keys(ai.providers.clients).length === 0) return set;
    return rephraseQuestionSet(set, jobDescription, { providers: ai.providers, cache: ai.cache, preference: 'auto' });
  }
}
