/**
 * `npm run train:readiness`: trains the readiness model on the MIT training split (eval/readiness),
 * prints its cross-validated validity, and writes services/analysis/readiness/weights.json.
 * Deterministic: the same testdata and code give the same file byte for byte.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { runReadiness, trainingExamples } from '../eval/sections/readiness.js';
import { train } from '../eval/readiness/train.js';
import { repoRoot } from '../test/helpers/testdata.js';

const file = path.join(repoRoot, 'services/analysis/readiness/weights.json');
writeFileSync(file, `${JSON.stringify(train(await trainingExamples()), null, 2)}\n`);
console.log(`wrote ${path.relative(repoRoot, file)}`);
await runReadiness((s) => console.log(s));
