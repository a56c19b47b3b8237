import { z } from 'zod';

/** Ids of the judged metrics, stable across versions so trends and the web client can key on them. */
export const METRIC_IDS = [
  'wpm', 'paceVariability', 'fillerRatio', 'hedgesPerMinute', 'repetitionsPerMinute', 'vocabularyMattr',
  'weRatio', 'silenceShare', 'longestMonologueSec', 'talkRatio', 'candidateQuestions',
] as const;
export type MetricId = (typeof METRIC_IDS)[number];

/**
 * One metric, self-explaining: what it measures, the user's value, the range it is judged against
 * and where that range comes from, the verdict and one sentence of advice, and (v3) the evidence from
 * rated interviews behind it. Copied into every report: if a range changes, an old report still shows
 * the one it was judged against. A card whose direction the data does not support has verdict "info".
 */
export const MetricCardSchema = z.strictObject({
  id: z.enum(METRIC_IDS),
  label: z.string().min(1),
  value: z.number(),
  unit: z.enum(['wpm', 'share', 'perMinute', 'sec', 'count', 'ratio']).describe('share: 0..1 fraction of a whole'),
  definition: z.string().min(1),
  range: z.strictObject({
    low: z.number().optional(),
    high: z.number().optional(),
    source: z.string().min(1).describe('Who says so, by name and year, or that it is our own guideline'),
  }),
  verdict: z
    .enum(['low', 'ok', 'high', 'info'])
    .describe('info: shown for information only, because rated interviews do not support judging this metric'),
  advice: z.string().min(1),
  evidence: z
    .strictObject({
      r: z.number().min(-1).max(1).describe("Pearson r of the card's value with the human Overall rating"),
      n: z.int().positive(),
      data: z.string().min(1).describe('Which rated interviews r was measured on'),
      supports: z.enum(['higher', 'lower', 'none']).describe('Which way the data says is better; none: no reliable direction'),
    })
    .optional()
    .describe('What rated interviews say about this metric (report v3)'),
});

export type MetricCard = z.infer<typeof MetricCardSchema>;
