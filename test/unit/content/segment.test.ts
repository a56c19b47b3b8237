import { describe, expect, it } from '@jest/globals';
import { isAnnouncement, pickQuestion, segmentAnswers } from '../../../services/analysis/content/segment.js';
import { toTurns } from '../../../services/analysis/content/turns.js';
import { turns } from './helpers/words.js';

const qa = (words: ReturnType<typeof turns>, candidate = 'C') =>
  segmentAnswers(words, candidate).map((s) => [s.question.text, s.answer.map((a) => a.text).join(' ')]);

describe('segmentAnswers with an interviewer', () => {
  it('pairs each question with the answer that follows', () => {
    expect(qa(turns(['I', 'Tell me about yourself.'], ['C', 'I am a designer.'], ['I', 'Why did you pick design?'], ['C', 'I like it.']))).toEqual([
      ['Tell me about yourself.', 'I am a designer.'],
      ['Why did you pick design?', 'I like it.'],
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
  it('an interviewer clarifying question opens its own segment', () => {
    const out = qa(turns(['I', 'Tell me about a project.'], ['C', 'I built a parser.'], ['I', 'Which language did you use?'], ['C', 'Rust.']));
    expect(out.map(([q]) => q)).toEqual(['Tell me about a project.', 'Which language did you use?']);
  });
  it('several question sentences in one turn make one question: the last prompt', () => {
    const out = qa(turns(['I', 'You worked at Acme. What did you do there? Walk me through the migration.'], ['C', 'I moved the data.']));
    expect(out).toEqual([['Walk me through the migration.', 'I moved the data.']]);
  });
  it('merges an unanswered question into the next and drops a trailing one', () => {
    const out = qa(turns(['I', 'What do you do?'], ['I', 'Sorry, tell me about your job.'], ['C', 'I teach.'], ['I', 'Any questions for me?']));
    expect(out).toEqual([['Sorry, tell me about your job.', 'I teach.']]);
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

describe('pickQuestion / isAnnouncement', () => {
  it('prefers the last prompt, else the last question', () => {
    const s = (text: string) => toTurns(turns(['I', text]))[0]!.sentences;
    expect(pickQuestion(s('Tell me about Acme. What was hard?'))?.text).toBe('Tell me about Acme.');
    expect(pickQuestion(s('What was hard? Why was it hard?'))?.text).toBe('Why was it hard?');
    expect(pickQuestion(s('Great. Thanks.'))).toBeUndefined();
  });
  it.each(['Question two.', 'Next question:', 'Okay, question number 3', 'last question'])('announcement: %s', (s) => expect(isAnnouncement(s)).toBe(true));
  it('a real question is not an announcement', () => expect(isAnnouncement('What is the question?')).toBe(false));
});
