/**
 * The readiness model's inputs, read from the report's own metrics (never from anything the report
 * does not show). Pure. Each feature is one the interview-rating literature links to the Overall
 * rating (Naim et al., IEEE FG 2015: faster speech +, fillers −, more unique words +) or that the
 * MIT training split supports (the candidate's share of the words spoken); the README has the table.
 */
import type { ReportMetrics } from '../report.schema.js';

export const FEATURES = {
  wpm: { label: 'Pace (words per minute)', timed: true },
  fillerRatio: { label: 'Filler share', timed: false },
  uniqueWordsLog: { label: 'Vocabulary (ln unique words)', timed: false },
  talkShare: { label: 'Your share of the words spoken', timed: false },
} as const;

export type FeatureId = keyof typeof FEATURES;
export type Variant = 'timed' | 'untimed';

/** The features a variant uses, in the weights file's order. */
export const featureIds = (variant: Variant): FeatureId[] =>
  (Object.keys(FEATURES) as FeatureId[]).filter((id) => variant === 'timed' || !FEATURES[id].timed);

type MetricsIn = Pick<ReportMetrics, 'fillers' | 'vocabulary' | 'talkRatioByWords'> & { wpm?: number | undefined };

/** Feature values of one report; `wpm` is required for the timed variant. */
export function readinessFeatures(m: MetricsIn, variant: Variant): Record<FeatureId, number> {
  if (variant === 'timed' && m.wpm === undefined) throw new Error('the timed readiness variant needs the pace (wpm)');
  return {
    wpm: m.wpm ?? 0,
    fillerRatio: m.fillers.ratio,
    uniqueWordsLog: Math.log(1 + m.vocabulary.uniqueWords),
    talkShare: m.talkRatioByWords,
  };
}
