import { describe, expect, it } from '@jest/globals';
import { judgeLength, RECOMMENDED_SEC } from '../../../services/analysis/content/length.js';

describe('judgeLength', () => {
  it('has a practitioner range per kind, and none for the candidate’s own questions', () => {
    expect(RECOMMENDED_SEC).toEqual({
      introduction: [60, 120],
      behavioural: [60, 120],
      strengths_weaknesses: [30, 90],
      motivation: [30, 120],
      technical: [15, 60],
      candidate_questions: null,
    });
  });
  it.each([
    [59.9, 'behavioural', 'short'],
    [60, 'behavioural', 'ok'],
    [120, 'behavioural', 'ok'],
    [120.1, 'behavioural', 'long'],
    [10, 'technical', 'short'],
    [30, 'technical', 'ok'],
    [61, 'technical', 'long'],
    [0, 'introduction', 'short'],
    [95, 'strengths_weaknesses', 'long'],
    [45, 'motivation', 'ok'],
  ] as const)('%d s %s → %s', (sec, kind, verdict) => {
    expect(judgeLength(sec, kind)).toEqual({ verdict, recommendedSec: [...RECOMMENDED_SEC[kind]!] });
  });
  it('judges nothing without a range', () => expect(judgeLength(30, 'candidate_questions')).toBeUndefined());
});
