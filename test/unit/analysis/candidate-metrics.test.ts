import { describe, expect, it } from '@jest/globals';
import { analyzeTranscript } from '../../../services/analysis/analyze.js';
import { InvalidTranscriptError } from '../../../services/analysis/errors.js';
import { candidateWpmSeries, floorSec, paceVariability } from '../../../services/analysis/metrics/candidate-pace.js';
import { coveredSec, mergeIntervals, turns } from '../../../services/analysis/metrics/turns.js';
import type { Word } from '../../../services/transcripts/transcript.js';
import { tl, transcript, word, wordsFromText } from './helpers/synthetic.js';

const now = () => new Date(0);

/**
 * Interviewer (I) asks at 0–2 s; candidate (C) answers 3–13 s with a 2 s pause inside; I asks again
 * 14–16 s; C answers 17–20 s and asks one question back; I replies 21–22 s.
 */
function interview(): Word[] {
  return [
    ...wordsFromText('Tell me about yourself?', { wordSec: 0.4, gapSec: 0.1 }, 'I'),
    ...wordsFromText('um I I lead a team we build compilers', { startSec: 3, wordSec: 0.3, gapSec: 0.1 }, 'C'), // 3.0–6.5
    ...wordsFromText('and I like Python', { startSec: 8.9, wordSec: 0.3, gapSec: 0.1 }, 'C'), // 8.9–10.4, pause 2.4 s
    ...wordsFromText('we ship every week', { startSec: 11, wordSec: 0.4, gapSec: 0.2 }, 'C'), // 11–13.2
    ...wordsFromText('Why this company?', { startSec: 14, wordSec: 0.5, gapSec: 0.25 }, 'I'), // 14–16
    ...wordsFromText('I think you know the mission. What is the team like?', { startSec: 17, wordSec: 0.2, gapSec: 0.1 }, 'C'),
    ...wordsFromText('It is great', { startSec: 21, wordSec: 0.3, gapSec: 0.05 }, 'I'),
  ];
}

describe('turns and floor time', () => {
  it('splits at every change of speaker and measures first word to last', () => {
    const t = turns(tl(...interview()));
    expect(t.map((x) => [x.speaker, x.words])).toEqual([['I', 4], ['C', 17], ['I', 3], ['C', 11], ['I', 3]]);
    expect(t[1]).toMatchObject({ start: 3, end: 13.2 });
  });

  it('merges intervals and measures their overlap with a window', () => {
    const m = mergeIntervals([{ start: 5, end: 8 }, { start: 0, end: 2 }, { start: 1, end: 3 }]);
    expect(m).toEqual([{ start: 0, end: 3 }, { start: 5, end: 8 }]);
    expect(coveredSec(m, 2, 6)).toBe(2);
    expect(floorSec(10, m)).toBe(4);
  });

  it('pace series counts only the candidate’s floor time and drops windows with < 10 s of it', () => {
    const cand = tl(...wordsFromText('a '.repeat(40), { wordSec: 0.5, gapSec: 0 }, 'C')); // 40 words in 0–20 s
    const others = [{ start: 20, end: 30 }, { start: 30, end: 55 }];
    expect(candidateWpmSeries(cand, others, 60)).toEqual([{ t: 0, wpm: 120, durationSec: 20, partial: false }]);
  });

  it('pace variability is the coefficient of variation, 0 under three windows', () => {
    const p = (wpm: number) => ({ t: 0, wpm, durationSec: 30, partial: false });
    expect(paceVariability([p(100), p(200)])).toBe(0);
    expect(paceVariability([p(100), p(100), p(100)])).toBe(0);
    expect(paceVariability([p(100), p(150), p(200)])).toBeCloseTo(Math.sqrt(5000 / 3) / 150, 12);
  });
});

describe('candidate metrics in a two-speaker interview', () => {
  const r = analyzeTranscript(transcript(interview(), 23), { now });
  const m = r.metrics;

  it('chooses the answering speaker as candidate and lists both speakers', () => {
    expect(r.speakers.map((s) => [s.id, s.role])).toEqual([['I', 'interviewer'], ['C', 'candidate']]);
    expect(r.quality.assumedSingleSpeaker).toBe(false);
  });

  it('counts only the candidate’s words, fillers, hedges, repeats and pronouns', () => {
    expect(m.wordCount).toBe(28);
    expect(m.fillers.items.map((f) => [f.word, f.speaker])).toEqual([['um', 'C'], ['you know', 'C']]);
    expect(m.hedges.items.map((h) => h.word)).toEqual(['i think']);
    expect(m.repetition.items).toEqual([{ text: 'i', times: 2, start: 3.4, speaker: 'C' }]);
    expect(m.pronouns).toEqual({ i: 4, we: 2, weRatio: 0.3333 });
  });

  it('longest monologue is the longest candidate turn; pauses stay inside turns', () => {
    expect(m.longestMonologueSec).toBe(10.2);
    expect(m.pauses!.count).toBe(1);
    expect(m.pauses!.items[0]).toEqual({ start: 6.5, end: 8.9, durationSec: 2.4 });
    expect(m.longestSpeechSec).toBe(4.3); // 8.9–13.2: the 0.6 s gap before "we ship" is no pause
  });

  it('talk ratio is the candidate’s share of speaking time and of words; questions per speaker', () => {
    const talk = Object.fromEntries(r.speakers.map((s) => [s.id, s.talkSec]));
    expect(m.talkRatio).toBeCloseTo(talk.C! / (talk.C! + talk.I!), 4);
    expect(m.talkRatioByWords).toBeCloseTo(28 / 38, 4);
    expect(m.questionsAsked).toEqual([{ speaker: 'I', count: 2 }, { speaker: 'C', count: 1 }]);
  });

  it('WPM is over the floor time: the recording minus the interviewer’s turns', () => {
    const floor = 23 - (1.9 - 0) - (16 - 14) - (22 - 21);
    expect(m.floorSec).toBeCloseTo(floor, 3);
    expect(m.wpm).toBeCloseTo((28 / floor) * 60, 1);
  });

  it('judges talk ratio and the candidate’s questions only with an interviewer present', () => {
    expect(r.metricCards.map((c) => c.id)).toEqual(expect.arrayContaining(['talkRatio', 'candidateQuestions']));
    const solo = analyzeTranscript(transcript(wordsFromText('I led the team'), 5), { now });
    expect(solo.metricCards.map((c) => c.id)).not.toContain('talkRatio');
    expect(solo.quality.assumedSingleSpeaker).toBe(true);
    expect(solo.speakers).toEqual([{ id: 'speaker', role: 'candidate', talkSec: 1.5 }]);
  });

  it('honours a candidate override, and rejects an unknown one', () => {
    const o = analyzeTranscript(transcript(interview(), 23), { now, candidateSpeaker: 'I', speakerNames: { I: 'Dana' } });
    expect(o.speakers).toEqual(expect.arrayContaining([expect.objectContaining({ id: 'I', name: 'Dana', role: 'candidate' })]));
    expect(o.metrics.wordCount).toBe(10);
    expect(o.quality.notes.join(' ')).toMatch(/as you chose/);
    expect(() => analyzeTranscript(transcript(interview(), 23), { candidateSpeaker: 'X' })).toThrow(InvalidTranscriptError);
  });

  it('uses supplied content and AI usage instead of the metric fallbacks', () => {
    const content = { answers: [], tips: ['a', 'b', 'c'], summary: 'From the content analyzer.' };
    const ai = { models: [], totalCostUsd: 0 };
    const c = analyzeTranscript(transcript(interview(), 23), { now, content, ai });
    // The judged cards outside their range (slow pace, fillers above 6%) lead; the content's tips follow.
    expect(c).toMatchObject({ tips: [expect.stringMatching(/^You spoke slowly/), expect.stringMatching(/^Replace fillers/), 'a'], summary: 'From the content analyzer.', ai });
  });
});

describe('single speaker keeps the v1 numbers', () => {
  it('WPM over the whole recording, pauses over the speech span', () => {
    const words = [word('one', 1, 1.5), word('two', 3, 3.5), word('three', 3.6, 4)];
    const m = analyzeTranscript(transcript(words, 6), { now }).metrics;
    expect(m).toMatchObject({ floorSec: 6, wpm: 30, longestMonologueSec: 3, talkRatio: 1 });
    expect(m.pauses).toMatchObject({ count: 1, silenceShare: 0.5 });
  });
});
