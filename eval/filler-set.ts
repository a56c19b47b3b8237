/**
 * Loads the filler-labelled set and lays it out as timed words (eval/labelled.ts `fixtureWords`), with
 * each gold mark turned into the index of the word where it begins.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Word } from '../services/transcripts/transcript.js';
import { repoRoot } from '../test/helpers/testdata.js';
import type { FillerAt } from './filler-score.js';
import { parseFillerFixture, type ParsedFillerFixture } from './filler-fixture.js';
import { fixtureWords } from './labelled.js';

export const fillerSetDir = path.join(repoRoot, 'test/fixtures/labelled-fillers');

export interface TimedFillerFixture extends ParsedFillerFixture {
  readonly id: string;
  readonly words: readonly Word[];
  readonly goldAt: readonly FillerAt[];
}

/** Words at `wpm` (one per whitespace token, turns in order) and the gold marks as word indices. */
export function timeFillerFixture(id: string, parsed: ParsedFillerFixture, wpm = 150): TimedFillerFixture {
  const words = fixtureWords(parsed.turns, wpm);
  const offsets: number[] = [];
  let n = 0;
  for (const t of parsed.turns) {
    offsets.push(n);
    n += t.text.split(/\s+/u).filter(Boolean).length;
  }
  if (n !== words.length) throw new Error(`${id}: ${n} tokens but ${words.length} timed words`);
  const goldAt = parsed.gold.map((g) => ({ word: offsets[g.turn]! + g.token, type: g.type }));
  return { ...parsed, id, words, goldAt };
}

export function readFillerSet(dir = fillerSetDir): TimedFillerFixture[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => timeFillerFixture(f.replace(/\.txt$/, ''), parseFillerFixture(readFileSync(path.join(dir, f), 'utf8'))));
}
