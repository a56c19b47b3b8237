import { describe, expect, it } from '@jest/globals';
import { extractCompetencies } from '../../../services/analysis/job/extract.js';
import { type AnswerInput, buildQuestionSet, followUpFor, generalQuestionSet } from '../../../services/analysis/job/question-set.js';
import { QuestionSetSchema } from '../../../services/analysis/job/job.contract.js';
import { INTERN_JOB } from './fixtures.js';

const comps = extractCompetencies(INTERN_JOB).competencies;
const answer = (over: Partial<AnswerInput> & { action?: AnswerInput['star']['action']; result?: boolean }): AnswerInput => ({
  question: over.question ?? 'Tell me about a time you faced a challenge.',
  text: over.text ?? 'We had a problem. The team fixed it.',
  kind: over.kind ?? 'behavioural',
  starExpected: over.starExpected ?? true,
  star: { action: over.action ?? { present: false }, result: { present: over.result ?? false } },
});

describe('buildQuestionSet', () => {
  it('gives 8 questions by default, valid, deterministic, each aimed at a job competency', () => {
    const a = buildQuestionSet({ competencies: comps });
    expect(QuestionSetSchema.parse(a)).toEqual(a);
    expect(a.questions).toHaveLength(8);
    expect(buildQuestionSet({ competencies: comps }).id).toBe(a.id);
    const jobIds = new Set(comps.map((c) => c.id));
    for (const q of a.questions) expect(jobIds.has(q.competency)).toBe(true);
    expect(new Set(a.questions.map((q) => q.id)).size).toBe(8);
  });

  it('asks about missed competencies first, then partial, then covered', () => {
    const judged = comps.map((c) => ({ ...c, status: c.id === 'incident-response' ? ('missed' as const) : c.id === 'teamwork' ? ('partial' as const) : ('covered' as const) }));
    const set = buildQuestionSet({ competencies: judged, count: 5 });
    expect(set.questions[0]).toMatchObject({ competency: 'incident-response', reason: 'missed' });
    expect(set.questions[1]).toMatchObject({ competency: 'teamwork', reason: 'partial' });
    expect(set.questions).toHaveLength(5);
  });

  it('fills with general questions when the job names few competencies or none', () => {
    const set = buildQuestionSet({ competencies: [], notes: ['no competency'] });
    expect(set.questions).toHaveLength(8);
    expect(set.questions[0]!.kind).toBe('introduction');
    expect(set.notes).toEqual(['no competency']);
    const one = buildQuestionSet({ competencies: [{ id: 'sql', name: 'SQL', kind: 'skill' }], count: 5 });
    expect(one.questions.map((q) => q.competency).filter((c) => c === 'sql').length).toBeGreaterThanOrEqual(2);
    expect(one.questions).toHaveLength(5);
  });

  it('makes up a question for a competency the bank lacks', () => {
    const set = buildQuestionSet({ competencies: [{ id: 'origami', name: 'Origami', kind: 'skill' }], count: 5, bank: [] });
    expect(set.questions[0]).toMatchObject({ id: 'q-origami-generic', competency: 'origami', kind: 'technical' });
  });

  it('adds a follow-up for each weak behavioural answer, on top of the count', () => {
    const set = buildQuestionSet({
      competencies: comps,
      count: 5,
      answers: [
        answer({ text: 'Our build broke. The team fixed it in a day.' }),
        answer({ action: { present: true, evidence: 'I rewrote the parser.' }, result: true }),
        answer({ kind: 'introduction', starExpected: false }),
      ],
    });
    expect(set.questions).toHaveLength(6);
    expect(set.questions[5]).toMatchObject({ id: 'f-0', reason: 'follow_up', answer: 0, competency: 'ownership' });
    expect(set.questions[5]!.text).toBe('You said "The team fixed it in a day". What did you do yourself, step by step?');
  });
});

describe('followUpFor', () => {
  it('asks for the own action, then for the result', () => {
    expect(followUpFor(answer({ text: 'It was hard.' }), 2)!.text).toMatch(/^In your answer to "Tell me about a time you faced a challenge\.", what did you do yourself\?/);
    expect(followUpFor(answer({ action: { present: true, evidence: 'We rebuilt it.' } }), 0)!.text).toMatch(/^You said "We rebuilt it"\. What did you do yourself/);
    expect(followUpFor(answer({ action: { present: true, evidence: 'I rebuilt it.' } }), 0)).toMatchObject({ competency: 'results-orientation' });
    expect(followUpFor(answer({ action: { present: true, evidence: 'I rebuilt it.' }, result: true }), 0)).toBeUndefined();
  });
});

describe('generalQuestionSet', () => {
  it('opens with the introduction, tells stories, ends with the candidate’s questions; valid and deterministic', () => {
    const set = generalQuestionSet();
    expect(QuestionSetSchema.parse(set)).toEqual(set);
    expect(set.questions).toHaveLength(8);
    expect(set.questions[0]!.kind).toBe('introduction');
    expect(set.questions.at(-1)!.kind).toBe('candidate_questions');
    expect(set.questions.filter((q) => q.kind === 'behavioural').length).toBeGreaterThanOrEqual(3);
    expect(set.questions.every((q) => q.reason === 'general')).toBe(true);
    expect(new Set(set.questions.map((q) => q.id)).size).toBe(8);
    expect(generalQuestionSet().id).toBe(set.id);
    expect(generalQuestionSet(5).questions).toHaveLength(5);
  });
});
