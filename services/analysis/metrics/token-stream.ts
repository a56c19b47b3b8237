import type { Timeline } from './timeline.js';
import { type LexicalToken, lexicalTokens } from './tokens.js';

/**
 * One lexical token of the transcript with where and by whom it was said. The lexical fields mean
 * what they mean in tokens.ts; `offset` here is into the stream's `text`, for aligning a tagger.
 */
export interface Tok extends LexicalToken {
  /** Start of the engine word holding it (sub-word timing is not available). */
  readonly start: number;
  readonly speaker: string | undefined;
  /** Index of the speaker turn (a maximal run of words by one speaker), counted from 0. */
  readonly turn: number;
}

export interface TokenStream {
  readonly toks: readonly Tok[];
  /** The words joined with single spaces, turns with a newline: what a tagger reads. */
  readonly text: string;
}

/**
 * One token stream over the whole timeline (all speakers), so phrase rules can look at neighbours and
 * a phrase can span two engine words. Detectors run on it once and their items are then filtered by
 * speaker; running them on one speaker's words alone would glue the end of one answer to the start
 * of the next.
 */
export function tokenStream(tl: Timeline): TokenStream {
  const toks: Tok[] = [];
  let text = '';
  let turn = -1;
  let prevSpeaker: string | undefined;
  tl.words.forEach((w, i) => {
    if (i === 0 || w.speaker !== prevSpeaker) {
      turn++;
      if (i > 0) text += '\n';
    } else {
      text += ' ';
    }
    prevSpeaker = w.speaker;
    const base = text.length;
    for (const t of lexicalTokens(w.text)) {
      toks.push({ ...t, offset: base + t.offset, start: w.start, speaker: w.speaker, turn });
    }
    text += w.text;
  });
  return { toks, text };
}

/** The neighbour `k` tokens away (negative: before) in the same turn, or undefined. */
export function neighbour(toks: readonly Tok[], i: number, k: number): Tok | undefined {
  const t = toks[i + k];
  return t && t.turn === toks[i]?.turn ? t : undefined;
}
