import { describe, expect, it } from '@jest/globals';
import { fillerType, parseFillerFixture, stripMarks, tokenAt } from '../../../eval/filler-fixture.js';
import { timeFillerFixture } from '../../../eval/filler-set.js';

describe('filler fixture parser', () => {
  it('removes marks and records where each begins', () => {
    expect(stripMarks('{Um}, I {you know} like it')).toEqual({
      text: 'Um, I you know like it',
      marks: [{ at: 0, type: 'um', surface: 'Um' }, { at: 6, type: 'you know', surface: 'you know' }],
    });
  });

  it('takes the type after "=" when it differs from the words', () => {
    expect(stripMarks('{You know what I mean=you know}?').marks).toEqual([{ at: 0, type: 'you know', surface: 'You know what I mean' }]);
    expect(fillerType(' Sort  of,')).toBe('sort of');
  });

  it('finds the whitespace token containing a character', () => {
    expect(tokenAt('Um, I like it', 0)).toBe(0);
    expect(tokenAt('Um, I like it', 6)).toBe(2);
    expect(tokenAt('biologic-um here', 9)).toBe(0);
    expect(() => tokenAt('a b', 1)).toThrow();
  });

  it('rejects malformed marks', () => {
    expect(() => stripMarks('{um')).toThrow(/unclosed/);
    expect(() => stripMarks('um}')).toThrow(/unopened/);
    expect(() => stripMarks('{a {b}}')).toThrow(/nested/);
    expect(() => stripMarks('{ um}')).toThrow(/outer spaces/);
    expect(() => stripMarks('{}')).toThrow();
  });

  it('parses comments, turns and gold marks with turn-relative token indices', () => {
    const p = parseFillerFixture('# A test.\n# Two lines.\n\nInterviewer: What do you know?\nAna: {Um}, I like it, {you know}.\n');
    expect(p.description).toBe('A test. Two lines.');
    expect(p.turns).toEqual([{ speaker: 'Interviewer', text: 'What do you know?' }, { speaker: 'Ana', text: 'Um, I like it, you know.' }]);
    expect(p.gold).toEqual([
      { turn: 1, token: 0, type: 'um', surface: 'Um' },
      { turn: 1, token: 4, type: 'you know', surface: 'you know' },
    ]);
    expect(() => parseFillerFixture('no speaker here')).toThrow(/line 1/);
  });

  it('lays words out in order and turns gold marks into global word indices', () => {
    const t = timeFillerFixture('x', parseFillerFixture('A: so {uh} yes\nB: {like} no'), 120);
    expect(t.words.map((w) => [w.text, w.speaker])).toEqual([['so', 'A'], ['uh', 'A'], ['yes', 'A'], ['like', 'B'], ['no', 'B']]);
    expect(t.goldAt).toEqual([{ word: 1, type: 'uh' }, { word: 3, type: 'like' }]);
    expect(t.words[1]!.start).toBeCloseTo(0.5, 9); // 60 / 120 s per word
  });
});

describe('the labelled-fillers set', () => {
  it('parses, and every gold mark points at the word it marks', async () => {
    const { readFillerSet } = await import('../../../eval/filler-set.js');
    const set = readFillerSet();
    expect(set.length).toBeGreaterThanOrEqual(8);
    for (const f of set) {
      const parsed = f.gold;
      expect(parsed.length).toBeGreaterThan(0);
      for (const [k, g] of f.goldAt.entries()) {
        const first = parsed[k]!.surface.split(/\s+/)[0]!;
        expect(f.words[g.word]!.text.startsWith(first)).toBe(true);
      }
    }
  });
});
