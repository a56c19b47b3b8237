/**
 * Section "readiness": trains the readiness model on the MIT training split exactly as
 * `npm run train:readiness` does, prints its leave-one-participant-out r for both variants, what STAR
 * adds, and whether the committed weights file is what training produces.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { hasTestdata, repoRoot } from '../../test/helpers/testdata.js';
import { reportOf, trainingInterviews } from '../readiness/dataset.js';
import { starAblation, train, type Example } from '../readiness/train.js';
import { fixed, heading, table } from '../table.js';

export async function trainingExamples(): Promise<{ timed: Example[]; untimed: Example[] }> {
  const ivs = trainingInterviews();
  const of = async (variant: 'timed' | 'untimed'): Promise<Example[]> =>
    Promise.all(ivs.map(async (iv) => ({ participant: iv.participant, overall: iv.overall, report: await reportOf(iv, variant) })));
  return { timed: await of('timed'), untimed: await of('untimed') };
}

export async function runReadiness(log: (s: string) => void): Promise<void> {
  log(heading('Readiness score against human Overall ratings (MIT training split)'));
  if (!hasTestdata()) return log('testdata not found; skipped');
  const examples = await trainingExamples();
  const w = train(examples);
  const rows = (['timed', 'untimed'] as const).map((v) => {
    const s = starAblation(examples[v], v);
    const x = w.variants[v];
    return [v, x.validity.n, x.features.map((f) => `${f.id} ${f.weight >= 0 ? '+' : ''}${f.weight.toFixed(2)}`).join(', '), fixed(x.validity.r, 3), fixed(s.with, 3), fixed(s.alone, 3)];
  });
  log(table(['variant', 'n', 'weights (per SD, rating points)', 'cv r', 'cv r + STAR', 'STAR alone r'], rows));
  log(`Validation: ${w.variants.timed.validity.method}. 80% interval half-width: timed ±${w.variants.timed.halfWidth}, untimed ±${w.variants.untimed.halfWidth} rating points.`);
  // Read from disk, not the imported module: train:readiness has just rewritten the file.
  const committed: unknown = JSON.parse(readFileSync(path.join(repoRoot, 'services/analysis/readiness/weights.json'), 'utf8'));
  log(isDeepStrictEqual(w, committed) ? 'weights.json matches training.' : 'weights.json DIFFERS from training: run `npm run train:readiness`.');
}
