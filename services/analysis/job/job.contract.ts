/**
 * The job-description contract (issue 16), in one place for the API, the report and the web app:
 * the `jobDescription` request field and its checks, the report's `job` section, question sets and
 * saved jobs. Competency ids are the ids of the team's vocabulary (data/competencies.json).
 */
import { z } from 'zod';
import { AiUsageSchema } from '../../ai/ai.schema.js';
import { AppError } from '../../shared/errors.js';
import { JOB_DESCRIPTION_MAX_CHARS } from '../../contract/limits.js';
import { QUESTION_KINDS } from '../questions/kind.js';

export { JOB_DESCRIPTION_MAX_CHARS };

export const COMPETENCY_KINDS = ['skill', 'responsibility', 'behaviour'] as const;
export const COVERAGE_STATUSES = ['covered', 'partial', 'missed'] as const;
export type CompetencyKind = (typeof COMPETENCY_KINDS)[number];
export type CoverageStatus = (typeof COVERAGE_STATUSES)[number];

/**
 * "Has a character other than whitespace", spelled out as JavaScript's String.prototype.trim set
 * rather than `\S`: Python's `\s` (Schemathesis, other clients reading the OpenAPI document)
 * differs on U+001C–U+001F, U+0085 and U+FEFF. A required text field that is only whitespace is
 * refused (400) by validation and by the document's `pattern` alike.
 */
export const NOT_BLANK = /[^\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/;

/** The request field (POST/PATCH interviews, reanalyze, question sets, saved jobs). */
export const jobDescriptionField = z
  .string()
  .max(JOB_DESCRIPTION_MAX_CHARS)
  .describe(`Plain text of the job posting, up to ${JOB_DESCRIPTION_MAX_CHARS} characters (longer: 413 job_description_too_large; blank, or no letters at all: 422 invalid_job_description)`);

/**
 * Checks `body.jobDescription` before zod does, so each bad input gets its own clear code:
 * missing when required or not a string (what the schema says) → 400 `invalid_job_description`;
 * a string the schema allows but that is no posting: empty unless `allowEmpty` (PATCH: "" removes
 * it), no letters at all (binary junk, only digits) → 422 `invalid_job_description`;
 * too long → 413 `job_description_too_large`.
 * Another language is not an error: the extraction adds a note instead (see extract.ts).
 */
export function checkJobDescription(body: unknown, opts: { required?: boolean; allowEmpty?: boolean } = {}): void {
  const value = body !== null && typeof body === 'object' ? (body as Record<string, unknown>).jobDescription : undefined;
  if (value === undefined) {
    if (opts.required) throw new AppError('invalid_job_description', 'jobDescription is required: paste the text of the job posting', 400);
    return;
  }
  if (typeof value !== 'string') {
    throw new AppError('invalid_job_description', 'jobDescription must be plain text (a JSON string with the posting)', 400);
  }
  if (value.length > JOB_DESCRIPTION_MAX_CHARS) {
    throw new AppError(
      'job_description_too_large',
      `the job description has ${value.length.toLocaleString('en')} characters; the limit is ${JOB_DESCRIPTION_MAX_CHARS.toLocaleString('en')}: paste the role's description, responsibilities and requirements only`,
      413,
    );
  }
  if (value.trim() === '') {
    if (opts.allowEmpty) return;
    throw new AppError('invalid_job_description', 'jobDescription is empty: paste the text of the job posting (or leave the field out)', 422);
  }
  // Control characters other than tab/newline mean a binary file was pasted or sent as text.
  // eslint-disable-next-line no-control-regex
  const control = (value.match(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFD]/gu) ?? []).length;
  if (!/\p{L}/u.test(value) || control > Math.max(2, value.length * 0.01)) {
    throw new AppError('invalid_job_description', 'jobDescription does not look like text: paste the words of the job posting, not a file', 422);
  }
}

// ---- the report's `job` section -------------------------------------------------------------

export const JobCompetencySchema = z.strictObject({
  id: z.string().min(1).describe('Vocabulary id (services/analysis/job/data/competencies.json)'),
  name: z.string().min(1),
  kind: z.enum(COMPETENCY_KINDS),
  source: z.string().min(1).describe('The sentence of the job description it came from, verbatim'),
  status: z.enum(COVERAGE_STATUSES),
  evidence: z.string().min(1).optional().describe("The candidate's sentence that shows it, verbatim from the transcript; absent when missed"),
  answers: z.array(z.int().nonnegative()).optional().describe('Indexes (0-based) into `answers` of the answers that show it'),
});

export const JobSectionSchema = z.strictObject({
  competencies: z.array(JobCompetencySchema).describe('In order of importance: most mentioned in the posting first, then first mentioned'),
  coverage: z.number().min(0).max(1).describe('(covered + ½ · partial) ÷ competencies; 0 when the posting named none'),
  notes: z.array(z.string()).optional().describe('Caveats: another language, no competency recognised'),
});

export type JobCompetency = z.infer<typeof JobCompetencySchema>;
export type JobSection = z.infer<typeof JobSectionSchema>;

// ---- question sets ---------------------------------------------------------------------------

export const QUESTION_SET_DEFAULT_COUNT = 8;
export const QUESTION_SET_MIN_COUNT = 5;
export const QUESTION_SET_MAX_COUNT = 20;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const questionSetBody = z
  .strictObject({
    jobDescription: jobDescriptionField.optional().describe('The posting; when an interviewId is also given, this one wins'),
    interviewId: z.string().regex(UUID, 'an interview id').optional().describe("One of the caller's interviews: its job description, and its report's missed competencies first"),
    count: z.int().min(QUESTION_SET_MIN_COUNT).max(QUESTION_SET_MAX_COUNT).optional().describe(`Questions wanted (default ${QUESTION_SET_DEFAULT_COUNT}); follow-ups come on top`),
  })
  .refine((b) => b.jobDescription !== undefined || b.interviewId !== undefined, { message: 'send jobDescription or interviewId' });

/** Why a question is in the set. */
export const QUESTION_REASONS = ['missed', 'partial', 'job', 'follow_up', 'general'] as const;

export const SetQuestionSchema = z.strictObject({
  id: z.string().min(1).describe('Bank id (q-…) or follow-up id (f-<answer>)'),
  text: z.string().min(1),
  kind: z.enum(QUESTION_KINDS),
  competency: z.string().min(1).describe('The vocabulary id the question is aimed at'),
  reason: z.enum(QUESTION_REASONS),
  answer: z.int().nonnegative().optional().describe('Follow-ups: the index of the weak answer they follow up'),
  rephrased: z.literal(true).optional().describe("The LLM worded this bank question for the job; absent: the bank's own wording"),
});

export const QuestionSetSchema = z.strictObject({
  id: z.string().min(1).describe('Content hash: the same job and interview give the same id'),
  questions: z.array(SetQuestionSchema),
  competencies: z.array(z.strictObject({ id: z.string(), name: z.string(), status: z.enum(COVERAGE_STATUSES).optional() })),
  notes: z.array(z.string()).optional(),
  ai: AiUsageSchema.optional().describe('With an AI key: the rephrasing call(s) and their cost; absent offline'),
});

export type SetQuestion = z.infer<typeof SetQuestionSchema>;
export type QuestionSet = z.infer<typeof QuestionSetSchema>;

// ---- saved jobs ----------------------------------------------------------------------------

export const SAVED_JOBS_MAX = 50;

export const savedJobBody = z.strictObject({
  // Limits count the string as sent (before trimming), as the document's maxLength does.
  title: z.string().max(200).trim().regex(NOT_BLANK, 'title is required'),
  company: z.string().max(200).trim().optional(),
  jobDescription: jobDescriptionField,
});

export const SavedJobSchema = z.strictObject({
  id: z.string(),
  title: z.string(),
  company: z.string().optional(),
  jobDescription: z.string(),
  createdAt: z.iso.datetime(),
});

export type SavedJobInput = z.infer<typeof savedJobBody>;
export type SavedJob = z.infer<typeof SavedJobSchema>;
