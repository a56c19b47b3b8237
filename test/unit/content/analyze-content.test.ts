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
  ['I', 'What language was it?'],
  ['C', 'Go.'],
);

describe('analyzeContent', () => {
  const content = analyzeContent({ words: interview, candidate: 'C', prepNotes: '- Cache that cut latency 60%\n- Mentoring' });

  it('satisfies the output contract', () => expect(ContentSchema.parse(content)).toEqual(content));

  it('finds the two questions, not the greeting', () => {
    expect(content.answers.map((a) => a.question)).toEqual(['Tell me about a time you improved performance.', 'What language was it?']);
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
