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
