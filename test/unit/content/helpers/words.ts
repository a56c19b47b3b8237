import type { Word } from '../../../../services/transcripts/transcript.js';

/** Words of one or more [speaker, text] turns at 0.4 s a word; " | " is a one-second pause. */
export function turns(...spec: readonly (readonly [string, string])[]): Word[] {
  const out: Word[] = [];
  let t = 0;
  for (const [speaker, text] of spec) {
    for (const token of text.split(/\s+/u).filter(Boolean)) {
      if (token === '|') {
        t += 1;
        continue;
      }
      out.push({ text: token, start: t, end: t + 0.3, speaker });
      t += 0.4;
    }
    t += 0.5;
  }
  return out;
}
