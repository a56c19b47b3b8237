import { describe, expect, it } from '@jest/globals';
import { detectFillers, fillerStats } from '../../../services/analysis/metrics/fillers.js';
import { DEFAULT_FILLER_LEXICON, makeFillerLexicon } from '../../../services/analysis/metrics/filler-lexicon.js';
import { tl, word, wordsFromText } from './helpers/synthetic.js';

const words = (text: string) => detectFillers(tl(...wordsFromText(text))).map((f) => f.word);

describe('detectFillers', () => {
  it('finds every single-token filler of the v1 list, case- and punctuation-insensitively', () => {
    expect(words('Um, uh er AH hmm mm erm uhm umm hm.')).toEqual([
      'um', 'uh', 'er', 'ah', 'hmm', 'mm', 'erm', 'uhm', 'umm', 'hm',
    ]);
  });

  it('does not count "like" or words that merely contain a filler', () => {
    expect(words('I like umbrellas, the summer and ahead hummus')).toEqual([]);
  });

  it('counts "you know" and "I mean" as ONE item each, including "yknow"/"y\'know"', () => {
    expect(words('so you know I mean it yknow and y\'know')).toEqual(['you know', 'i mean', 'you know', 'you know']);
    const t = tl(word('you', 1, 1.2), word('know', 1.2, 1.5));
    expect(detectFillers(t)).toEqual([{ word: 'you know', start: 1 }]);
  });

  it('does not join a phrase across sentence punctuation or a change of speaker', () => {
    expect(words('did you. Know what')).toEqual([]);
    const t = tl(word('you', 0, 1, { speaker: 'A' }), word('know', 1, 2, { speaker: 'B' }));
    expect(detectFillers(t)).toEqual([]);
  });

  it('matches inside hyphenated tokens, as the reference regex \\b does', () => {
    expect(words('uh-huh biologic-um')).toEqual(['uh', 'um']);
  });

  it('reports the start of the engine word and follows time order for unsorted input', () => {
    const t = tl(word('um', 5, 5.2), word('hello', 1, 1.4), word('uh', 3, 3.1));
    expect(detectFillers(t)).toEqual([{ word: 'uh', start: 3 }, { word: 'um', start: 5 }]);
  });

  it('uses the lexicon it is given; longer phrases win', () => {
    const lex = makeFillerLexicon(['well'], ['sort of', 'kind of', ['you know what i mean', 'ykwim']]);
    const t = tl(...wordsFromText('well you know what I mean sort of'));
    expect(detectFillers(t, lex).map((f) => f.word)).toEqual(['well', 'ykwim', 'sort of']);
    expect(() => makeFillerLexicon([], ['single'])).toThrow(RangeError);
  });

  it('does not count a token again once it is part of a matched phrase', () => {
    const lex = makeFillerLexicon(['um'], ['well um']);
    expect(detectFillers(tl(...wordsFromText('well um um')), lex).map((f) => f.word)).toEqual(['well um', 'um']);
  });

  it('default lexicon has the v1 list and no "like"', () => {
    expect(DEFAULT_FILLER_LEXICON.single.has('like')).toBe(false);
    expect(DEFAULT_FILLER_LEXICON.phrases.map((p) => p.canonical).sort()).toEqual(['i mean', 'you know', 'you know']);
  });

  it('finds nothing in an empty timeline', () => {
    expect(detectFillers(tl())).toEqual([]);
  });
});

describe('fillerStats', () => {
  it('derives per-minute and word-share figures', () => {
    const items = [{ word: 'um', start: 1 }, { word: 'uh', start: 2 }, { word: 'you know', start: 3 }];
    expect(fillerStats(items, 60, 90)).toEqual({ count: 3, perMinute: 2, ratio: 0.05, items });
  });

  it('is all zeros without words or time', () => {
    expect(fillerStats([], 0, 0)).toEqual({ count: 0, perMinute: 0, ratio: 0, items: [] });
  });
});
