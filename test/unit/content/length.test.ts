import { describe, expect, it } from '@jest/globals';
import { judgeLength, RECOMMENDED_SEC } from '../../../services/analysis/content/length.js';

describe('judgeLength', () => {
  it('uses 60–120 s for behavioural and open questions, 15–60 s for factual ones', () => {
    expect(RECOMMENDED_SEC).toEqual({ behavioural: [60, 120], open: [60, 120], factual: [15, 60] });
  });
  it.each([
    [59.9, 'behavioural', 'short'],
    [60, 'behavioural', 'ok'],
    [120, 'behavioural', 'ok'],
    [120.1, 'behavioural', 'long'],
    [10, 'factual', 'short'],
    [30, 'factual', 'ok'],
    [61, 'factual', 'long'],
    [0, 'open', 'short'],
  ] as const)('%d s %s → %s', (sec, kind, verdict) => {
    expect(judgeLength(sec, kind)).toEqual({ verdict, recommendedSec: [...RECOMMENDED_SEC[kind]] });
  });
});
