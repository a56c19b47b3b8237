import { describe, expect, it } from '@jest/globals';
import { detectHedges } from '../../../services/analysis/metrics/hedges.js';
import { detectRepetitions } from '../../../services/analysis/metrics/repetition.js';
import { tokenStream } from '../../../services/analysis/metrics/token-stream.js';
import { tl, word, wordsFromText } from './helpers/synthetic.js';

const stream = (text: string) => tokenStream(tl(...wordsFromText(text)));
const hedges = (text: string) => detectHedges(stream(text)).map((h) => h.word);
const repeats = (text: string) => detectRepetitions(stream(text).toks).map((r) => `${r.text}×${r.times}`);

describe('detectHedges', () => {
  it.each([
    ['I think we should ship it', ['i think']],
    ['I guess maybe it was probably fine', ['i guess', 'maybe', 'probably']],
    ['perhaps it is somewhat hard', ['perhaps', 'somewhat']],
    ["I just fixed a little bit of it, I'm not sure", ['just', 'a bit', 'not sure']],
    ['I would say it went a bit slowly', ["i'd say", 'a bit']],
    ['I feel like it worked, hopefully', ['i feel like', 'hopefully']],
    ['I believe in testing', []],
    ['what I think matters is data', []],
    ['I think about scaling every day', []],
    ['it was a just decision', []],
    ['I led the migration and cut costs by 30%', []],
  ])('"%s" → %j', (text, expected) => {
    expect(hedges(text)).toEqual(expected);
  });
});

describe('detectRepetitions', () => {
  it.each([
    ['I I led the team', ['i×2']],
    ['we fixed the the bug', ['the×2']],
    ['we we were late', ['we×2']],
    ['it was for the for the paper', ['for the×2']],
    ['I I I think', ['i×3']],
    ['I, I did it', ['i×2']],
    ['we were we were done', ['we were×2']],
  ])('"%s" → %j', (text, expected) => {
    expect(repeats(text)).toEqual(expected);
  });

  it.each(['um um so', 'it was very very good', 'I know that that works', 'no no it was fine', 'he had had enough'])(
    'does not count hesitations or intended doubles: "%s"',
    (text) => expect(repeats(text)).toEqual([]),
  );

  it('does not count a repeat across a sentence end or a change of speaker', () => {
    expect(repeats('We shipped it. It worked. Yes. Yes.')).toEqual([]);
    const t = tl(word('right', 0, 1, { speaker: 'A' }), word('right', 1, 2, { speaker: 'B' }));
    expect(detectRepetitions(tokenStream(t).toks)).toEqual([]);
  });

  it('reports start and speaker of the first occurrence', () => {
    const t = tl(word('so', 0, 1, { speaker: 'A' }), word('I', 2, 2.1, { speaker: 'A' }), word('I', 2.2, 2.3, { speaker: 'A' }));
    expect(detectRepetitions(tokenStream(t).toks)).toEqual([{ text: 'i', times: 2, start: 2, speaker: 'A' }]);
  });
});
