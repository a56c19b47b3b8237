import { z } from 'zod';

/** Ids of the judged metrics, stable across versions so trends and the web client can key on them. */
export const METRIC_IDS = [
  'wpm', 'paceVariability', 'fillerRatio', 'hedgesPerMinute', 'repetitionsPerMinute', 'vocabularyMattr',
  'weRatio', 'silenceShare', 'longestMonologueSec', 'talkRatio', 'candidateQuestions',
] as const;
export type MetricId = (typeof METRIC_IDS)[number];

/**
 * One judged metric, self-explaining: what it measures, the user's value, the range it is judged
 * against and where that range comes from, the verdict and one sentence of advice. Copied into every
 * report: if a range changes, an old report still shows the one it was judged against.
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
  verdict: z.enum(['low', 'ok', 'high']),
  advice: z.string().min(1),
});

export type MetricCard = z.infer<typeof MetricCardSchema>;
