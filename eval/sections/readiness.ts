/**
 * Section "readiness": trains the readiness model on the MIT training split exactly as
 * `npm run train:readiness` does (both call trainReadiness), prints its leave-one-participant-out r
 * for both variants, what STAR adds, and whether the committed weights file is what training produces.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { ReadinessWeights } from '../../services/analysis/readiness/model.js';
import { hasTestdata, repoRoot } from '../../test/helpers/testdata.js';
import { reportOf, trainingInterviews } from '../readiness/dataset.js';
import { starAblation, train, type Example } from '../readiness/train.js';
import { fixed, heading, table } from '../table.js';

/** The committed model file, which `npm run train:readiness` writes. */
export const WEIGHTS_FILE = path.join(repoRoot, 'services/analysis/readiness/weights.json');

/** Read from disk, not imported: train:readiness may just have rewritten the file. */
export const committedWeights = (): unknown => JSON.parse(readFileSync(WEIGHTS_FILE, 'utf8'));

export interface ReadinessTraining {
  /** Each training interview's report, built once per variant. */
  readonly examples: { readonly timed: Example[]; readonly untimed: Example[] };
  readonly weights: ReadinessWeights;
}

async function trainingExamples(): Promise<ReadinessTraining['examples']> {
  const ivs = trainingInterviews();
  const of = async (variant: 'timed' | 'untimed'): Promise<Example[]> =>
    Promise.all(ivs.map(async (iv) => ({ participant: iv.participant, overall: iv.overall, report: await reportOf(iv, variant) })));
  return { timed: await of('timed'), untimed: await of('untimed') };
}

/**
 * Builds the reports of every training interview (both variants) and trains on them: what
 * train:readiness writes, this section prints and the test compares with the committed file.
 */
export async function trainReadiness(): Promise<ReadinessTraining> {
  const examples = await trainingExamples();
  return { examples, weights: train(examples) };
}

/** `training`: a run already made (train:readiness passes the one it wrote), so reports are not built twice. */
export async function runReadiness(log: (s: string) => void, training?: ReadinessTraining): Promise<void> {
  log(heading('Readiness score against human Overall ratings (MIT training split)'));
  if (!hasTestdata()) return log('testdata not found; skipped');
  const { examples, weights: w } = training ?? (await trainReadiness());
  const rows = (['timed', 'untimed'] as const).map((v) => {
    const s = starAblation(examples[v], v);
    const x = w.variants[v];
    return [v, x.validity.n, x.features.map((f) => `${f.id} ${f.weight >= 0 ? '+' : ''}${f.weight.toFixed(2)}`).join(', '), fixed(x.validity.r, 3), fixed(s.with, 3), fixed(s.alone, 3)];
  });
  log(table(['variant', 'n', 'weights (per SD, rating points)', 'cv r', 'cv r + STAR', 'STAR alone r'], rows));
  log(`Validation: ${w.variants.timed.validity.method}. 80% interval half-width: timed ±${w.variants.timed.halfWidth}, untimed ±${w.variants.untimed.halfWidth} rating points.`);
  log(isDeepStrictEqual(w, committedWeights()) ? 'weights.json matches training.' : 'weights.json DIFFERS from training: run `npm run train:readiness`.');
}
