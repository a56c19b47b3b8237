import { z } from 'zod';
import { JobSectionSchema } from '../analysis/job/job.contract.js';
import { AiUsageSchema } from './ai-usage.js';
import { ContentSchema } from './content.js';
import { MetricCardSchema } from './metric-card.js';
import { ReadinessSchema } from './readiness.js';
import { SpeakerSchema } from './speakers.js';

/**
 * The analysis report, version 3: speech metrics of the CANDIDATE (v1 measured everyone together),
 * speakers and their roles, self-explaining metric cards with the evidence behind each, the content
 * section (answers, prep, tips, summary) at the top level, and the readiness score. Version 3 made
 * the time-based metrics optional (a transcript without times has no pace, pauses or durations:
 * `metrics.timed` says which) and added `readiness`. Versions 1 and 2 are frozen in
 * services/analysis/report.v1.schema.ts and schemas/report.v2.schema.json (see
 * services/analysis/report.json-schema.ts).
 * Evolution rule: adding an OPTIONAL field keeps the version; removing, renaming or re-typing one is
 * a new version with its own schema file. `schemas/report.v3.schema.json` is generated from this
 * (node --import tsx scripts/export-schemas.ts) and a test keeps the two equal.
 *
 * Every object is strict (unknown keys rejected), so the zod schema and the JSON Schema accept the same
 * documents. Units: seconds from the start of the recording, rates per minute, shares as 0..1.
 */
const seconds = z.number().nonnegative();
const rate = z.number().nonnegative();
const share = z.number().min(0).max(1);
const count = z.int().nonnegative();

const WpmPointSchema = z.strictObject({
  t: seconds.describe('Window start'),
  wpm: rate,
  durationSec: seconds.describe("The candidate's floor time in the window (the window less other speakers' turns)"),
  partial: z.boolean().describe('The recording ended inside this window'),
});

const PhraseItemSchema = z.strictObject({
  word: z.string().min(1).describe('Canonical form, e.g. "um", "you know", "i think"'),
  start: seconds,
  speaker: z.string(),
});

const PhraseStatsSchema = z.strictObject({
  count,
  perMinute: rate.optional().describe("Per minute of the candidate's floor time; absent without times"),
  ratio: z.number().nonnegative().describe('Items ÷ words (a phrase counts once)'),
  items: z.array(PhraseItemSchema),
});

const PauseItemSchema = z.strictObject({ start: seconds, end: seconds, durationSec: seconds });

const PausesSchema = z.strictObject({
  count,
  longestSec: seconds,
  totalSec: seconds,
  silenceShare: share.describe("Pause time ÷ the candidate's turn time (first to last word of each turn)"),
  items: z.array(PauseItemSchema).describe("Silent gaps ≥ 1 s inside the candidate's turns"),
});

/**
 * Every field that needs word times is optional: present exactly when `timed` is true (the schema
 * test checks both shapes). Item `start`s of an untimed transcript are positions at a nominal 150 wpm,
 * good for order only.
 */
export const MetricsSchema = z.strictObject({
  timed: z.boolean().describe('The transcript had word or cue times; false for a plain-text transcript (no pace, pauses or durations)'),
  durationSec: seconds.optional().describe('Recording length, including leading and trailing silence'),
  floorSec: seconds.optional().describe("The candidate's floor time: the recording minus other speakers' turns"),
  speakingSec: seconds.optional().describe("Union of the candidate's word intervals, gaps < 0.3 s counted as speech"),
  wordCount: count.describe("The candidate's words"),
  wpm: rate.optional().describe('Candidate words per minute of floor time'),
  articulationWpm: rate.optional().describe('Candidate words per minute of speaking time'),
  wpmSeries: z.array(WpmPointSchema).optional().describe('Pace per 30 s window; windows with < 10 s of candidate floor time are omitted'),
  paceVariability: z.number().nonnegative().optional().describe('Coefficient of variation of the series; 0 with fewer than 3 windows'),
  fillers: PhraseStatsSchema,
  hedges: PhraseStatsSchema.describe('Hedges and weak words ("I think", "maybe", "just")'),
  repetition: z.strictObject({
    count,
    perMinute: rate.optional(),
    items: z.array(
      z.strictObject({ text: z.string().min(1), times: z.int().min(2), start: seconds, speaker: z.string() }),
    ).describe('Immediate repeats of a word or phrase ("I I", "for the for the")'),
  }),
  vocabulary: z.strictObject({
    uniqueWords: count,
    uniqueRatio: share,
    mattr: share.describe('Moving-average type-token ratio over windows of windowWords words'),
    windowWords: z.int().positive(),
  }),
  pronouns: z.strictObject({ i: count, we: count, weRatio: share.describe('we ÷ (I + we)') }),
  pauses: PausesSchema.optional(),
  longestSpeechSec: seconds.optional().describe('Longest run of candidate words with no gap ≥ 1 s'),
  longestMonologueSec: seconds.optional().describe("Longest candidate turn, first word to last, until another speaker's word"),
  talkRatio: share.optional().describe("Candidate speaking time ÷ all speakers' speaking time"),
  talkRatioByWords: share.describe("Candidate words ÷ all speakers' words"),
  questionsAsked: z
    .array(z.strictObject({ speaker: z.string(), count }))
    .describe('Question sentences per speaker (services/analysis/questions)'),
});
export const QualitySchema = z.strictObject({
  engine: z.string().min(1),
  assumedSingleSpeaker: z.boolean().describe('The transcript had no speaker labels; all speech was taken as the candidate'),
  notes: z.array(z.string()).describe('Caveats a reader needs before trusting the numbers'),
});

export const ReportSchema = z
  .strictObject({
    schemaVersion: z.literal(3),
    interviewId: z.string().min(1).optional(),
    generatedAt: z.iso.datetime(),
    engine: z.string().min(1).describe('Transcription engine the metrics were computed from'),
    language: z.string().min(1).optional(),
    speakers: z.array(SpeakerSchema).describe('Everyone who spoke; exactly one candidate when anyone did'),
    metrics: MetricsSchema,
    metricCards: z.array(MetricCardSchema),
    ...ContentSchema.shape,
    readiness: ReadinessSchema.optional().describe('Absent when the candidate said too little to score'),
    job: JobSectionSchema.optional().describe("The job description's competencies and whether the answers showed each; absent without a job description"),
    ai: AiUsageSchema.optional(),
    quality: QualitySchema,
  })
  .meta({
    title: 'Interview Buddy analysis report',
    description: "Speech metrics of the candidate, judged metric cards, answers and tips for one interview",
  });

export type Report = z.infer<typeof ReportSchema>;
export type ReportMetrics = z.infer<typeof MetricsSchema>;
export const REPORT_SCHEMA_VERSION = 3 as const;
