/**
 * `npm run train:readiness`: trains the readiness model on the MIT training split (eval/readiness),
 * prints its cross-validated validity, and writes services/analysis/readiness/weights.json.
 * Deterministic: the same testdata and code give the same file byte for byte.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { runReadiness, trainReadiness, WEIGHTS_FILE } from '../eval/sections/readiness.js';
import { repoRoot } from '../test/helpers/testdata.js';

const training = await trainReadiness();
writeFileSync(WEIGHTS_FILE, `${JSON.stringify(training.weights, null, 2)}\n`);
console.log(`wrote ${path.relative(repoRoot, WEIGHTS_FILE)}`);
await runReadiness((s) => console.log(s), training);
