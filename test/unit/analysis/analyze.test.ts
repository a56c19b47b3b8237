import { describe, expect, it } from '@jest/globals';
import { analyzeTranscript } from '../../../services/analysis/analyze.js';
import { InvalidTranscriptError } from '../../../services/analysis/errors.js';
import type { Word } from '../../../services/transcripts/transcript.js';
import { transcript, word, wordsFromText } from './helpers/synthetic.js';

const now = () => new Date('2025-01-02T03:04:05.000Z');

describe('analyzeTranscript', () => {
  it('builds a complete, deterministic v3 report', () => {
    const words = [
      word('um', 1, 1.3, { speaker: 'cand' }), word('I', 1.4, 1.5, { speaker: 'cand' }),
      word('led', 1.5, 1.8, { speaker: 'cand' }), word('the', 3.5, 3.6, { speaker: 'cand' }),
      word('team', 3.6, 4, { speaker: 'cand' }),
    ];
    const r = analyzeTranscript(transcript(words, 6), { interviewId: 'iv-1', now });
    expect(r).toEqual(analyzeTranscript(transcript(words, 6), { interviewId: 'iv-1', now }));
    expect(r).toMatchObject({
      schemaVersion: 3,
      interviewId: 'iv-1',
      speakers: [{ id: 'cand', role: 'candidate', talkSec: 1.3 }],
      generatedAt: '2025-01-02T03:04:05.000Z',
      engine: 'import',
      metrics: {
        durationSec: 6,
        speakingSec: 1.3, // [1, 1.8] + [3.5, 4]; the 0.1 s gap is merged
        wordCount: 5,
        wpm: 50,
        articulationWpm: 230.8,
        wpmSeries: [],
        fillers: { count: 1, perMinute: 10, ratio: 0.2, items: [{ word: 'um', start: 1, speaker: 'cand' }] },
        pauses: { count: 1, longestSec: 1.7, totalSec: 1.7, silenceShare: 0.5667, items: [{ start: 1.8, end: 3.5, durationSec: 1.7 }] },
        longestSpeechSec: 0.8,
        longestMonologueSec: 3,
        talkRatio: 1,
        talkRatioByWords: 1,
      },
      answers: [],
      quality: { engine: 'import', assumedSingleSpeaker: false },
    });
    expect(r.metricCards.find((c) => c.id === 'wpm')).toMatchObject({ value: 50, range: { low: 130 }, verdict: 'low', evidence: { n: 70, supports: 'higher' } });
    expect(r.tips).toHaveLength(3);
  });

  it('handles an empty transcript with zeros and a note', () => {
    const r = analyzeTranscript(transcript([], 0), { now });
    const none = { count: 0, perMinute: 0, ratio: 0, items: [] };
    expect(r.metrics).toEqual({
      timed: true, durationSec: 0, floorSec: 0, speakingSec: 0, wordCount: 0, wpm: 0, articulationWpm: 0, wpmSeries: [], paceVariability: 0,
      fillers: none, hedges: none, repetition: { count: 0, perMinute: 0, items: [] },
      vocabulary: { uniqueWords: 0, uniqueRatio: 0, mattr: 0, windowWords: 50 }, pronouns: { i: 0, we: 0, weRatio: 0 },
      pauses: { count: 0, longestSec: 0, totalSec: 0, silenceShare: 0, items: [] },
      longestSpeechSec: 0, longestMonologueSec: 0, talkRatio: 0, talkRatioByWords: 0, questionsAsked: [],
    });
    expect(r.speakers).toEqual([]);
    expect(r.summary).toMatch(/No speech/);
    expect(r.quality.notes.join(' ')).toMatch(/No words were recognised/);
    expect(r).not.toHaveProperty('interviewId');
  });

  it('handles a single word', () => {
    const m = analyzeTranscript(transcript([word('hello', 0.5, 1)], 2), { now }).metrics;
    expect(m).toMatchObject({ wordCount: 1, wpm: 30, speakingSec: 0.5, articulationWpm: 120, longestSpeechSec: 0.5 });
    expect(m.pauses!.count).toBe(0);
  });

  it('gives the same metrics for words out of order, and notes the repair', () => {
    const sorted = wordsFromText('one two three four five', { gapSec: 1.2 });
    const shuffled = [sorted[3]!, sorted[0]!, sorted[4]!, sorted[2]!, sorted[1]!];
    const a = analyzeTranscript(transcript(sorted, 10), { now });
    const b = analyzeTranscript(transcript(shuffled, 10), { now });
    expect(b.metrics).toEqual(a.metrics);
    expect(b.metrics.pauses!.count).toBe(4);
    expect(b.quality.notes.join(' ')).toMatch(/out of time order/);
  });

  it('notes overlapping speech and names the candidate it chose', () => {
    const words: Word[] = [word('a', 0, 2, { speaker: 'A' }), word('b', 1, 3, { speaker: 'B' })];
    const r = analyzeTranscript(transcript(words, 3), { now });
    expect(r.metrics.speakingSec).toBe(2);
    expect(r.quality.notes.join(' ')).toMatch(/overlap/);
    expect(r.quality.notes.join(' ')).toMatch(/2 speakers were found \(A, B\); the metrics are about "A"/);
  });

  it('handles a zero reported duration by using the words, and notes it', () => {
    const r = analyzeTranscript(transcript(wordsFromText('a b c'), 0), { now });
    expect(r.metrics.durationSec).toBeCloseTo(1.1, 9);
    expect(r.metrics.wpm).toBeGreaterThan(0);
    expect(r.quality.notes.join(' ')).toMatch(/extended to the last word/);
  });

  it('handles zero-length words at time 0 without dividing by zero', () => {
    const r = analyzeTranscript(transcript([word('a', 0, 0), word('b', 0, 0)], 0), { now });
    expect(r.metrics).toMatchObject({ durationSec: 0, wordCount: 2, wpm: 0, articulationWpm: 0, speakingSec: 0 });
  });

  it('adds engine, length and confidence notes only when they apply', () => {
    const words = wordsFromText('so this is fine').map((w) => ({ ...w, confidence: 0.4 }));
    const local = analyzeTranscript(transcript(words, 30, 'local'), { now }).quality.notes.join(' ');
    expect(local).toMatch(/offline engine/);
    expect(local).toMatch(/under a minute/);
    expect(local).toMatch(/confidence is 40%/);
    expect(local).toMatch(/no speaker labels, so all speech was taken to be the candidate/);
    const long = wordsFromText('word '.repeat(200), {}, 'x').map((w) => ({ ...w, confidence: 0.95 }));
    expect(analyzeTranscript(transcript(long, 90, 'openai'), { now }).quality.notes).toEqual([]);
  });

  it('rejects unusable input with typed errors', () => {
    expect(() => analyzeTranscript(transcript([word('a', Number.NaN, 1)], 1))).toThrow(InvalidTranscriptError);
    expect(() => analyzeTranscript(transcript([], 1, ''))).toThrow(InvalidTranscriptError);
    expect(() => analyzeTranscript(transcript([], 1), { interviewId: '' })).toThrow(InvalidTranscriptError);
  });

  it('analyses a 30-minute transcript (speed is measured by `npm run bench -- analysis`, not here)', () => {
    // 150 WPM for 30 minutes = 4,500 words (speech ends at ~27:20), a filler every 40 words, a 1.6 s pause every 100.
    const words = wordsFromText(Array.from({ length: 4500 }, (_, i) => (i % 40 === 0 ? 'um' : 'word')).join(' '), {
      wordSec: 0.25,
      gapSec: 0.1,
    }).map((w, i) => ({ ...w, start: w.start + Math.floor(i / 100) * 1.5, end: w.end + Math.floor(i / 100) * 1.5 }));
    const r = analyzeTranscript(transcript(words, 1800), { now });
    expect(r.metrics.wordCount).toBe(4500);
    expect(r.metrics.fillers.count).toBe(113);
    // Each "word word … word" run between two "um"s is ONE repetition item, not 38.
    expect(r.metrics.repetition.count).toBe(113);
    expect(r.metrics.repetition.items[1]).toMatchObject({ text: 'word', times: 39 });
    expect(r.metrics.repetition.items[0]).toMatchObject({ text: 'word', times: 39 });
    expect(r.metrics.pauses!.count).toBe(44);
    expect(r.metrics.wpmSeries).toHaveLength(60);
  });
});
