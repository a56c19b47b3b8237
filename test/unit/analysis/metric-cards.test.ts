import { describe, expect, it } from '@jest/globals';
import type { MetricCard } from '../../../services/analysis/metric-card.schema.js';
import { METRIC_IDS } from '../../../services/analysis/metric-card.schema.js';
import { analyzeTranscript } from '../../../services/analysis/analyze.js';
import { distanceOutside, metricCards, verdictOf } from '../../../services/analysis/metric-cards.js';
import { transcript, wordsFromText } from './helpers/synthetic.js';
import { REFERENCE_RANGES } from '../../../services/analysis/reference-ranges.js';
import { FALLBACK_TIPS } from '../../../services/analysis/content/tips.js';
import { mergeTips, tipsFromCards } from '../../../services/analysis/tips.js';

const card = (id: MetricCard['id'], value: number, advice = `advice ${id}`): MetricCard => {
  const r = REFERENCE_RANGES[id];
  return { id, label: r.label, value, unit: r.unit, definition: r.definition, range: r.range, verdict: verdictOf(value, r.range), advice };
};

describe('reference ranges', () => {
  it.each(METRIC_IDS.map((id) => [id]))('%s has a definition, a bound, a named source and advice for every verdict', (id) => {
    const r = REFERENCE_RANGES[id];
    expect(r.definition.length).toBeGreaterThan(20);
    expect(r.range.low !== undefined || r.range.high !== undefined).toBe(true);
    expect(r.range.source).toMatch(/\d{4}|guideline|coaching/i);
    for (const v of ['low', 'ok', 'high'] as const) expect(r.advice[v]).toMatch(/\.$/);
  });

  it('uses the numbers rated interviews support (issue 14): no "too fast", fillers above 6%, talk share only too low', () => {
    expect(REFERENCE_RANGES.wpm.range).toEqual(expect.objectContaining({ low: 130 }));
    expect(REFERENCE_RANGES.wpm.range.high).toBeUndefined();
    expect(REFERENCE_RANGES.fillerRatio.range).toMatchObject({ high: 0.06 });
    expect(REFERENCE_RANGES.fillerRatio.range.source).toContain('Naim et al. 2015');
    expect(REFERENCE_RANGES.talkRatio.range.source).toContain('Gong Labs 2017');
    expect(REFERENCE_RANGES.talkRatio.range.high).toBeUndefined();
  });

  it('gives information, not a verdict, where the data gives no reliable direction', () => {
    const info = METRIC_IDS.filter((id) => REFERENCE_RANGES[id].info !== undefined);
    expect(info.sort()).toEqual(['candidateQuestions', 'hedgesPerMinute', 'longestMonologueSec', 'paceVariability', 'repetitionsPerMinute', 'weRatio']);
    for (const id of METRIC_IDS) {
      const e = REFERENCE_RANGES[id].evidence;
      // A judged card with evidence must point the way its range does; an info card has no direction.
      if (e && REFERENCE_RANGES[id].info === undefined) expect(e.supports).not.toBe('none');
      if (e && REFERENCE_RANGES[id].info !== undefined) expect(e.supports).toBe('none');
    }
  });

  it('an info card says so whatever its value', () => {
    const c = metricCards(
      { ...analyzeTranscript(transcript(wordsFromText('I think maybe I just did it'), 3), { now: () => new Date(0) }).metrics },
      'speaker',
      false,
    ).find((x) => x.id === 'hedgesPerMinute')!;
    expect(c.verdict).toBe('info');
    expect(c.advice).toBe(REFERENCE_RANGES.hedgesPerMinute.info);
    expect(c.evidence).toMatchObject({ n: 70, supports: 'none' });
  });
});

describe('verdict and distance', () => {
  it('is low/ok/high against inclusive bounds', () => {
    const range = { low: 130, high: 175, source: 's' };
    expect([verdictOf(129.9, range), verdictOf(130, range), verdictOf(175, range), verdictOf(176, range)]).toEqual(['low', 'ok', 'ok', 'high']);
  });

  it('is relative to the crossed bound', () => {
    expect(distanceOutside(card('wpm', 104))).toBeCloseTo(0.2, 12);
    expect(distanceOutside(card('fillerRatio', 0.09))).toBeCloseTo(0.5, 12);
    expect(distanceOutside(card('wpm', 150))).toBe(0);
  });
});

describe('tipsFromCards', () => {
  it('takes the advice of the three cards furthest outside their ranges', () => {
    const cards = [card('wpm', 104), card('fillerRatio', 0.12), card('vocabularyMattr', 0.63), card('repetitionsPerMinute', 1), card('silenceShare', 0.5)];
    // fillers 1.0 beyond, silence 1.0, pace 0.2, vocabulary 0.1
    expect(tipsFromCards(cards)).toEqual(['advice fillerRatio', 'advice silenceShare', 'advice wpm']);
  });

  it('never turns an information-only card into a tip', () => {
    const info = { ...card('hedgesPerMinute', 9), verdict: 'info' as const };
    expect(tipsFromCards([info, card('wpm', 100)])).not.toContain('advice hedgesPerMinute');
  });

  it('fills up with the in-range cards nearest a bound, and always returns exactly three', () => {
    const cards = [card('wpm', 120), card('fillerRatio', 0.059), card('silenceShare', 0)];
    expect(tipsFromCards(cards)).toEqual(['advice wpm', 'advice fillerRatio', 'advice silenceShare']);
    expect(tipsFromCards([card('wpm', 150)])).toHaveLength(3);
  });
});

describe('mergeTips', () => {
  it('judged cards outside their range lead, then the content tips, generic advice only to fill up; info cards never', () => {
    const info = { ...card('hedgesPerMinute', 9), verdict: 'info' as const };
    expect(mergeTips(['content tip'], [card('fillerRatio', 0.12), info, card('wpm', 150)])).toEqual(['advice fillerRatio', 'content tip', FALLBACK_TIPS[0]]);
    expect(mergeTips(['x', 'y', 'z'], [])).toEqual(['x', 'y', 'z']);
  });
});
