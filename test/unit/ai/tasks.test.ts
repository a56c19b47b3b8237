import { describe, expect, it } from '@jest/globals';
import { findVerbatim } from '../../../services/ai/tasks/evidence.js';
import { starTask } from '../../../services/ai/tasks/star.task.js';
import { summaryTask } from '../../../services/ai/tasks/summary.task.js';
import { acceptReply, parseJsonReply } from '../../../services/ai/tasks/task.js';

const ANSWER =
  'Our checkout kept timing out during a sale.\nI was asked to find the cause within a day. I profiled the queries and added an index. Latency dropped from two seconds to 200 ms.';

const star = (overrides: Record<string, unknown> = {}) => ({
  star: {
    situation: { present: true, evidence: 'Our checkout kept timing out during a sale.' },
    task: { present: true, evidence: 'I was asked to find the cause within a day.' },
    action: { present: true, evidence: 'I profiled the queries and added an index.' },
    result: { present: true, evidence: 'Latency dropped from two seconds to 200 ms.' },
    ...overrides,
  },
  tip: 'Say what the index cost and how you verified it.',
});

describe('findVerbatim', () => {
  it('returns the exact slice of the answer, tolerating re-flowed whitespace and quote marks', () => {
    expect(findVerbatim(ANSWER, '“Our checkout kept timing out during a sale.”')).toBe('Our checkout kept timing out during a sale.');
    expect(findVerbatim(ANSWER, 'sale. I was')).toBe('sale.\nI was');
  });
  it.each([
    ['a paraphrase', 'The checkout was slow during a sale.'],
    ['a changed word', 'Latency dropped from three seconds to 200 ms.'],
    ['a different case', 'our checkout kept timing out'],
    ['an empty quote', '  ""  '],
    ['regex characters that are not in the text', 'a.*b'],
  ])('rejects %s', (_what, quote) => {
    expect(findVerbatim(ANSWER, quote)).toBeUndefined();
  });
});

describe('parseJsonReply', () => {
  it.each([
    ['plain JSON', '{"a":1}'],
    ['a Markdown fence', '```json\n{"a":1}\n```'],
    ['a sentence around the object', 'Here you go: {"a":1} Hope it helps.'],
  ])('accepts %s', (_what, text) => {
    expect(parseJsonReply(text)).toEqual({ ok: true, value: { a: 1 } });
  });
  it.each([['empty', '   '], ['truncated', '{"a":'], ['prose', 'I cannot help with that.']])('rejects %s with a message', (_w, text) => {
    const r = parseJsonReply(text);
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.error).toMatch(/JSON|empty/);
  });
});

describe('star task', () => {
  const task = starTask({ question: 'Tell me about a hard bug.', text: ANSWER, kind: 'behavioural', starExpected: true }, 1);

  it('describes itself for routing and caching', () => {
    expect(task).toMatchObject({ name: 'star', label: 'answer 2', minTier: 'economy', promptVersion: 'star-v2' });
    expect(task.user).toContain(ANSWER);
    expect(task.system).toMatch(/JSON/);
  });
  it('tells the model the kind of question and whether STAR is expected; the kind is part of the cache item', () => {
    const other = starTask({ question: 'Tell me about a hard bug.', text: ANSWER, kind: 'technical', starExpected: false }, 1);
    expect(task.user).toMatch(/^Question \(behavioural; STAR story expected: yes\): Tell me about a hard bug\./);
    expect(other.user).toMatch(/^Question \(technical or factual; STAR story expected: no\)/);
    expect(other.system).toMatch(/not about STAR/);
    expect(other.item).not.toBe(task.item);
  });
  it('accepts verbatim evidence', () => {
    expect(acceptReply(task, JSON.stringify(star()))).toEqual({ ok: true, value: star() });
  });
  it('rejects a hallucinated quote, naming the part', () => {
    const r = acceptReply(task, JSON.stringify(star({ result: { present: true, evidence: 'Revenue went up by 40%.' } })));
    expect(r).toEqual({ ok: false, error: expect.stringContaining('star.result.evidence is not a verbatim quote') });
  });
  it('rejects a present part without evidence', () => {
    const r = acceptReply(task, JSON.stringify(star({ task: { present: true } })));
    expect(r).toEqual({ ok: false, error: 'star.task is present but has no evidence quote' });
  });
  it('drops evidence on an absent part (the schema says absent means no quote)', () => {
    const r = acceptReply(task, JSON.stringify(star({ result: { present: false, evidence: 'whatever' } })));
    expect(r.ok && r.value.star.result).toEqual({ present: false });
  });
  it.each([
    ['a missing part', { star: { situation: { present: false } }, tip: 'x' }],
    ['an extra field', { ...star(), score: 7 }],
    ['an empty tip', { ...star(), tip: '' }],
  ])('rejects %s by schema', (_what, reply) => {
    const r = acceptReply(task, JSON.stringify(reply));
    expect(r.ok ? '' : r.error).toMatch(/does not match the schema/);
  });
});

describe('summary task', () => {
  const task = summaryTask({
    transcriptText: 'full transcript',
    answers: [
      { question: 'Q1', kind: 'behavioural', starExpected: true, star: star().star, length: { verdict: 'ok', recommendedSec: [60, 120] } },
      { question: 'Q2', kind: 'motivation', starExpected: false, star: star().star },
    ],
    summary: 'local summary',
    tips: ['t1', 't2', 't3'],
  });
  it('is premium and carries the transcript and the local findings', () => {
    expect(task.minTier).toBe('premium');
    expect(task.user).toContain('full transcript');
    expect(task.user).toContain('STAR parts found: situation, task, action, result');
  });
  it('names each answer\'s kind, and says when length was not judged and STAR not expected', () => {
    expect(task.user).toContain('"Q1" (kind: behavioural; length: ok; STAR parts found');
    expect(task.user).toContain('"Q2" (kind: motivation; length: not judged; STAR not expected)');
  });
  it('needs exactly three tips', () => {
    expect(acceptReply(task, JSON.stringify({ summary: 'Good.', tips: ['a', 'b', 'c'] })).ok).toBe(true);
    expect(acceptReply(task, JSON.stringify({ summary: 'Good.', tips: ['a', 'b'] })).ok).toBe(false);
  });
});
