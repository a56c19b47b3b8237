import { describe, expect, it } from '@jest/globals';
import { pronounStats } from '../../../services/analysis/metrics/pronouns.js';
import { lexicalTokens } from '../../../services/analysis/metrics/tokens.js';
import { vocabularyStats } from '../../../services/analysis/metrics/vocabulary.js';

const norms = (text: string) => lexicalTokens(text).map((t) => t.norm);

describe('vocabularyStats', () => {
  it('is the plain type-token ratio for texts no longer than the window', () => {
    expect(vocabularyStats(norms('the cat saw the dog'))).toEqual({ uniqueRatio: 0.8, uniqueWords: 4, mattr: 0.8, windowWords: 50 });
  });

  it('averages the distinct share over every window (MATTR)', () => {
    // a b a b c, window 2: [a b]=1, [b a]=1, [a b]=1, [b c]=1 → 1; window 3: 2/3, 2/3, 1 → 7/9.
    expect(vocabularyStats(['a', 'b', 'a', 'b', 'c'], 2).mattr).toBe(1);
    expect(vocabularyStats(['a', 'b', 'a', 'b', 'c'], 3).mattr).toBeCloseTo(7 / 9, 12);
    expect(vocabularyStats(['x', 'x', 'x', 'x'], 2).mattr).toBe(0.5);
  });

  it('does not fall with length the way the plain ratio does', () => {
    const varied = Array.from({ length: 1000 }, (_, i) => `w${i % 60}`);
    const s = vocabularyStats(varied);
    expect(s.uniqueRatio).toBeCloseTo(0.06, 2);
    expect(s.mattr).toBe(1); // every 50-word window holds 50 distinct words
  });

  it('ignores hesitations and handles empty input', () => {
    expect(vocabularyStats(norms('um uh the the')).uniqueRatio).toBe(0.5);
    expect(vocabularyStats([])).toEqual({ uniqueRatio: 0, uniqueWords: 0, mattr: 0, windowWords: 50 });
  });
});

describe('pronounStats', () => {
  it('counts first person singular and plural, contractions included', () => {
    expect(pronounStats(norms("I'm sure my team and I did it; we shipped our code, and it made us proud. Me too."))).toEqual({
      i: 4, we: 3, weRatio: 3 / 7,
    });
  });

  it('is zero without first-person words', () => {
    expect(pronounStats(norms('the team shipped it'))).toEqual({ i: 0, we: 0, weRatio: 0 });
  });
});
