import { describe, expect, it } from '@jest/globals';
import { exchanges, isAnnouncement, segmentAnswers, SHORT_REPLY_WORDS } from '../../../services/analysis/content/segment.js';
import { turns } from './helpers/words.js';

const qa = (words: ReturnType<typeof turns>, candidate = 'C') =>
  segmentAnswers(words, candidate).map((s) => [s.question.text, s.answer.map((a) => a.text).join(' ')]);

describe('segmentAnswers with an interviewer', () => {
  it('pairs each question with the answer that follows', () => {
    expect(qa(turns(['I', 'Tell me about yourself.'], ['C', 'I am a designer.'], ['I', 'Why do you want this job?'], ['C', 'I like it.']))).toEqual([
      ['Tell me about yourself.', 'I am a designer.'],
      ['Why do you want this job?', 'I like it.'],
    ]);
  });
  it('keeps the answer across interviewer backchannels', () => {
    expect(qa(turns(['I', 'Tell me about a bug.'], ['C', 'It crashed.'], ['I', 'mm-hm'], ['C', 'I fixed it.'], ['I', 'Right.'], ['C', 'Done.']))).toEqual([
      ['Tell me about a bug.', 'It crashed. I fixed it. Done.'],
    ]);
  });
  it('does not split on a candidate question inside the answer', () => {
    expect(qa(turns(['I', 'Tell me about a project.'], ['C', 'Should I pick a recent one?'], ['I', 'Sure.'], ['C', 'I built a parser.']))).toEqual([
      ['Tell me about a project.', 'Should I pick a recent one? I built a parser.'],
    ]);
  });
  it('a factual question opens its own exchange, also when it is about the answer before it', () => {
    const out = qa(turns(['I', 'What database do you use?'], ['C', 'Postgres, mostly for the orders and the billing data.'], ['I', 'Which version is it?'], ['C', 'Fifteen.']));
    expect(out.map(([q]) => q)).toEqual(['What database do you use?', 'Which version is it?']);
  });
  it('a follow-up with no topic of its own continues the answer it follows up', () => {
    const words = turns(
      ['I', 'Tell me about a project you are proud of.'],
      ['C', 'I built a parser for our query language at my last job.'],
      ['I', 'Can you be a little bit more specific?'],
      ['C', 'It turned text into plans.'],
    );
    expect(qa(words)).toEqual([['Tell me about a project you are proud of.', 'I built a parser for our query language at my last job. It turned text into plans.']]);
    expect(segmentAnswers(words, 'C')[0]).toMatchObject({ kind: 'behavioural', followUps: ['Can you be a little bit more specific?'] });
  });
  it('a question naming a new topic opens a new exchange', () => {
    const out = segmentAnswers(turns(['I', 'Tell me about yourself.'], ['C', 'I am a junior studying biology at MIT.'], ['I', 'Why should we hire you?'], ['C', 'I work hard.']), 'C');
    expect(out.map((s) => [s.question.text, s.kind])).toEqual([['Tell me about yourself.', 'introduction'], ['Why should we hire you?', 'motivation']]);
  });
  it('several asking sentences in one turn make one question, acknowledgements left out', () => {
    const out = qa(turns(['I', 'Great. You worked at Acme. What did you do there? Walk me through the migration.'], ['C', 'I moved the data.']));
    expect(out).toEqual([['What did you do there? Walk me through the migration.', 'I moved the data.']]);
  });
  it('joins an unanswered question with the next and drops a trailing one', () => {
    const out = qa(turns(['I', 'What do you do?'], ['I', 'Sorry, tell me about your job.'], ['C', 'I teach.'], ['I', 'Any questions for me?']));
    expect(out).toEqual([['What do you do? Sorry, tell me about your job.', 'I teach.']]);
  });
  it('a yes/no question answered in a few words joins the question that follows, the reply opening the answer', () => {
    const out = segmentAnswers(
      turns(['I', "Think of a job you'd like to have. Do you have one in mind?"], ['C', 'Yes, consulting.'], ['I', 'Why should we hire you?'], ['C', 'I solve problems fast.']),
      'C',
    );
    expect(out.map((s) => [s.question.text, s.kind, s.answer.map((a) => a.text).join(' ')])).toEqual([
      ["Think of a job you'd like to have. Do you have one in mind? Why should we hire you?", 'motivation', 'Yes, consulting. I solve problems fast.'],
    ]);
  });
  it('a reply that only asks back has not answered: the repeated question joins', () => {
    const out = qa(turns(['I', 'Talk about yourself.'], ['C', 'Sorry, can you repeat the question?'], ['I', 'Sure. Tell me about yourself.'], ['C', 'I study math.']));
    expect(out).toEqual([['Talk about yourself. Tell me about yourself.', 'Sorry, can you repeat the question? I study math.']]);
  });
  it(`a longer reply (over ${SHORT_REPLY_WORDS} words) to a yes/no question is an answer of its own`, () => {
    const out = qa(turns(['I', 'Do you think you are a leader?'], ['C', 'Yes, I led the robotics club for two years and we won the regional final.'], ['I', 'Why should we hire you?'], ['C', 'I work hard.']));
    expect(out.map(([q]) => q)).toEqual(['Do you think you are a leader?', 'Why should we hire you?']);
  });
  it('small talk and logistics open nothing', () => {
    const out = qa(turns(['I', 'Hi, how are you doing today?'], ['C', 'Good, thanks.'], ['I', 'Could you scoot over a little bit?'], ['C', 'Sure.'], ['I', 'Talk about yourself.'], ['C', 'I study math.']));
    expect(out).toEqual([['Talk about yourself.', 'I study math.']]);
  });
  it('exchanges keeps every ask, answered or not', () => {
    const xs = exchanges(turns(['I', 'Tell me about yourself.'], ['C', 'I teach.'], ['I', 'Do you have any questions for me?']), 'C');
    expect(xs.map((x) => [x.asks.map((a) => a.text), x.kind, x.answer.length])).toEqual([
      [['Tell me about yourself.'], 'introduction', 1],
      [['Do you have any questions for me?'], 'candidate_questions', 0],
    ]);
  });
  it('candidate speech before the first question is not an answer', () => {
    expect(qa(turns(['C', 'Hi, thanks for having me.'], ['I', 'What do you do?'], ['C', 'I teach.']))).toEqual([['What do you do?', 'I teach.']]);
  });
  it('interviewer only, or a candidate id that never speaks, gives no answers', () => {
    expect(qa(turns(['I', 'Tell me about yourself.'], ['I', 'What do you do?']))).toEqual([]);
    expect(qa(turns(['I', 'Tell me about yourself.'], ['C', 'Hi.']), 'nobody')).toEqual([]);
  });
  it('works on unpunctuated ASR text split at pauses', () => {
    const out = qa(turns(['spk_0', 'okay | so tell me about a time you failed'], ['spk_1', 'i missed a deadline | i learned a lot']), 'spk_1');
    expect(out).toEqual([['so tell me about a time you failed', 'i missed a deadline i learned a lot']]);
  });
  it('empty input gives no segments', () => expect(segmentAnswers([], 'C')).toEqual([]));
});

describe('segmentAnswers with one speaker', () => {
  it('uses questions the candidate reads aloud, skipping reading cues', () => {
    const out = qa(turns(['me', 'Question one. Tell me about a time you failed. I missed a deadline. Question two. Why do you want this job? I love it.']), 'me');
    expect(out).toEqual([
      ['Tell me about a time you failed.', 'I missed a deadline.'],
      ['Why do you want this job?', 'I love it.'],
    ]);
  });
  it('two prompts read in a row make one question', () => {
    expect(qa(turns(['me', 'Tell me about yourself. Walk me through your resume. I studied law.']), 'me')).toEqual([['Tell me about yourself. Walk me through your resume.', 'I studied law.']]);
  });
  it('rhetorical questions do not split an answer', () => {
    const out = qa(turns(['me', 'Tell me about a conflict. We disagreed. And what did I do? I listened.']), 'me');
    expect(out).toEqual([['Tell me about a conflict.', 'We disagreed. And what did I do? I listened.']]);
  });
  it('without a read-aloud question there are no answers', () => {
    expect(qa(turns(['me', 'I have been a nurse for ten years. I like it.']), 'me')).toEqual([]);
  });
  it('words without any speaker label are the candidate talking alone', () => {
    const words = turns(['x', 'Tell me about yourself. I am Sam.']).map(({ speaker: _s, ...w }) => w);
    expect(segmentAnswers(words, 'C').map((s) => s.question.text)).toEqual(['Tell me about yourself.']);
  });
});

describe('isAnnouncement', () => {
  it.each(['Question two.', 'Next question:', 'Okay, question number 3', 'last question'])('announcement: %s', (s) => expect(isAnnouncement(s)).toBe(true));
  it('a real question is not an announcement', () => expect(isAnnouncement('What is the question?')).toBe(false));
});
