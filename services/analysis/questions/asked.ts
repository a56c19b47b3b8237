/**
 * Questions per speaker turn over a timeline, for the metrics: `questionsAsked` counts them per
 * speaker, and the candidate is the speaker who answers them (speakers.ts). One question per asking
 * turn (turn.ts): "Do you consider yourself a team player? Can you give me an example?" is one
 * question to answer, not two. Turns are numbered as metrics/turns.ts numbers them.
 */
import { splitSentences, toTokens } from '../content/turns.js';
import type { Timeline } from '../metrics/timeline.js';
import { turns } from '../metrics/turns.js';
import { askOfTurn } from './turn.js';

export interface AskedQuestion {
  /** Index of the asking turn in metrics/turns.ts order. */
  readonly turn: number;
  readonly speaker: string | undefined;
  /** Start of the first asking sentence, seconds. */
  readonly start: number;
  readonly text: string;
}

export function askedQuestions(tl: Timeline): AskedQuestion[] {
  const all = turns(tl);
  const textOf = (i: number): string | undefined => (i < 0 ? undefined : tl.words.slice(all[i]!.from, all[i]!.to).map((w) => w.text).join(' '));
  return all.flatMap((t, turn) => {
    const words = tl.words.slice(t.from, t.to);
    const ask = askOfTurn(splitSentences(toTokens(words, t.speaker)), textOf(turn - 1));
    return ask ? [{ turn, speaker: words[0]!.speaker, start: ask.sentences[0]!.start, text: ask.text }] : [];
  });
}
