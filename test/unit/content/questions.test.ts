import { describe, expect, it } from '@jest/globals';
import { isPrompt, isQuestion, questionKind, stripLeadIn } from '../../../services/analysis/content/questions.js';

describe('isQuestion', () => {
  it.each([
    'Tell me about a time you failed.',
    'Ok well so please tell me about yourself.',
    'Walk me through your resume.',
    'Describe a situation where you disagreed with your manager.',
    'How would you design a URL shortener',
    'Can you give me an example of a hard bug?',
    'Why did you leave your last job?',
    'What was the hardest part?',
    'so what languages do you use day to day',
    'Great, thanks. Give me an example of teamwork.',
  ])('yes: %s', (s) => expect(isQuestion(s)).toBe(true));

  it.each([
    'mm-hm',
    'Really?',
    'And then?',
    'Okay.',
    'Great, thanks for that.',
    'How are you doing today?',
    'So how are you doing?',
    'Nice to meet you, how is it going?',
    "That's a good point.",
    'Work is best.',
    '',
  ])('no: %s', (s) => expect(isQuestion(s)).toBe(false));
});

describe('isPrompt / stripLeadIn', () => {
  it('strips opening discourse words', () => expect(stripLeadIn('Ok well so please tell me more.')).toBe('tell me more.'));
  it('prompts are imperative interview asks', () => {
    expect(isPrompt('So tell me about a project.')).toBe(true);
    expect(isPrompt('What is your name?')).toBe(false);
  });
});

describe('questionKind', () => {
  it.each([
    ['Tell me about a time you led a team.', 'behavioural'],
    ['Describe a conflict at work.', 'behavioural'],
    ["What's a launch you're proud of?", 'behavioural'],
    ['How did you handle the deadline?', 'behavioural'],
    ['Tell me about yourself.', 'open'],
    ['Why do you want to work here?', 'open'],
    ['What is your greatest weakness?', 'open'],
    ['What database were you using?', 'factual'],
    ['Do you prefer working alone or in a team?', 'factual'],
  ])('%s → %s', (q, kind) => expect(questionKind(q)).toBe(kind));
});
