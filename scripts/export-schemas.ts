/**
 * Writes the generated JSON Schemas under schemas/. Run after changing a zod schema:
 *   node --import tsx scripts/export-schemas.ts          (write)
 *   node --import tsx scripts/export-schemas.ts --check  (exit 1 if a committed file is stale; for CI)
 * The rendering lives beside the schema (services/analysis/report.json-schema.ts) so the drift test
 * compares against exactly what this script writes.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { REPORT_JSON_SCHEMAS } from '../services/analysis/report.json-schema.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outputs: ReadonlyArray<{ file: string; render: () => string }> = [...REPORT_JSON_SCHEMAS];

async function readIfExists(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

const check = process.argv.includes('--check');
let stale = 0;
for (const { file, render } of outputs) {
  const target = path.join(repoRoot, file);
  const text = render();
  if ((await readIfExists(target)) === text) {
    console.log(`${file}: up to date`);
  } else if (check) {
    stale++;
    console.error(`${file}: stale — run node --import tsx scripts/export-schemas.ts`);
  } else {
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, text);
    console.log(`${file}: written`);
  }
}
if (stale > 0) process.exitCode = 1;
