import { describe, expect, it } from '@jest/globals';
import type { MetricCard } from '../../../services/analysis/metric-card.schema.js';
import { METRIC_IDS } from '../../../services/analysis/metric-card.schema.js';
import { distanceOutside, verdictOf } from '../../../services/analysis/metric-cards.js';
import { REFERENCE_RANGES } from '../../../services/analysis/reference-ranges.js';
import { tipsFromCards } from '../../../services/analysis/tips.js';

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

  it('uses the researched numbers', () => {
    expect(REFERENCE_RANGES.wpm.range).toMatchObject({ low: 130, high: 175 });
    expect(REFERENCE_RANGES.fillerRatio.range).toMatchObject({ high: 0.04 });
    expect(REFERENCE_RANGES.fillerRatio.range.source).toContain('Naim et al. 2015');
    expect(REFERENCE_RANGES.talkRatio.range.source).toContain('Gong Labs 2017');
  });
});

describe('verdict and distance', () => {
  it('is low/ok/high against inclusive bounds', () => {
    const range = { low: 130, high: 175, source: 's' };
    expect([verdictOf(129.9, range), verdictOf(130, range), verdictOf(175, range), verdictOf(176, range)]).toEqual(['low', 'ok', 'ok', 'high']);
  });

  it('is relative to the crossed bound', () => {
    expect(distanceOutside(card('wpm', 104))).toBeCloseTo(0.2, 12);
    expect(distanceOutside(card('fillerRatio', 0.06))).toBeCloseTo(0.5, 12);
    expect(distanceOutside(card('wpm', 150))).toBe(0);
  });
});

describe('tipsFromCards', () => {
  it('takes the advice of the three cards furthest outside their ranges', () => {
    const cards = [card('wpm', 200), card('fillerRatio', 0.12), card('hedgesPerMinute', 4), card('repetitionsPerMinute', 1), card('silenceShare', 0.5)];
    // fillers 2.0 beyond, silence 1.0, hedges 0.33, pace 0.14
    expect(tipsFromCards(cards)).toEqual(['advice fillerRatio', 'advice silenceShare', 'advice hedgesPerMinute']);
  });

  it('fills up with the in-range cards nearest a bound, and always returns exactly three', () => {
    const cards = [card('wpm', 200), card('fillerRatio', 0.039), card('hedgesPerMinute', 0)];
    expect(tipsFromCards(cards)).toEqual(['advice wpm', 'advice fillerRatio', 'advice hedgesPerMinute']);
    expect(tipsFromCards([card('wpm', 150)])).toHaveLength(3);
  });
});
