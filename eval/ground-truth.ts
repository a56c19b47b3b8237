import { readFileSync } from 'node:fs';
import type { Word } from '../services/transcripts/transcript.js';
import { testdataPath } from '../test/helpers/testdata.js';
import { mitLines } from './mit/lines.js';
import { wordsFromText } from './synthetic-words.js';

/** One row of testdata/manifest.tsv (see its README for the column meanings). */
export interface ManifestRow {
  readonly file: string;
  readonly kind: 'audio' | 'transcript';
  readonly durationSec: number | undefined;
  readonly referenceTextFile: string;
  readonly wordCount: number;
  readonly fillerCount: number;
}

function readTsv(file: string): Record<string, string>[] {
  const [header, ...rows] = readFileSync(testdataPath(file), 'utf8').trimEnd().split('\n');
  const cols = (header ?? '').split('\t');
  return rows.map((r) => {
    const cells = r.split('\t');
    return Object.fromEntries(cols.map((c, i) => [c, cells[i] ?? '']));
  });
}

export function readManifest(): ManifestRow[] {
  return readTsv('manifest.tsv').map((r) => ({
    file: r.file!,
    kind: r.kind === 'transcript' ? 'transcript' : 'audio',
    durationSec: r.duration_s ? Number(r.duration_s) : undefined,
    referenceTextFile: r.reference_text_file!,
    wordCount: Number(r.word_count),
    fillerCount: Number(r.filler_count),
  }));
}

export function manifestRow(file: string): ManifestRow {
  const row = readManifest().find((r) => r.file === file);
  if (!row) throw new Error(`${file} is not in the testdata manifest`);
  return row;
}

/** audio/ref/<clip>.words.tsv → timed words (upstream MFA TextGrid alignments). */
export function readWordTimings(clip: string): Word[] {
  return readTsv(`audio/ref/${clip}.words.tsv`).map((r) => ({
    text: r.word!,
    start: Number(r.start_s),
    end: Number(r.end_s),
  }));
}

export const readText = (file: string): string => readFileSync(testdataPath(file), 'utf8');

/** Per-speaker facts from transcripts/mit_interview_stats.tsv, keyed by participant id ("p21"). */
export function readMitStats(): Map<string, Record<string, string>> {
  return new Map(readTsv('transcripts/mit_interview_stats.tsv').map((r) => [r.participant!, r]));
}

/**
 * An MIT transcript as timed words: its lines as the product reads them (mit/lines.ts: labels become
 * speakers, an unlabelled line continues the previous speaker, typo labels are merged, annotations
 * are not words), with synthetic times (1.5 s between lines; with `gapSec: 0` every speaker's
 * speaking time is exactly wordSec × their words).
 */
export function mitTranscriptWords(file: string, timing: { wordSec?: number; gapSec?: number } = {}): Word[] {
  const words: Word[] = [];
  let t = 0;
  for (const line of mitLines(readText(file))) {
    const lineWords = wordsFromText(line.text, { ...timing, startSec: t }, line.speaker);
    words.push(...lineWords);
    t = lineWords.at(-1)!.end + 1.5;
  }
  return words;
}
