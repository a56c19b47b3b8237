/**
 * Timed words → speaker turns → sentences. Everything downstream (questions, answers, STAR, prep)
 * works on these sentences, so the split rules live in one place:
 *   - A word inherits the previous word's speaker when it has none (exporters label a turn once);
 *     words before any label belong to `fallbackSpeaker` (the candidate: an unlabelled transcript
 *     is a self-recorded practice run).
 *   - A Word whose text holds several tokens (an imported cue) is split into tokens, each given a
 *     share of the word's time proportional to its length, as the VTT importer does.
 *   - A turn is a run of consecutive tokens with the same speaker.
 *   - Sentences: when the turn has sentence punctuation (. ? !) we trust it; ASR output without
 *     punctuation is split at pauses ≥ PAUSE_SPLIT_SEC instead (0.7 s: longer than the within-clause
 *     pauses of fluent speech, which are mostly under half a second, so it mostly lands on clause ends).
 */
import type { Word } from '../../transcripts/transcript.js';

export const PAUSE_SPLIT_SEC = 0.7;

export interface Token {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly speaker: string;
}

export interface Sentence {
  /** Tokens joined with single spaces: verbatim from the transcript. */
  readonly text: string;
  readonly speaker: string;
  readonly start: number;
  readonly end: number;
  readonly tokens: readonly Token[];
}

export interface Turn {
  readonly speaker: string;
  readonly start: number;
  readonly end: number;
  readonly sentences: readonly Sentence[];
}

/** Normalised tokens with a speaker each. */
export function toTokens(words: readonly Word[], fallbackSpeaker = ''): Token[] {
  const out: Token[] = [];
  let speaker = fallbackSpeaker;
  for (const w of words) {
    if (w.speaker !== undefined && w.speaker !== '') speaker = w.speaker;
    const parts = w.text.split(/\s+/u).filter(Boolean);
    const chars = parts.reduce((n, p) => n + p.length, 0);
    let done = 0;
    for (const p of parts) {
      const start = w.start + ((w.end - w.start) * done) / chars;
      done += p.length;
      out.push({ text: p, start, end: w.start + ((w.end - w.start) * done) / chars, speaker });
    }
  }
  return out;
}

/** Abbreviations whose final dot does not end a sentence. */
const ABBREVIATION = /^(?:mr|mrs|ms|dr|prof|sr|jr|st|vs|etc|e\.g|i\.e|approx|inc|ltd|[b-hj-z]|(?:[a-z]\.)+[a-z])\.$/iu;
const ENDS_SENTENCE = /[.?!]+["')\]]*$/u;

const endsSentence = (t: Token): boolean => ENDS_SENTENCE.test(t.text) && !ABBREVIATION.test(t.text);

const makeSentence = (tokens: Token[]): Sentence => ({
  text: tokens.map((t) => t.text).join(' '),
  speaker: tokens[0]!.speaker,
  start: tokens[0]!.start,
  end: tokens.at(-1)!.end,
  tokens,
});

/** Splits one speaker's run of tokens into sentences (punctuation if any, else pauses). */
export function splitSentences(tokens: readonly Token[], pauseSec = PAUSE_SPLIT_SEC): Sentence[] {
  const punctuated = tokens.some(endsSentence);
  const out: Sentence[] = [];
  let current: Token[] = [];
  tokens.forEach((t, i) => {
    const next = tokens[i + 1];
    current.push(t);
    const boundary = punctuated ? endsSentence(t) : next !== undefined && next.start - t.end >= pauseSec;
    if (boundary || next === undefined) {
      out.push(makeSentence(current));
      current = [];
    }
  });
  return out;
}

/** Groups consecutive tokens by speaker and splits each turn into sentences. */
export function toTurns(words: readonly Word[], fallbackSpeaker = ''): Turn[] {
  const turns: Turn[] = [];
  let run: Token[] = [];
  const flush = (): void => {
    if (run.length === 0) return;
    turns.push({ speaker: run[0]!.speaker, start: run[0]!.start, end: run.at(-1)!.end, sentences: splitSentences(run) });
    run = [];
  };
  for (const t of toTokens(words, fallbackSpeaker)) {
    if (run.length > 0 && run[0]!.speaker !== t.speaker) flush();
    run.push(t);
  }
  flush();
  return turns;
}
