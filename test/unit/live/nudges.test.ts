import { describe, expect, it } from '@jest/globals';
import type { LiveQuestion } from '../../../services/api/live.contract.js';
import { Nudger, recommendedMaxSec, type TimedText } from '../../../services/media/live/nudges.js';

const Q: LiveQuestion[] = [{ text: 'Tell me about yourself', kind: 'introduction' }, { text: 'What is a hash map?', kind: 'technical' }, { text: 'Anything else?' }];

/** `n` plain words spread over [start, end]. */
function words(n: number, start: number, end: number, text = 'word'): TimedText[] {
  const step = (end - start) / n;
  return Array.from({ length: n }, (_, i) => ({ text, start: start + i * step, end: start + (i + 1) * step }));
}

/** Speech heard continuously from `from` to `to`, ticking every half second; returns the nudges. */
function talk(n: Nudger, from: number, to: number) {
  const out = [];
  for (let t = from; t <= to + 1e-9; t += 0.5) {
    n.speech(t);
    out.push(...n.tick(t, t));
  }
  return out;
}

describe('live nudges', () => {
  it('recommended length: the upper end of the kind, 120 s when unknown', () => {
    expect(recommendedMaxSec(Q[0])).toBe(120);
    expect(recommendedMaxSec(Q[1])).toBe(60);
    expect(recommendedMaxSec(Q[2])).toBe(120);
    expect(recommendedMaxSec({ text: 'Any questions for me?', kind: 'candidate_questions' })).toBe(120);
  });

  it('says nothing before the answer begins, however long the silence', () => {
    const n = new Nudger(Q);
    for (let t = 0; t < 60; t += 0.5) expect(n.tick(t, null)).toEqual([]);
  });

  it('a long silence while answering, once per cooldown, kindly', () => {
    const n = new Nudger(Q);
    talk(n, 1, 10);
    expect(n.tick(15, 10)).toEqual([]);
    const [s] = n.tick(16.5, 10);
    expect(s).toMatchObject({ kind: 'silence', atSec: 16.5, question: 0 });
    expect(s!.message.length).toBeLessThan(90);
    for (let t = 17; t < 46; t += 0.5) expect(n.tick(t, 10)).toEqual([]);
    expect(n.tick(46.5, 10).map((x) => x.kind)).toEqual(['silence']);
  });

  it('an answer past its recommended length, once per question, restarting on the next', () => {
    const n = new Nudger(Q);
    n.setQuestion(1, 0); // technical: 60 s
    const said = talk(n, 2, 70).filter((x) => x.kind === 'long_answer');
    expect(said).toHaveLength(1);
    expect(said[0]!.atSec).toBeGreaterThan(62);
    expect(said[0]!.atSec).toBeLessThan(63);
    expect(said[0]!.message).toMatch(/minute/);
    expect(talk(n, 70.5, 200).filter((x) => x.kind === 'long_answer')).toEqual([]);
    n.setQuestion(2, 200); // unknown kind: 120 s
    const next = talk(n, 201, 330).filter((x) => x.kind === 'long_answer');
    expect(next).toHaveLength(1);
    expect(next[0]!.atSec).toBeGreaterThan(321);
    expect(next[0]!.question).toBe(2);
  });

  it('pace: fast and slow from final words over the last 15 s, only with enough speech', () => {
    const fast = new Nudger(Q);
    talk(fast, 0, 9);
    fast.final(0, 4, words(15, 0, 4)); // 225 wpm
    expect(fast.tick(9.5, 9.5)).toEqual([]); // 4 s of speech is too little to judge
    fast.final(5, 9, words(15, 5, 9));
    const [f] = fast.tick(10, 10);
    expect(f).toMatchObject({ kind: 'pace_fast' });
    expect(f!.message).toMatch(/225 words a minute/);

    const slow = new Nudger(Q);
    talk(slow, 0, 9);
    slow.final(0, 4, words(6, 0, 4));
    slow.final(5, 9, words(6, 5, 9)); // 90 wpm
    expect(slow.tick(10, 10).map((x) => x.kind)).toEqual(['pace_slow']);

    const fine = new Nudger(Q);
    talk(fine, 0, 9);
    fine.final(0, 4, words(10, 0, 4));
    fine.final(5, 9, words(10, 5, 9)); // 150 wpm
    expect(fine.tick(10, 10)).toEqual([]);
  });

  it('a run of fillers, not nudged twice for the same ones', () => {
    const n = new Nudger(Q);
    talk(n, 0, 9);
    const said = ['So', 'um', 'I', 'think', 'uh', 'the', 'main', 'thing', 'um', 'was', 'the', 'team'];
    n.final(0, 4, said.map((text, i) => ({ text, start: i * 0.3, end: i * 0.3 + 0.25 })));
    n.final(4.5, 8.5, words(11, 4.5, 8.5));
    expect(n.tick(9.5, 9.5).map((x) => x.kind)).toEqual(['fillers']);
    for (let t = 10; t < 60; t += 0.5) expect(n.tick(t, t).filter((x) => x.kind === 'fillers')).toEqual([]);
  });

  it('two nudges due at once: only one, the other after the minimum gap', () => {
    const n = new Nudger(Q, { fillerRun: 99 });
    n.setQuestion(1, 0);
    talk(n, 1, 58);
    n.final(50, 54, words(16, 50, 54));
    n.final(54.5, 58.5, words(16, 54.5, 58.5)); // 240 wpm
    const first = [...n.tick(62, 58.5), ...n.tick(64.5, 58.5)];
    expect(first).toHaveLength(1);
    const later = n.tick(74.5, 58.5);
    expect(later).toHaveLength(1);
    expect(later[0]!.kind).not.toBe(first[0]!.kind);
  });
});
