/**
 * Section "cards" (issue 14, point 4): does each metric card point the way rated interviews do? For
 * every card, on the MIT training split (timed WebVTT from prosody.csv, as the readiness model
 * sees it): Pearson r of the card's value with the human Overall rating, how many interviews the
 * card flags with its current range, and the mean rating of flagged against unflagged interviews.
 * The r and n are what reference-ranges.ts cites; test/unit/readiness/trained-on-mit.test.ts checks
 * that they agree.
 */
import type { MetricCard, MetricId } from '../../services/analysis/metric-card.schema.js';
import { verdictOf } from '../../services/analysis/metric-cards.js';
import { REFERENCE_RANGES } from '../../services/analysis/reference-ranges.js';
import { hasTestdata } from '../../test/helpers/testdata.js';
import { reportOf, trainingInterviews } from '../readiness/dataset.js';
import { pearson } from '../readiness/ridge.js';
import type { Example } from '../readiness/train.js';
import { fixed, heading, pct, table } from '../table.js';

export interface CardEvidence {
  readonly id: MetricId;
  readonly n: number;
  readonly r: number;
  /** Share of interviews the range (not the info override) would flag low or high. */
  readonly flagged: number;
  readonly meanFlagged: number | null;
  readonly meanOk: number | null;
}

const mean = (xs: readonly number[]): number | null => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);

/** `timed`: the timed training reports if already built (readiness training builds the same ones). */
export async function cardEvidence(timed?: readonly Pick<Example, 'overall' | 'report'>[]): Promise<CardEvidence[]> {
  const rated = timed ?? (await Promise.all(trainingInterviews().map(async (iv) => ({ overall: iv.overall, report: await reportOf(iv, 'timed') }))));
  const byCard = new Map<MetricId, { value: number; overall: number }[]>();
  for (const { overall, report } of rated) {
    for (const c of report.metricCards) byCard.set(c.id, [...(byCard.get(c.id) ?? []), { value: c.value, overall }]);
  }
  return [...byCard].map(([id, xs]) => {
    const flagged = (x: { value: number }): boolean => verdictOf(x.value, REFERENCE_RANGES[id].range as MetricCard['range']) !== 'ok';
    return {
      id,
      n: xs.length,
      r: pearson(xs.map((x) => x.value), xs.map((x) => x.overall)),
      flagged: xs.filter(flagged).length / xs.length,
      meanFlagged: mean(xs.filter(flagged).map((x) => x.overall)),
      meanOk: mean(xs.filter((x) => !flagged(x)).map((x) => x.overall)),
    };
  });
}

export async function runCards(log: (s: string) => void): Promise<void> {
  log(heading('Metric cards against human Overall ratings (MIT training split, timed)'));
  if (!hasTestdata()) return log('testdata not found; skipped');
  const rows = (await cardEvidence()).map((e) => {
    const ref = REFERENCE_RANGES[e.id];
    return [e.id, e.n, fixed(e.r, 2), pct(e.flagged, 0), fixed(e.meanFlagged, 2), fixed(e.meanOk, 2), ref.info !== undefined ? 'info' : 'verdict', ref.evidence?.supports ?? '–'];
  });
  log(table(['card', 'n', 'r', 'flagged', 'mean flagged', 'mean ok', 'shown as', 'supports'], rows));
  log('Silence and pace variability come from cue times spread evenly over each line, so they carry no signal here.');
}
