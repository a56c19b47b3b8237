import { describe, expect, it } from '@jest/globals';
import { analyzeContent } from '../../../services/analysis/content/analyze-content.js';
import { ContentSchema } from '../../../services/analysis/content/content.schema.js';
import { turns } from './helpers/words.js';

const interview = turns(
  ['I', 'Hi! How are you?'],
  ['C', 'Good, thanks.'],
  ['I', 'Tell me about a time you improved performance.'],
  ['C', 'At my last job our API was slow. My goal was to halve latency. I profiled it and I added a cache.'],
  ['I', 'mm-hm'],
  ['C', 'Latency dropped by 60%.'],
  ['I', 'Which database do you prefer?'],
  ['C', 'Postgres.'],
);

describe('analyzeContent', () => {
  const content = analyzeContent({ words: interview, candidate: 'C', prepNotes: '- Cache that cut latency 60%\n- Mentoring' });

  it('satisfies the output contract', () => expect(ContentSchema.parse(content)).toEqual(content));

  it('finds the two questions, not the greeting, with their kinds', () => {
    expect(content.answers.map((a) => [a.question, a.kind, a.starExpected])).toEqual([
      ['Tell me about a time you improved performance.', 'behavioural', true],
      ['Which database do you prefer?', 'technical', false],
    ]);
  });

  it('an answer spans question start to last answer word, verbatim, backchannel excluded', () => {
    const a = content.answers[0]!;
    const q = interview.find((w) => w.text === 'Tell')!;
    expect(a.start).toBe(q.start);
    expect(a.end).toBe(interview.find((w) => w.text === '60%.')!.end);
    expect(a.text).toBe('At my last job our API was slow. My goal was to halve latency. I profiled it and I added a cache. Latency dropped by 60%.');
    expect(a.wordCount).toBe(26);
    expect(a.length).toEqual({ verdict: 'short', recommendedSec: [60, 120] });
    expect(Object.values(a.star).every((p) => p.present)).toBe(true);
    expect(a.star.result.evidence).toBe('Latency dropped by 60%.');
  });

  it('judges the factual answer against 15–60 s', () => {
    expect(content.answers[1]!.length).toEqual({ verdict: 'short', recommendedSec: [15, 60] });
  });

  it('a follow-up asking to go on continues the answer; a factual one about it is a new question', () => {
    const ask = (followUp: string) =>
      analyzeContent({ words: turns(['I', 'Tell me about a time you improved performance.'], ['C', 'I added a cache to our slow API.'], ['I', followUp], ['C', 'Go.']), candidate: 'C' }).answers.map(
        (a) => [a.question, a.kind, a.text],
      );
    expect(ask('Can you be more specific?')).toEqual([['Tell me about a time you improved performance.', 'behavioural', 'I added a cache to our slow API. Go.']]);
    expect(ask('What language was it?')).toEqual([
      ['Tell me about a time you improved performance.', 'behavioural', 'I added a cache to our slow API.'],
      ['What language was it?', 'technical', 'Go.'],
    ]);
  });

  describe('without word times (timed: false)', () => {
    const untimed = analyzeContent({ words: interview, candidate: 'C', timed: false });
    it('answers leave out start, end, duration and length, and still satisfy the contract', () => {
      expect(ContentSchema.parse(untimed)).toEqual(untimed);
      for (const a of untimed.answers) {
        expect(Object.keys(a).filter((k) => ['start', 'end', 'durationSec', 'length'].includes(k))).toEqual([]);
      }
      expect(untimed.answers.map((a) => a.kind)).toEqual(['behavioural', 'technical']);
    });
    it('no tip or summary talks about seconds', () => {
      for (const t of [...untimed.answers.map((a) => a.tip), ...untimed.tips, untimed.summary]) expect(t).not.toMatch(/\d+\s*s\b|second|minute/);
      expect(untimed.summary).toMatch(/the typical answer was \d+ words? long/);
    });
  });

  it('the candidate’s own questions: no length, a tip on whether they asked any', () => {
    const words = turns(['I', 'Do you have any questions for me?'], ['C', 'No, I think you covered everything.']);
    const [a] = analyzeContent({ words, candidate: 'C' }).answers;
    expect(a).toMatchObject({ kind: 'candidate_questions', starExpected: false });
    expect(a!.length).toBeUndefined();
    expect(a!.tip).toMatch(/^Ask one or two prepared questions/);
  });

  it('checks prep notes and writes a summary and three tips', () => {
    expect(content.prep?.points.map((p) => p.status)).toEqual(['covered', 'missed']);
    expect(content.tips).toHaveLength(3);
    expect(content.summary).toMatch(/^You answered 2 questions/);
    expect(content.summary).toMatch(/1 covered, 0 partly covered and 1 missed/);
  });

  it('leaves prep out when there are no notes', () => {
    expect(analyzeContent({ words: interview, candidate: 'C' }).prep).toBeUndefined();
    expect(analyzeContent({ words: interview, candidate: 'C', prepNotes: '  ' }).prep).toBeUndefined();
  });

  it('empty input gives a valid, empty analysis', () => {
    const empty = analyzeContent({ words: [], candidate: 'C' });
    expect(ContentSchema.parse(empty).answers).toEqual([]);
    expect(empty.summary).toMatch(/No interview questions were detected/);
  });

  it('interviewer-only input gives no answers', () => {
    expect(analyzeContent({ words: turns(['I', 'Tell me about yourself.']), candidate: 'C' }).answers).toEqual([]);
  });

  it('is deterministic', () => {
    expect(analyzeContent({ words: interview, candidate: 'C' })).toEqual(analyzeContent({ words: interview, candidate: 'C' }));
  });
});
