import type { MetricCard, MetricId } from './metric-card.schema.js';
import { REFERENCE_RANGES } from './reference-ranges.js';
import type { ReportMetrics } from './report.schema.js';

export function verdictOf(value: number, range: MetricCard['range']): MetricCard['verdict'] {
  if (range.low !== undefined && value < range.low) return 'low';
  if (range.high !== undefined && value > range.high) return 'high';
  return 'ok';
}

/**
 * How far outside its range a value is, relative to the bound it crossed (0.5 = 50% beyond), so a
 * pace 20% too fast and a filler share 20% too high weigh the same. 0 inside the range.
 */
export function distanceOutside(card: Pick<MetricCard, 'value' | 'range'>): number {
  const { value, range } = card;
  if (range.low !== undefined && value < range.low) return range.low > 0 ? (range.low - value) / range.low : 1;
  if (range.high !== undefined && value > range.high) return range.high > 0 ? (value - range.high) / range.high : 1;
  return 0;
}

function card(id: MetricId, value: number): MetricCard {
  const ref = REFERENCE_RANGES[id];
  const verdict = verdictOf(value, ref.range);
  return { id, label: ref.label, value, unit: ref.unit, definition: ref.definition, range: ref.range, verdict, advice: ref.advice[verdict] };
}

/** Below this many "I"/"we" words the share is a coin toss, not a habit. */
export const MIN_FIRST_PERSON = 5;

/**
 * One card per judged metric. Values are the rounded numbers the report shows, so a card never says
 * "high" about a value that prints as inside its range. Metrics that need an interviewer (talk ratio,
 * the candidate's questions) are left out of single-speaker recordings; pace variability (under three
 * windows), vocabulary (under one 50-word window) and "we" share (under 5 first-person words) are
 * left out when there is too little to judge.
 */
export function metricCards(m: ReportMetrics, candidate: string, multiSpeaker: boolean): MetricCard[] {
  const perMinute = (n: number): number => (m.floorSec > 0 ? Math.round((n / m.floorSec) * 600) / 10 : 0);
  const cards = [
    card('wpm', m.wpm),
    ...(m.wpmSeries.length >= 3 ? [card('paceVariability', m.paceVariability)] : []),
    card('fillerRatio', m.fillers.ratio),
    card('hedgesPerMinute', m.hedges.perMinute),
    card('repetitionsPerMinute', perMinute(m.repetition.count)),
    ...(m.wordCount >= m.vocabulary.windowWords ? [card('vocabularyMattr', m.vocabulary.mattr)] : []),
    ...(m.pronouns.i + m.pronouns.we >= MIN_FIRST_PERSON ? [card('weRatio', m.pronouns.weRatio)] : []),
    card('silenceShare', m.pauses.silenceShare),
    card('longestMonologueSec', m.longestMonologueSec),
  ];
  if (multiSpeaker) {
    const asked = m.questionsAsked.find((q) => q.speaker === candidate)?.count ?? 0;
    cards.push(card('talkRatio', m.talkRatio), card('candidateQuestions', asked));
  }
  return cards;
}
