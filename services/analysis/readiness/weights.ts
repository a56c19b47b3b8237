/**
 * The trained readiness weights. weights.json is written by `npm run train:readiness` (never by hand)
 * and a test checks that training reproduces it exactly.
 */
import weights from './weights.json' with { type: 'json' };
import type { ReadinessWeights } from './model.js';

export const READINESS_WEIGHTS = weights as ReadinessWeights;
