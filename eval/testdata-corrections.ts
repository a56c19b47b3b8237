/**
 * The testdata README's "known discrepancies" between the aligned words (audio/ref/*.words.tsv, from
 * older upstream TextGrids) and the reference texts (newer .lab files), applied as word patches so an
 * aligned transcript says exactly what the reference says. Pure: words in, words out.
 */
import type { Word } from '../services/transcripts/transcript.js';

export type WordPatch =
  /** A word the alignment lacks, placed in the middle half of the gap after the first `after`. */
  | { readonly kind: 'insert-after'; readonly after: string; readonly text: string }
  /** The first of two adjacent identical words `text` (the alignment has "uh uh", the reference "uh"). */
  | { readonly kind: 'drop-repeat'; readonly text: string };

export const CLIP_PATCHES: Readonly<Record<string, readonly WordPatch[]>> = {
  // acoustic_corpus.TextGrid is missing the "uh" after "intensity", which sits in the 0.97 s gap.
  mfa_acoustic_corpus: [{ kind: 'insert-after', after: 'intensity', text: 'uh' }],
  // cold_corpus.TextGrid still says "than the uh uh acoustic corpus"; the reference says "uh" once.
  mfa_cold_corpus: [{ kind: 'drop-repeat', text: 'uh' }],
};

export function applyPatch(words: readonly Word[], patch: WordPatch): Word[] {
  const out = [...words];
  if (patch.kind === 'insert-after') {
    const i = out.findIndex((w) => w.text === patch.after);
    if (i < 0) throw new Error(`patch: no word "${patch.after}"`);
    const gapStart = out[i]!.end;
    const gapEnd = out[i + 1]?.start ?? gapStart;
    const gap = Math.max(0, gapEnd - gapStart);
    out.splice(i + 1, 0, { text: patch.text, start: gapStart + gap / 4, end: gapStart + (3 * gap) / 4 });
    return out;
  }
  const i = out.findIndex((w, k) => w.text === patch.text && out[k + 1]?.text === patch.text);
  if (i < 0) throw new Error(`patch: no repeated "${patch.text}"`);
  out.splice(i, 1);
  return out;
}

export const applyPatches = (words: readonly Word[], patches: readonly WordPatch[]): Word[] =>
  patches.reduce<Word[]>((ws, p) => applyPatch(ws, p), [...words]);

/**
 * The manifest and mit_interview_stats.tsv count by the literal `Interviewer:` / `Interviewee:`
 * labels (testdata README), so a misspelt label is a word of the previous speaker there. The product
 * (and so eval/mit/lines.ts) reads it as the speaker it misspells (speaker-typos.ts). Of the 11
 * counted transcripts only pp25 has one: "Intrviewer: Mmm Hmm", the interviewer's back-channel in
 * the middle of an answer, which the counts give to the interviewee with "Intrviewer:" as a word.
 * These are the differences that line makes, by column (manifest word_count, stats columns).
 */
export const MIT_LABEL_TYPO_COUNTS: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  pp25: { word_count: -1, interviewer_words: 2, interviewee_words: -3, interviewer_fillers: 1, interviewee_fillers: -1, interviewee_filler_variants: -2 },
};
