import { describe, expect, it } from '@jest/globals';
import type { Answer, Content } from '../../../services/analysis/content/content.schema.js';
import type { AnswerLabel } from '../../../services/analysis/content/evaluate.js';
import { evaluateContent, normalise } from '../../../services/analysis/content/evaluate.js';

const none = { present: false };
const answer = (question: string, text: string, result?: string): Answer => ({
  question, kind: 'behavioural', starExpected: true, text, start: 0, end: 1, durationSec: 1, wordCount: 1, tip: '',
  length: { verdict: 'ok', recommendedSec: [15, 60] },
  star: { situation: none, task: none, action: none, result: result ? { present: true, evidence: result } : none },
});
const content = (...answers: Answer[]): Content => ({ answers, tips: ['a', 'b', 'c'], summary: '' });
const label = (question: string, answerStart: string, answerEnd: string, result: string[] | null = null): AnswerLabel => ({
  question, answerStart, answerEnd, star: { situation: null, task: null, action: null, result },
});

describe('evaluateContent', () => {
  it('perfect predictions score 1 everywhere', () => {
    const e = evaluateContent([{ predicted: content(answer('Why?  Tell me!', 'One two. Three.', 'Three.')), labels: { answers: [label('tell me', 'one two', 'three', ['three'])] } }]);
    expect(e.segmentation).toMatchObject({ matchedQuestions: 1, correctBoundaries: 1, accuracy: 1, questionPrecision: 1, questionRecall: 1 });
    expect(e.star.result).toMatchObject({ tp: 1, precision: 1, recall: 1, agreement: 1, evidenceHit: 1 });
    expect(e.star.overallAgreement).toBe(1);
  });

  it('missed and spurious questions and wrong boundaries lower accuracy', () => {
    const e = evaluateContent([{
      predicted: content(answer('What is A?', 'a b c'), answer('Spurious thing?', 'x')),
      labels: { answers: [label('What is A?', 'a b', 'd'), label('What is B?', 'b', 'b')] },
    }]);
    expect(e.segmentation).toMatchObject({ labelled: 2, predicted: 2, matchedQuestions: 1, correctBoundaries: 0, accuracy: 0, questionPrecision: 0.5, questionRecall: 0.5 });
  });

  it('counts STAR confusion per component with evidence hits', () => {
    const e = evaluateContent([{
      predicted: content(answer('Q1 here?', 'x', 'wrong sentence'), answer('Q2 here?', 'x', 'fine'), answer('Q3 here?', 'x')),
      labels: { answers: [label('Q1 here', 'x', 'x', ['right one']), label('Q2 here', 'x', 'x'), label('Q3 here', 'x', 'x', ['y'])] },
    }]);
    expect(e.star.result).toEqual({ tp: 1, fp: 1, fn: 1, tn: 0, precision: 0.5, recall: 0.5, agreement: 1 / 3, evidenceHit: 0 });
    expect(e.star.situation.agreement).toBe(1);
  });

  it('scores prep status agreement and handles an empty set', () => {
    const predicted: Content = { ...content(), prep: { points: [{ point: 'A', status: 'covered' }, { point: 'B', status: 'missed' }] } };
    const e = evaluateContent([{ predicted, labels: { answers: [], prep: [{ point: 'a', status: 'covered' }, { point: 'B', status: 'partial' }] } }]);
    expect(e.prep).toEqual({ points: 2, agreement: 0.5 });
    expect(evaluateContent([]).segmentation.accuracy).toBe(1);
  });

  it('normalise ignores case and punctuation', () => expect(normalise("  It's, OK! ")).toBe('it s ok'));
});
