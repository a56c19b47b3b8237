import { describe, expect, it } from '@jest/globals';
import { countWordTokens, isAnnotation, lexicalTokens } from '../../../services/analysis/metrics/tokens.js';

describe('countWordTokens', () => {
  it('counts whitespace tokens that hold a letter or digit', () => {
    expect(countWordTokens('hello')).toBe(1);
    expect(countWordTokens('self-substantial M.I.T $50')).toBe(3);
    expect(countWordTokens('so  -  well …')).toBe(2);
    expect(countWordTokens('')).toBe(0);
    expect(countWordTokens(',')).toBe(0);
  });

  it('counts letters outside ASCII', () => {
    expect(countWordTokens('日本 über')).toBe(2);
  });

  it('ignores whole-token annotations', () => {
    for (const a of ['[laughter]', '(inaudible)', '<sil>', ' [crosstalk] ']) {
      expect(isAnnotation(a)).toBe(true);
      expect(countWordTokens(a)).toBe(0);
    }
    expect(countWordTokens('word(2)')).toBe(1);
  });
});

describe('lexicalTokens', () => {
  it('splits on non-letters like a regex word boundary and lower-cases', () => {
    expect(lexicalTokens('Uh-huh, biologic-um').map((t) => t.norm)).toEqual(['uh', 'huh', 'biologic', 'um']);
    expect(lexicalTokens("y'know").map((t) => t.norm)).toEqual(['y', 'know']);
  });

  it('gives every token its hyphenated word; a dash or space does not join', () => {
    expect(lexicalTokens('Mm-hmm. self-made -- so uh').map((t) => t.word)).toEqual(['mm-hmm', 'mm-hmm', 'self-made', 'self-made', 'so', 'uh']);
    expect(lexicalTokens('a-b-c d').map((t) => t.word)).toEqual(['a-b-c', 'a-b-c', 'a-b-c', 'd']);
  });

  it('marks a token an opening quotation mark comes before, not an apostrophe', () => {
    expect(lexicalTokens('like, "can you').map((t) => t.quoteBefore)).toEqual([false, true, false]);
    expect(lexicalTokens("'sure' it's").map((t) => t.quoteBefore)).toEqual([true, false, false]);
    expect(lexicalTokens('“no” way').map((t) => t.quoteBefore)).toEqual([true, true]);
    expect(lexicalTokens("was like, 'yes'").map((t) => t.quoteBefore)).toEqual([false, false, true]);
  });

  it('marks sentence punctuation and dashes as breaks, hyphens as not', () => {
    expect(lexicalTokens('you, know uh-huh -- so. I mean').map((t) => t.breakAfter)).toEqual([
      true, false, false, true, true, false, false,
    ]);
  });
});
