import { clock, percent } from './format.js';
import type { MetricCard } from './metric-card.schema.js';
import { FALLBACK_TIPS } from './content/tips.js';
import { distanceOutside } from './metric-cards.js';
import type { ReportMetrics } from './report.schema.js';

/**
 * The three most valuable tips when no content analyzer supplied them: the advice of the cards
 * furthest outside their ranges; if fewer than three are outside, the in-range cards nearest a bound
 * (still worth watching) fill up. Stable: ties keep card order.
 */
export function tipsFromCards(cards: readonly MetricCard[]): string[] {
  const margin = (c: MetricCard): number => {
    const d = distanceOutside(c);
    if (d > 0) return d;
    // Inside: how close to a bound, as a negative number (closer = larger).
    const { low, high } = c.range;
    const gaps = [low !== undefined && low > 0 ? (c.value - low) / low : Infinity, high !== undefined && high > 0 ? (high - c.value) / high : Infinity];
    return -Math.min(...gaps);
  };
  // Information-only cards carry no verdict, so they never become advice.
  const judged = cards.filter((c) => c.verdict !== 'info');
  const ranked = judged.map((c, i) => ({ c, i, m: margin(c) })).sort((a, b) => b.m - a.m || a.i - b.i);
  const tips = [...new Set(ranked.map((r) => r.c.advice))].slice(0, 3);
  while (tips.length < 3) tips.push('Record another practice interview to compare: trends show more than one session.');
  return tips;
}

/**
 * The report's three tips when the content analyzer gave its own: advice of the judged cards outside
 * their range comes first (those verdicts rest on rated interviews: pace, fillers, vocabulary, talk
 * share), then the content tips, with general practice advice only to fill up.
 */
export function mergeTips(contentTips: readonly string[], cards: readonly MetricCard[]): string[] {
  const off = cards
    .filter((c) => c.verdict === 'low' || c.verdict === 'high')
    .map((c, i) => ({ c, i, d: distanceOutside(c) }))
    .sort((a, b) => b.d - a.d || a.i - b.i)
    .map((x) => x.c.advice);
  const specific = contentTips.filter((t) => !FALLBACK_TIPS.includes(t));
  return [...new Set([...off, ...specific, ...contentTips, ...FALLBACK_TIPS])].slice(0, 3);
}

/** A one-paragraph summary from the metrics, for reports without a content analyzer's summary. */
export function summaryFromMetrics(m: ReportMetrics, cards: readonly MetricCard[], multiSpeaker: boolean): string {
  if (m.wordCount === 0) return 'No speech from the candidate was recognised, so there is nothing to assess yet.';
  const share = multiSpeaker ? ` (${percent(m.talkRatio ?? m.talkRatioByWords)} of the talk)` : '';
  const off = cards.filter((c) => c.verdict === 'low' || c.verdict === 'high').map((c) => c.label);
  const good = cards.filter((c) => c.verdict === 'ok').map((c) => c.label);
  const fillers = `${m.fillers.count} filler${m.fillers.count === 1 ? '' : 's'} (${percent(m.fillers.ratio, 1)} of words)`;
  const parts = [
    m.wpm !== undefined
      ? `You spoke ${m.wordCount} words in ${clock(m.speakingSec ?? 0)} of speech${share} at ${Math.round(m.wpm)} words per minute, ` +
        `with ${fillers} and a longest answer of ${clock(m.longestMonologueSec ?? 0)}.`
      : `You spoke ${m.wordCount} words${share}, with ${fillers}.`,
  ];
  if (good.length > 0) parts.push(`Within the reference ranges: ${good.join(', ')}.`);
  parts.push(off.length > 0 ? `Worth working on: ${off.join(', ')}.` : 'Every judged metric is within its reference range.');
  return parts.join(' ');
}
