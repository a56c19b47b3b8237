/**
 * The committed readiness weights and card evidence are what the training split gives: retraining
 * (npm run train:readiness) reproduces weights.json exactly, and every card's cited r and n equal the
 * `npm run eval -- --only cards` measurement. Needs ../shared/testdata (skipped without it).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { REFERENCE_RANGES } from '../../../services/analysis/reference-ranges.js';
import { cardEvidence } from '../../../eval/sections/cards.js';
import { trainingExamples } from '../../../eval/sections/readiness.js';
import { train } from '../../../eval/readiness/train.js';
import { hasTestdata, repoRoot } from '../../helpers/testdata.js';

const maybe = hasTestdata() ? describe : describe.skip;

maybe('readiness model and card evidence on the MIT training split', () => {
  it('retraining reproduces weights.json, with cross-validated r ≥ 0.6 timed and ≥ 0.45 untimed', async () => {
    const trained = train(await trainingExamples());
    const committed: unknown = JSON.parse(readFileSync(path.join(repoRoot, 'services/analysis/readiness/weights.json'), 'utf8'));
    expect(trained).toEqual(committed);
    expect(trained.variants.timed.validity.r).toBeGreaterThanOrEqual(0.6);
    expect(trained.variants.untimed.validity.r).toBeGreaterThanOrEqual(0.45);
  }, 120_000);

  it('every card cites the r and n measured on the training split', async () => {
    for (const e of await cardEvidence()) {
      const cited = REFERENCE_RANGES[e.id].evidence;
      if (!cited) continue;
      expect([e.id, cited.n, cited.r]).toEqual([e.id, e.n, Math.round(e.r * 100) / 100]);
    }
  }, 120_000);
});
