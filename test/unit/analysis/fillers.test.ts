import { describe, expect, it } from '@jest/globals';
import { detectFillers, fillerStats } from '../../../services/analysis/metrics/fillers.js';
import { makeFillerLexicon } from '../../../services/analysis/metrics/filler-lexicon.js';
import { hesitation } from '../../../services/analysis/metrics/word-sets.js';
import { tl, word, wordsFromText } from './helpers/synthetic.js';

const words = (text: string) => detectFillers(tl(...wordsFromText(text))).map((f) => f.word);

describe('detectFillers: hesitations', () => {
  it('finds every hesitation, case- and punctuation-insensitively, under canonical names', () => {
    expect(words('Um, uh er AH hmm mm erm uhm umm hm.')).toEqual(['um', 'uh', 'er', 'ah', 'hmm', 'mm', 'erm', 'um', 'um', 'hmm']);
  });

  it.each([
    ['ummm', 'um'], ['uhh', 'uh'], ['errr', 'er'], ['ahh', 'ah'], ['hmmm', 'hmm'], ['mmm', 'mm'], ['uhm', 'um'],
  ])('spelling %s is %s', (spelt, canonical) => {
    expect(hesitation(spelt)).toBe(canonical);
  });

  it('does not count back-channels or words that merely contain a filler', () => {
    expect(words('mhm umbrellas summer ahead hummus mum')).toEqual([]);
    expect(hesitation('m')).toBeUndefined();
  });

  it('matches inside hyphenated tokens, as the reference regex \\b does', () => {
    expect(words('uh-huh biologic-um')).toEqual(['uh', 'um']);
  });
});

describe('detectFillers: "like" only as a filler', () => {
  it.each([
    ['um like I was like going', ['um', 'like', 'like']],
    ['we were like competing', ['like']],
    ['it only like existed my freshman year', ['like']],
    ['it was like 20 people', ['like']],
    ['we had like five people', ['like']],
    ['the project was like really hard', ['like']],
    ['she was like, no way', ['like']],
    ['Like, I do not know', ['like']],
    ['and like um like exercising', ['like', 'um', 'like']],
    ['people like like the paper', ['like', 'like']],
    ['so like for example', ['like']],
    ['the only way like I mean', ['like', 'i mean']],
    ['coach asked you to like run', ['like']],
    ['I always like am reliably', ['like']],
    ['there were times where like we were', ['like']],
    ['I am exploring like the industry side', ['like']],
    ['it just takes like practice', ['like']],
  ])('"%s" → %j', (text, expected) => {
    expect(words(text)).toEqual(expected);
  });

  it.each([
    'I like Python', 'it looks like rain', 'something like that', 'and stuff like that', 'I would like to work here',
    'like I said', 'things like Java and Python', 'just like my dad', 'I felt like I was failing', 'do you like it',
    'he likes cats', "it's like a puzzle", "I'd like that", 'I really like working with people',
    'languages like Python', 'it was kind of like advertisement', 'we like um Rust', 'I also like to bake',
    'What is the team like?',
  ])('"%s" has no filler "like"', (text) => {
    expect(words(text).filter((w) => w === 'like')).toEqual([]);
  });
});

describe('detectFillers: multi-word fillers and their literal uses', () => {
  it('counts each phrase as ONE item, including "yknow"/"y\'know" and "you know what I mean"', () => {
    expect(words("so you know I mean it was yknow and y'know")).toEqual(['you know', 'i mean', 'you know', 'you know']);
    expect(words('you know what I mean')).toEqual(['you know']);
    expect(detectFillers(tl(word('you', 1, 1.2), word('know', 1.2, 1.5)))).toMatchObject([{ word: 'you know', start: 1 }]);
  });

  it.each([
    ['do you know what', []],
    ['did you know him', []],
    ['as you know', []],
    ['I will let you know', []],
    ['if you know the answer', []],
    ['you know him well', []],
    ['it was standard you know we signed', ['you know']],
    ['what I mean is', []],
    ['what I mean by that', []],
    ['I mean it.', []],
    ['I mean it was hard', ['i mean']],
    ['and um I mean we approached', ['um', 'i mean']],
    ['a kind of tool', []],
    ['what sort of role', []],
    ['this kind of interview', []],
    ['we kind of slowed down', ['kind of']],
    ['I sort of basically had', ['sort of', 'basically']],
  ])('"%s" → %j', (text, expected) => {
    expect(words(text)).toEqual(expected);
  });

  it('does not join a phrase across sentence punctuation or a change of speaker', () => {
    expect(words('did you. Know what')).toEqual([]);
    const t = tl(word('you', 0, 1, { speaker: 'A' }), word('know', 1, 2, { speaker: 'B' }));
    expect(detectFillers(t)).toEqual([]);
  });

  it('carries the speaker and follows time order for unsorted input', () => {
    const t = tl(word('um', 5, 5.2, { speaker: 'B' }), word('hello', 1, 1.4, { speaker: 'A' }), word('uh', 3, 3.1, { speaker: 'A' }));
    expect(detectFillers(t).map(({ word: w, start, speaker }) => ({ w, start, speaker }))).toEqual([
      { w: 'uh', start: 3, speaker: 'A' },
      { w: 'um', start: 5, speaker: 'B' },
    ]);
  });

  it('uses the lexicon it is given; longer phrases win; a matched token is not counted again', () => {
    const lex = makeFillerLexicon(['well', 'um'], ['sort of', ['you know what i mean', 'ykwim'], 'well um']);
    expect(detectFillers(tl(...wordsFromText('well you know what I mean sort of')), lex).map((f) => f.word)).toEqual(['well', 'ykwim', 'sort of']);
    expect(detectFillers(tl(...wordsFromText('well um um')), lex).map((f) => f.word)).toEqual(['well um', 'um']);
    expect(() => makeFillerLexicon([], ['single'])).toThrow(RangeError);
  });

  it('finds nothing in an empty timeline', () => {
    expect(detectFillers(tl())).toEqual([]);
  });
});

describe('fillerStats', () => {
  const item = (w: string, start: number) => ({ word: w, start, speaker: 's', index: 0 });

  it('derives per-minute and word-share figures', () => {
    const items = [item('um', 1), item('uh', 2), item('you know', 3)];
    expect(fillerStats(items, 60, 90)).toEqual({ count: 3, perMinute: 2, ratio: 0.05, items });
  });

  it('is all zeros without words or time', () => {
    expect(fillerStats([], 0, 0)).toEqual({ count: 0, perMinute: 0, ratio: 0, items: [] });
  });
});
