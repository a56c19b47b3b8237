import type { MetricCard, MetricId } from './metric-card.schema.js';
import { REFERENCE_RANGES } from './reference-ranges.js';
import type { ReportMetrics } from './report.schema.js';

export function verdictOf(value: number, range: MetricCard['range']): Exclude<MetricCard['verdict'], 'info'> {
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
  const base = { id, label: ref.label, value, unit: ref.unit, definition: ref.definition, range: ref.range, ...(ref.evidence && { evidence: ref.evidence }) };
  if (ref.info !== undefined) return { ...base, verdict: 'info', advice: ref.info };
  const verdict = verdictOf(value, ref.range);
  return { ...base, verdict, advice: ref.advice[verdict] };
}

/** Below this many "I"/"we" words the share is a coin toss, not a habit. */
export const MIN_FIRST_PERSON = 5;

/**
 * One card per metric. Values are the rounded numbers the report shows, so a card never says "high"
 * about a value that prints as inside its range. Metrics that need an interviewer (talk ratio, the
 * candidate's questions) are left out of single-speaker recordings; pace variability (under three
 * windows), vocabulary (under one 50-word window) and "we" share (under 5 first-person words) are
 * left out when there is too little to judge. Without times (`m.timed` false) every card made of
 * seconds is left out and talk ratio is by words.
 */
export function metricCards(m: ReportMetrics, candidate: string, multiSpeaker: boolean): MetricCard[] {
  const cards: MetricCard[] = [];
  const add = (id: MetricId, value: number | undefined, when = true): void => {
    if (value !== undefined && when) cards.push(card(id, value));
  };
  const floor = m.floorSec ?? 0;
  const perMinute = (n: number): number | undefined => (m.timed ? (floor > 0 ? Math.round((n / floor) * 600) / 10 : 0) : undefined);
  add('wpm', m.wpm);
  add('paceVariability', m.paceVariability, (m.wpmSeries?.length ?? 0) >= 3);
  add('fillerRatio', m.fillers.ratio);
  add('hedgesPerMinute', m.hedges.perMinute);
  add('repetitionsPerMinute', perMinute(m.repetition.count));
  add('vocabularyMattr', m.vocabulary.mattr, m.wordCount >= m.vocabulary.windowWords);
  add('weRatio', m.pronouns.weRatio, m.pronouns.i + m.pronouns.we >= MIN_FIRST_PERSON);
  add('silenceShare', m.pauses?.silenceShare);
  add('longestMonologueSec', m.longestMonologueSec);
  if (multiSpeaker) {
    add('talkRatio', m.talkRatio ?? m.talkRatioByWords);
    add('candidateQuestions', m.questionsAsked.find((q) => q.speaker === candidate)?.count ?? 0);
  }
  return cards;
}
