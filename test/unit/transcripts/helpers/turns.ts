import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Transcript } from '../../../../services/transcripts/transcript.js';
import { repoRoot } from '../../../helpers/testdata.js';

export const fixture = (name: string): string => readFileSync(path.join(repoRoot, 'test/fixtures/transcripts', name), 'utf8');

/** Speaker turns as [speaker, words…] for compact assertions. */
export const turns = (t: Transcript): [string | undefined, string][] => {
  const out: [string | undefined, string][] = [];
  for (const w of t.words) {
    const last = out.at(-1);
    if (last && last[0] === w.speaker) last[1] += ` ${w.text}`;
    else out.push([w.speaker, w.text]);
  }
  return out;
};
