import { z } from 'zod';

/**
 * FROZEN: the analysis report, version 1, kept so stored v1 reports can still be validated and
 * schemas/report.v1.schema.json regenerated. New reports are version 2 (report.schema.ts).
 *
 * The analysis report, version 1. Evolution rule: adding an OPTIONAL field (the coming STAR, Q&A and
 * LLM sections go in as optional top-level objects) keeps schemaVersion 1, so every stored v1 report
 * stays valid; removing, renaming or re-typing a field is a new version with its own schema file.
 * `schemas/report.v1.schema.json` is generated from this (npm: node --import tsx scripts/export-schemas.ts).
 *
 * Every object is strict (unknown keys rejected) so the zod schema and the generated JSON Schema
 * (`additionalProperties: false`) accept exactly the same documents, and a misspelt field fails fast.
 *
 * Units: seconds from the start of the recording, rates per minute, shares as 0..1 fractions.
 */
const seconds = z.number().nonnegative();
const rate = z.number().nonnegative();
const share = z.number().min(0).max(1);

const WpmPointSchema = z.strictObject({
  t: seconds.describe('Window start'),
  wpm: rate,
  durationSec: seconds.describe('Real window length; shorter than the window size only for the last one'),
  partial: z.boolean().describe('The recording ended inside this window'),
});

const FillerItemSchema = z.strictObject({
  word: z.string().min(1).describe('Canonical filler, e.g. "um" or "you know"'),
  start: seconds,
});

const PauseItemSchema = z.strictObject({ start: seconds, end: seconds, durationSec: seconds });

const MetricsSchema = z.strictObject({
  durationSec: seconds.describe('Recording length, including leading and trailing silence'),
  speakingSec: seconds.describe('Union of word intervals, gaps < 0.3 s counted as speech'),
  wordCount: z.int().nonnegative(),
  wpm: rate.describe('Words per minute of recording'),
  articulationWpm: rate.describe('Words per minute of speaking time'),
  wpmSeries: z.array(WpmPointSchema).describe('Pace per 30 s window; a last window under 10 s is omitted'),
  fillers: z.strictObject({
    count: z.int().nonnegative(),
    perMinute: rate,
    ratio: z.number().nonnegative().describe('Filler items ÷ words'),
    items: z.array(FillerItemSchema),
  }),
  pauses: z.strictObject({
    count: z.int().nonnegative(),
    longestSec: seconds,
    totalSec: seconds,
    silenceShare: share.describe('Pause time ÷ span from first to last word'),
    items: z.array(PauseItemSchema).describe('Silent gaps ≥ 1 s between words'),
  }),
  longestSpeechSec: seconds.describe('Longest run of words with no gap ≥ 1 s'),
});

const ReferenceRangesSchema = z.strictObject({
  wpm: z.strictObject({ low: rate, high: rate, source: z.string() }),
  fillerRatio: z.strictObject({ high: share, source: z.string() }),
});

const QualitySchema = z.strictObject({
  engine: z.string().min(1),
  speakers: z.array(z.string()).describe('Speaker labels seen in the transcript; empty when the engine gave none'),
  notes: z.array(z.string()).describe('Caveats a reader needs before trusting the numbers'),
});

export const ReportV1Schema = z
  .strictObject({
    schemaVersion: z.literal(1),
    interviewId: z.string().min(1).optional(),
    generatedAt: z.iso.datetime(),
    engine: z.string().min(1).describe('Transcription engine the metrics were computed from'),
    language: z.string().min(1).optional(),
    metrics: MetricsSchema,
    reference: ReferenceRangesSchema.describe('Ranges the numbers are judged against, with sources'),
    quality: QualitySchema,
  })
  .meta({ title: 'Interview Buddy analysis report', description: 'Speech metrics for one interview recording' });

export type ReportV1 = z.infer<typeof ReportV1Schema>;
