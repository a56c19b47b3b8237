/**
 * Locates the shared, read-only speech fixtures (../shared/testdata beside the repo, or
 * $TESTDATA_DIR). They are read in place and never copied into the repository.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export const testdataDir = (): string => process.env.TESTDATA_DIR ?? path.resolve(repoRoot, '../shared/testdata');

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
