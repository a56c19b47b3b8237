/**
 * Trains and validates the readiness model (services/analysis/readiness) on the MIT training split:
 * ridge regression on standardised features, validated by leave-one-participant-out
 * cross-validation (both interviews of a person are always on the same side). Pure apart from the
 * dataset it is given; scripts/train-readiness.ts writes the weights file, eval/sections/readiness.ts
 * prints the same figures and checks the committed file is what training produces.
 */
import type { Report } from '../../services/analysis/report.schema.js';
import { featureIds, readinessFeatures, type FeatureId, type Variant } from '../../services/analysis/readiness/features.js';
import type { ReadinessWeights, VariantWeights } from '../../services/analysis/readiness/model.js';
import { crossValidate, fitRidge, pearson, type Row } from './ridge.js';

export const LAMBDA = 10;
export const MODEL_VERSION = 'readiness-1';
export const TRAINED_ON = 'MIT Interview Dataset (Naim et al. 2015), training split: 70 interviews of 35 participants, crowd-rated Overall (1–7)';
export const METHOD = 'leave-one-participant-out cross-validation, ridge regression';
/** z for a two-sided 80% interval. */
const Z80 = 1.2816;

export interface Example {
  readonly participant: string;
  readonly overall: number;
  readonly report: Report;
}

/** Mean number of STAR parts found in the answers where STAR is expected (0 with none). */
export function starParts(r: Report): number {
  const stories = r.answers.filter((a) => (a as { starExpected?: boolean }).starExpected ?? /lead|team|time|example/i.test(a.question));
  if (stories.length === 0) return 0;
  return stories.reduce((n, a) => n + Object.values(a.star).filter((p) => p.present).length, 0) / stories.length;
}

type Extra = (r: Report) => number;

export function rows(examples: readonly Example[], variant: Variant, extra: readonly Extra[] = []): Row[] {
  const ids = featureIds(variant);
  return examples.map((e) => {
    const f = readinessFeatures(e.report.metrics, variant);
    return { x: [...ids.map((id) => f[id]), ...extra.map((g) => g(e.report))], y: e.overall, group: e.participant };
  });
}

export function trainVariant(examples: readonly Example[], variant: Variant): VariantWeights {
  const data = rows(examples, variant);
  const cv = crossValidate(data, LAMBDA);
  const fit = fitRidge(data, LAMBDA);
  const round = (x: number, d = 6): number => Number(x.toFixed(d));
  return {
    features: featureIds(variant).map((id: FeatureId, j) => ({ id, mean: round(fit.mean[j]!), sd: round(fit.sd[j]!), weight: round(fit.weights[j]!) })),
    intercept: round(fit.intercept),
    halfWidth: round(Z80 * cv.rmse, 4),
    validity: { r: round(cv.r, 3), n: data.length, method: METHOD },
  };
}

export function train(examples: { timed: readonly Example[]; untimed: readonly Example[] }): ReadinessWeights {
  return {
    version: MODEL_VERSION,
    trainedOn: TRAINED_ON,
    target: 'Overall rating, 1–7 (mit_interview_scores.csv)',
    lambda: LAMBDA,
    variants: { timed: trainVariant(examples.timed, 'timed'), untimed: trainVariant(examples.untimed, 'untimed') },
  };
}

/** What STAR adds: cross-validated r without and with the STAR feature, same folds and penalty. */
export function starAblation(examples: readonly Example[], variant: Variant): { without: number; with: number; alone: number } {
  return {
    without: crossValidate(rows(examples, variant), LAMBDA).r,
    with: crossValidate(rows(examples, variant, [starParts]), LAMBDA).r,
    alone: pearson(examples.map((e) => starParts(e.report)), examples.map((e) => e.overall)),
  };
}
