/**
 * Loads the labelled evaluation set (test/fixtures/labelled). A fixture holds speaker turns as text;
 * words get synthetic times at the fixture's speaking rate, " | " inside a turn is a one-second pause
 * (how unpunctuated ASR fixtures show their sentence breaks), and turns are 0.8 s apart.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Word } from '../services/transcripts/transcript.js';
import type { ContentLabels } from '../services/analysis/content/evaluate.js';
import { repoRoot } from '../test/helpers/testdata.js';

export interface LabelledFixture {
  readonly id: string;
  readonly description: string;
  readonly candidate: string;
  readonly wpm: number;
  readonly prepNotes?: string;
  readonly turns: readonly { readonly speaker: string; readonly text: string }[];
  readonly labels: ContentLabels;
}

export const labelledDir = path.join(repoRoot, 'test/fixtures/labelled');

export function readLabelledFixtures(): LabelledFixture[] {
  return readdirSync(labelledDir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(path.join(labelledDir, f), 'utf8')) as LabelledFixture);
}

const PAUSE_SEC = 1.0;
const TURN_GAP_SEC = 0.8;

/** Timed words for a list of turns; each word takes 60/wpm s, 80% spoken and 20% gap. */
export function fixtureWords(turns: LabelledFixture['turns'], wpm = 150): Word[] {
  const slot = 60 / wpm;
  const words: Word[] = [];
  let t = 0;
  for (const turn of turns) {
    for (const token of turn.text.split(/\s+/u).filter(Boolean)) {
      if (token === '|') {
        t += PAUSE_SEC;
        continue;
      }
      words.push({ text: token, start: t, end: t + slot * 0.8, speaker: turn.speaker });
      t += slot;
    }
    t += TURN_GAP_SEC;
  }
  return words;
}

/** Labels for a real MIT transcript (quotes and line numbers only; the transcript stays in testdata). */
export interface MitLabels extends ContentLabels {
  readonly transcript: string;
  readonly candidate: string;
}

export function readMitLabels(): MitLabels[] {
  const dir = path.join(labelledDir, 'mit');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.labels.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as MitLabels);
}
