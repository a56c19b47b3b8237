/**
 * Locates the shared, read-only speech fixtures: $TESTDATA_DIR, else ../shared/testdata beside the
 * repo, else beside the checkout this one was cloned from (CI clones into a temporary directory).
 * They are read in place and never copied into the repository.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The local checkout this one was cloned from, if any (a URL origin has no shared folder). */
function localOrigin(): string | null {
  try {
    const url = execFileSync('git', ['config', '--get', 'remote.origin.url'], { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return path.isAbsolute(url) ? url : null;
  } catch {
    return null;
  }
}

let found: string | undefined;

export const testdataDir = (): string => {
  if (process.env.TESTDATA_DIR) return process.env.TESTDATA_DIR;
  if (found) return found;
  const beside = path.resolve(repoRoot, '../shared/testdata');
  const origin = localOrigin();
  const candidates = origin ? [beside, path.resolve(origin, '../shared/testdata')] : [beside];
  // The first that holds the manifest; else the usual place, so errors name where it was expected.
  found = candidates.find((dir) => existsSync(path.join(dir, 'manifest.tsv'))) ?? beside;
  return found;
};

export const testdataPath = (...parts: string[]): string => path.join(testdataDir(), ...parts);

export const hasTestdata = (): boolean => existsSync(path.join(testdataDir(), 'manifest.tsv'));

export interface ManifestRow {
  file: string;
  kind: string;
  durationSec: number;
  referenceTextFile: string;
  wordCount: number;
}

export function readManifest(): ManifestRow[] {
  const [header, ...rows] = readFileSync(testdataPath('manifest.tsv'), 'utf8').trim().split('\n');
  const cols = header!.split('\t');
  const col = (cells: string[], name: string): string => cells[cols.indexOf(name)] ?? '';
  return rows.map((line) => {
    const cells = line.split('\t');
    return {
      file: col(cells, 'file'),
      kind: col(cells, 'kind'),
      durationSec: Number(col(cells, 'duration_s')),
      referenceTextFile: col(cells, 'reference_text_file'),
      wordCount: Number(col(cells, 'word_count')),
    };
  });
}

/** The manifest row of a clip, by its path relative to the testdata folder ("audio/jfk.wav"). */
export function clip(file: string): ManifestRow & { path: string; reference: string } {
  const row = readManifest().find((r) => r.file === file);
  if (!row) throw new Error(`${file} is not in ${testdataPath('manifest.tsv')}`);
  return { ...row, path: testdataPath(row.file), reference: readFileSync(testdataPath(row.referenceTextFile), 'utf8') };
}
