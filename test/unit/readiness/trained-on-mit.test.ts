/**
 * The committed readiness weights and card evidence are what the training split gives: retraining
 * (npm run train:readiness) reproduces weights.json exactly, and every card's cited r and n equal the
 * `npm run eval -- --only cards` measurement. Training is the one train:readiness runs
 * (trainReadiness); the cards are measured on its timed reports, which are the ones the cards section
 * builds. Needs ../shared/testdata (skipped without it).
 */
import { beforeAll, describe, expect, it } from '@jest/globals';
import { REFERENCE_RANGES } from '../../../services/analysis/reference-ranges.js';
import { cardEvidence } from '../../../eval/sections/cards.js';
import { committedWeights, trainReadiness, type ReadinessTraining } from '../../../eval/sections/readiness.js';
import { hasTestdata } from '../../helpers/testdata.js';

const maybe = hasTestdata() ? describe : describe.skip;

maybe('readiness model and card evidence on the MIT training split', () => {
  let training: ReadinessTraining;
  beforeAll(async () => {
    training = await trainReadiness();
  }, 120_000);

  it('retraining reproduces weights.json, with cross-validated r ≥ 0.6 timed and ≥ 0.45 untimed', () => {
    const trained = training.weights;
    expect(trained).toEqual(committedWeights());
    expect(trained.variants.timed.validity.r).toBeGreaterThanOrEqual(0.6);
    expect(trained.variants.untimed.validity.r).toBeGreaterThanOrEqual(0.45);
  });

  it('every card cites the r and n measured on the training split', async () => {
    const evidence = await cardEvidence(training.examples.timed);
    expect(evidence.length).toBeGreaterThan(0);
    for (const e of evidence) {
      const cited = REFERENCE_RANGES[e.id].evidence;
      if (!cited) continue;
      expect([e.id, cited.n, cited.r]).toEqual([e.id, e.n, Math.round(e.r * 100) / 100]);
    }
  }, 120_000);
});
