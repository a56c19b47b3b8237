/**
 * Scores a report with the trained weights (weights.json, written by `npm run train:readiness`).
 * Pure. The model predicts the Overall rating (1–7) as intercept + Σ weight × z, with z each
 * feature standardised on the training data; the score maps 1–7 onto 0–100. Drivers are each
 * feature's term in score points, so they sum (with the intercept) to the score before clipping.
 */
import type { Readiness } from './readiness.schema.js';
import { FEATURES, readinessFeatures, type FeatureId, type Variant } from './features.js';
import type { ReportMetrics } from '../report.schema.js';

export interface VariantWeights {
  readonly features: readonly { readonly id: FeatureId; readonly mean: number; readonly sd: number; readonly weight: number }[];
  readonly intercept: number;
  /** Half-width of the 80% interval on the 1–7 scale: 1.2816 × the cross-validated RMSE. */
  readonly halfWidth: number;
  readonly validity: { readonly r: number; readonly n: number; readonly method: string };
}

export interface ReadinessWeights {
  readonly version: string;
  readonly trainedOn: string;
  readonly target: string;
  readonly lambda: number;
  readonly variants: Readonly<Record<Variant, VariantWeights>>;
}

/** Rating scale of the training data. */
const [LO, HI] = [1, 7];
const toScore = (rating: number): number => Math.min(100, Math.max(0, ((rating - LO) / (HI - LO)) * 100));
const round1 = (x: number): number => Math.round(x * 10) / 10;

/** Below this many candidate words the features are noise; the report then has no score. */
export const MIN_WORDS = 50;

export function statement(w: ReadinessWeights, variant: Variant): string {
  const v = w.variants[variant];
  const what = variant === 'timed' ? 'pace, fillers, vocabulary and share of the talking' : 'fillers, vocabulary and share of the talking (no times, so no pace)';
  return (
    `This score is a model over ${what}. On ${v.validity.n} rated mock interviews it agrees with human raters at r = ${v.validity.r.toFixed(2)} ` +
    `(${v.validity.method}): a useful guide to where you stand, not a verdict.`
  );
}

type MetricsIn = Parameters<typeof readinessFeatures>[0];

export function scoreReadiness(m: MetricsIn & Pick<ReportMetrics, 'wordCount'>, variant: Variant, w: ReadinessWeights): Readiness | undefined {
  if (m.wordCount < MIN_WORDS) return undefined;
  const v = w.variants[variant];
  const x = readinessFeatures(m, variant);
  const scale = 100 / (HI - LO);
  const terms = v.features.map((f) => ({ f, value: x[f.id], term: f.weight * ((x[f.id] - f.mean) / f.sd) }));
  const rating = v.intercept + terms.reduce((s, t) => s + t.term, 0);
  return {
    score: round1(toScore(rating)),
    interval: [round1(toScore(rating - v.halfWidth)), round1(toScore(rating + v.halfWidth))],
    drivers: terms
      .map((t) => ({ metric: t.f.id, label: FEATURES[t.f.id].label, value: Math.round(t.value * 10000) / 10000, effect: round1(t.term * scale) }))
      .sort((a, b) => Math.abs(b.effect) - Math.abs(a.effect)),
    model: { version: w.version, variant, trainedOn: w.trainedOn, validity: v.validity },
    statement: statement(w, variant),
  };
}
