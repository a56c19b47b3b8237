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

  it('matches inside hyphenated tokens, as the reference regex \\b does, except back-channels', () => {
    expect(words('uh-huh biologic-um')).toEqual(['um']);
    expect(words('um-so I was uh-tired')).toEqual(['um', 'uh']);
  });
});

describe('detectFillers: back-channels are not fillers', () => {
  it.each([
    'Mm-hmm.', 'Uh-huh.', 'um-hum', 'Mm-hm, go on', 'uh-uh', 'Mm-mm.', 'mhm', 'Mmhmm.', 'um-hmm',
  ])('"%s" → no filler', (text) => {
    expect(words(text)).toEqual([]);
  });

  it('drops the whole word in any lexicon, the strict one included', () => {
    const strict = makeFillerLexicon(['um', 'uh', 'er', 'ah', 'hmm', 'mm']);
    expect(detectFillers(tl(...wordsFromText('Mm-hmm. Uh-huh, and um')), strict).map((f) => f.word)).toEqual(['um']);
  });

  it.each([
    ['Uh-huh. Uh, so', ['uh']],
    ['uh huh', ['uh']], // spelt apart it is two words: a hesitation and "huh"
    ['uh, uh', ['uh', 'uh']],
    ['Mm-hmm. And you know, we shipped', ['you know']],
    ['uh-um', ['uh', 'um']], // a stumble, not a back-channel shape
    ['um-um', ['um', 'um']],
    ['mm — hmm', ['mm', 'hmm']], // a dash, not a hyphen: two sounds
  ])('"%s" → %j', (text, expected) => {
    expect(words(text)).toEqual(expected);
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
    ['it was like, really hard', ['like']],
    ['that was like, no big deal', ['like']],
    ['I was like, you know, stuck', ['like', 'you know']],
    ['I was like going', ['like']],
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

describe('detectFillers: the quotative "be like" is not a filler', () => {
  it.each([
    'My manager was like, "can you make this faster"',
    "and I was like, 'sure.'",
    'she was like “no way”',
    'she was like, no way',
    "I was like, I don't know",
    "I'm like, why would we do that",
    'he was like: okay, ship it',
    'they were like oh you just lit up',
    "I'm like I don't know",
    "she's been like, what is this",
    'we were like yeah let us try',
  ])('"%s" has no filler "like"', (text) => {
    expect(words(text).filter((w) => w === 'like')).toEqual([]);
  });

  it.each([
    ['it was like, "really" hard', ['like']], // "it" does not speak
    ['that was like, why bother', ['like']],
    ['the meeting was like really long', ['like']],
    ['I was like going crazy', ['like']],
    ['we were like 20 people', ['like']],
    ['she was like, um, not sure', ['like', 'um']],
    ['he was like the project lead', []], // a noun phrase after "be like" compares
  ])('"%s" → %j', (text, expected) => {
    expect(words(text)).toEqual(expected);
  });
});

describe('detectFillers: "be like the" + a rank hedges the rank', () => {
  it.each([
    'your product is like the one tool my friends use',
    "that's like the biggest thing for me",
    'it was like the best job I had',
    'she is like the only person who knows',
    'it was like the easiest interview',
    'this is like the main reason',
  ])('"%s" → a filler "like"', (text) => {
    expect(words(text).filter((w) => w === 'like')).toEqual(['like']);
  });

  it.each([
    "it's like the one I had before",
    "it's like the one in the picture",
    "it's like the Wild West",
    'it was like a puzzle',
    "it's like the old system",
    'a tool like the best ones',
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
    // "you know" + wh-clause opening its clause: the verb "know".
    ['You know how users click on anything new?', []],
    ['I think you know why we are here', []],
    ['and you know what happened next?', []],
    ['You know where the logs are.', []],
    ['you know whether the test passed', []],
    // ... but with a pause, inside a clause, or before "that": the marker.
    ['You know, how we did it was simple', ['you know']],
    ['we shipped it you know when the deadline hit', ['you know']],
    ['it was fine, you know? Then we', ['you know']],
    ['you know that like I am a double major', ['you know', 'like']],
    ['you know what I mean', ['you know']],
    ['and you know, why not', ['you know']],
    // "I mean" with "it/that/this" as its object.
    ['I mean that literally; we waited', []],
    ['I mean it seriously, and I', []],
    ['I mean that as a compliment', []],
    ['I mean that.', []],
    ['I mean this', []],
    ['I mean that literally saved us', ['i mean']],
    ['I mean, that literally saved us', ['i mean']],
    ["I mean that's fine", ['i mean']],
    ['I mean this is the job', ['i mean']],
    ['I mean that, uh, we tried', ['i mean', 'uh']],
    // "kind of"/"sort of" after a determiner, before a grading adjective: softens the adjective.
    ['we had this sort of vague request', ['sort of']],
    ['it was a kind of weird situation', ['kind of']],
    ['that kind of messy code', ['kind of']],
    ['what kind of new features', []],
    ['the kind of technical problem I like', []],
    ['that sort of visibility', []],
    ['the kind of people who', []],
    ['the same kind of other issues', []],
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
