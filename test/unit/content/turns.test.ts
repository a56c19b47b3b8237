import { describe, expect, it } from '@jest/globals';
import { splitSentences, toTokens, toTurns } from '../../../services/analysis/content/turns.js';
import { turns } from './helpers/words.js';

const texts = (words: Parameters<typeof toTurns>[0]) => toTurns(words).map((t) => t.sentences.map((s) => s.text));

describe('toTokens', () => {
  it('splits a multi-word cue into tokens sharing its time by length', () => {
    const t = toTokens([{ text: 'ab cd', start: 0, end: 4, speaker: 'A' }]);
    expect(t.map((x) => [x.text, x.start, x.end])).toEqual([['ab', 0, 2], ['cd', 2, 4]]);
  });
  it('inherits the previous speaker and uses the fallback before any label', () => {
    const t = toTokens([{ text: 'a', start: 0, end: 1 }, { text: 'b', start: 1, end: 2, speaker: 'X' }, { text: 'c', start: 2, end: 3 }], 'me');
    expect(t.map((x) => x.speaker)).toEqual(['me', 'X', 'X']);
  });
  it('returns nothing for no words', () => expect(toTokens([])).toEqual([]));
});

describe('toTurns', () => {
  it('groups consecutive words by speaker', () => {
    const t = toTurns(turns(['I', 'Hello there.'], ['C', 'Hi.'], ['I', 'Okay.']));
    expect(t.map((x) => x.speaker)).toEqual(['I', 'C', 'I']);
  });
  it('splits on sentence punctuation when the turn has any', () => {
    expect(texts(turns(['C', 'I built it. Then we shipped! Why? Because.']))).toEqual([['I built it.', 'Then we shipped!', 'Why?', 'Because.']]);
  });
  it('does not split after abbreviations or initials', () => {
    expect(texts(turns(['C', 'I met Dr. Smith in the U.S. last year.']))).toEqual([['I met Dr. Smith in the U.S. last year.']]);
  });
  it('falls back to pauses of 0.7 s or more for unpunctuated text', () => {
    expect(texts(turns(['C', 'first part here | second part']))).toEqual([['first part here', 'second part']]);
  });
  it('ignores pauses when punctuation is present', () => {
    expect(texts(turns(['C', 'one | two.']))).toEqual([['one two.']]);
  });
  it('keeps sentence text verbatim', () => {
    expect(texts(turns(['C', 'Um, so, I "fixed" it.']))).toEqual([['Um, so, I "fixed" it.']]);
  });
  it('is empty for an empty transcript', () => expect(toTurns([])).toEqual([]));
});

describe('splitSentences', () => {
  it('respects a custom pause threshold', () => {
    const tokens = toTokens(turns(['C', 'a | b']));
    expect(splitSentences(tokens, 2).map((s) => s.text)).toEqual(['a b']);
  });
});
