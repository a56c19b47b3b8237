/**
 * The speaker-label typo rule (services/transcripts/speaker-typos.ts), pure: a rare label one slip
 * away from a much more frequent one is read as it; two frequent labels are never merged.
 */
import { describe, expect, it } from '@jest/globals';
import { editDistance, findSpeakerTypos, speakerTypoNote, type LabelUse } from '../../../services/transcripts/speaker-typos.js';

/** Alternating turns of `a` and `b`, `n` each, `words` words per line. */
const dialogue = (a: string, b: string, n: number, words = 10): LabelUse[] =>
  Array.from({ length: 2 * n }, (_, i) => ({ label: i % 2 === 0 ? a : b, words }));

/** `uses` with the line at `at` relabelled. */
const relabel = (uses: LabelUse[], at: number[], label: string): LabelUse[] => uses.map((u, i) => (at.includes(i) ? { ...u, label } : u));

describe('editDistance (optimal string alignment)', () => {
  it.each([
    ['interviewee', 'interviewee', 0],
    ['interveiwee', 'interviewee', 1], // transposition
    ['intrviewer', 'interviewer', 1], // deletion
    ['interviewer', 'interviewee', 1], // substitution: one letter apart, yet different people
    ['interveiwee', 'interviewer', 2],
    ['speaker 1', 'speaker 2', 1],
    ['', 'abc', 3],
  ])('%s → %s is %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });

  it('gives up past the bound', () => {
    expect(editDistance('interviewer', 'candidate', 2)).toBe(Infinity);
    expect(editDistance('a', 'abcd', 2)).toBe(Infinity);
  });
});

describe('findSpeakerTypos', () => {
  it('never merges Interviewer and Interviewee, however lopsided their words', () => {
    const uses = dialogue('Interviewer', 'Interviewee', 9).map((u) => (u.label === 'Interviewer' ? { ...u, words: 1 } : { ...u, words: 80 }));
    expect(findSpeakerTypos(uses)).toEqual([]);
  });

  it('merges a transposition ("Interveiwee") into the label it is closest to', () => {
    const uses = relabel(dialogue('Interviewer', 'Interviewee', 20), [3, 7, 11], 'Interveiwee');
    expect(findSpeakerTypos(uses)).toEqual([{ label: 'Interveiwee', readAs: 'Interviewee', lines: 3 }]);
  });

  it('merges dropped letters and case slips on either label', () => {
    const uses = relabel(relabel(dialogue('Interviewer', 'Interviewee', 10), [4], 'Intrviewer'), [9], 'INterviewee');
    expect(findSpeakerTypos(uses)).toEqual(
      expect.arrayContaining([
        { label: 'Intrviewer', readAs: 'Interviewer', lines: 1 },
        { label: 'INterviewee', readAs: 'Interviewee', lines: 1 },
      ]),
    );
  });

  it('keeps a label that is as close to two frequent labels ("Interviewe")', () => {
    expect(findSpeakerTypos(relabel(dialogue('Interviewer', 'Interviewee', 10), [5], 'Interviewe'))).toEqual([]);
  });

  it('keeps a label used more than a fifth as often, in turns or in words', () => {
    // 3 of 10 turns.
    expect(findSpeakerTypos(relabel(dialogue('Interviewer', 'Candidate', 10), [1, 3, 5], 'Candidte'))).toEqual([]);
    // One turn, but holding more than a fifth of the words.
    const long = dialogue('Interviewer', 'Candidate', 10).map((u, i) => (i === 1 ? { label: 'Candidte', words: 40 } : u));
    expect(findSpeakerTypos(long)).toEqual([]);
  });

  it('counts turns, not lines: a talkative speaker labelled on every caption line is not five times as frequent', () => {
    // Interviewer asks 4 questions in one line each; Interviewee answers in 6 labelled lines each.
    const uses: LabelUse[] = [];
    for (let q = 0; q < 4; q++) {
      uses.push({ label: 'Interviewer', words: 12 });
      for (let l = 0; l < 6; l++) uses.push({ label: 'Interviewee', words: 12 });
    }
    expect(findSpeakerTypos(uses)).toEqual([]);
  });

  it('never merges labels that differ in digits, or short names', () => {
    expect(findSpeakerTypos(relabel(dialogue('Speaker 1', 'Speaker 10', 10), [1], 'Speaker 2'))).toEqual([]);
    expect(findSpeakerTypos(relabel(dialogue('John', 'Maria', 10), [1], 'Jon'))).toEqual([]);
  });

  it('passes a chain on to the final label', () => {
    const uses = [...dialogue('Interviewer', 'Candidate', 25), ...dialogue('Intervewer', 'Candidate', 5), { label: 'Intervewr', words: 1 }];
    expect(findSpeakerTypos(uses)).toEqual([
      { label: 'Intervewer', readAs: 'Interviewer', lines: 5 },
      { label: 'Intervewr', readAs: 'Interviewer', lines: 1 },
    ]);
  });

  it('says so in a sentence', () => {
    expect(speakerTypoNote({ label: 'Interveiwee', readAs: 'Interviewee', lines: 3 })).toBe('Speaker "Interveiwee" (3 lines) was read as "Interviewee", an apparent typo.');
    expect(speakerTypoNote({ label: 'Intrviewer', readAs: 'Interviewer', lines: 1 })).toMatch(/\(1 line\)/);
  });
});
