/**
 * Issue 14, point 1 (report side): a transcript without times gives a report without pace, pauses or
 * durations, says why, judges talk ratio by words and scores readiness with the untimed variant;
 * "as you chose" appears only when the user chose the candidate.
 */
import { describe, expect, it } from '@jest/globals';
import { buildReport } from '../../../services/analysis/report.pipeline.js';
import { ReportSchema } from '../../../services/analysis/report.schema.js';
import { parseTranscriptFile } from '../../../services/transcripts/parse.js';

const TEXT = [
  'Interviewer: Hi, how are you doing today?',
  'Interviewee: Good, thanks.',
  'Interviewer: So tell me about yourself.',
  `Interviewee: ${'I am a junior studying mechanical engineering and um I like building robots with my team. '.repeat(6)}`,
  'Interviewer: Tell me about a time you demonstrated leadership.',
  `Interviewee: ${'Last semester I led a group of five students and we built a rover that won second place. '.repeat(6)}`,
  ...['Why should we hire you?', 'What is one of your weaknesses?', 'Tell me about a team challenge.', 'Do you have any questions?'].flatMap((q) => [
    `Interviewer: ${q}`,
    `Interviewee: ${'I think I bring energy and I finish what I start, and I work well with people. '.repeat(3)}`,
  ]),
  'Interveiwee: And I learned a lot from it.',
].join('\n');

describe('report of an untimed transcript', () => {
  it('leaves out every time-based metric and card, and says why', async () => {
    const r = await buildReport(parseTranscriptFile(TEXT, 'interview.txt'));
    expect(ReportSchema.safeParse(r).success).toBe(true);
    const m = r.metrics;
    expect(m.timed).toBe(false);
    for (const k of ['durationSec', 'floorSec', 'speakingSec', 'wpm', 'articulationWpm', 'wpmSeries', 'paceVariability', 'pauses', 'longestSpeechSec', 'longestMonologueSec', 'talkRatio'] as const) {
      expect(m[k]).toBeUndefined();
    }
    expect(m.fillers.perMinute).toBeUndefined();
    expect(m.talkRatioByWords).toBeGreaterThan(0.8);
    expect(r.metricCards.map((c) => c.id)).not.toEqual(expect.arrayContaining(['wpm']));
    for (const id of ['wpm', 'silenceShare', 'longestMonologueSec', 'paceVariability', 'hedgesPerMinute', 'repetitionsPerMinute']) {
      expect(r.metricCards.find((c) => c.id === id)).toBeUndefined();
    }
    expect(r.metricCards.find((c) => c.id === 'talkRatio')?.value).toBe(m.talkRatioByWords);
    expect(r.quality.notes.join(' ')).toMatch(/no times.*pace, pauses and durations are left out/i);
  });

  it('takes the Interviewee as the candidate, merges the typo label, and never says "as you chose"', async () => {
    const r = await buildReport(parseTranscriptFile(TEXT, 'interview.txt'));
    expect(r.speakers.map((s) => [s.id, s.role])).toEqual([['Interviewer', 'interviewer'], ['Interviewee', 'candidate']]);
    expect(r.quality.notes.join(' ')).toMatch(/"Interveiwee".*"Interviewee"/);
    expect(r.quality.notes.join(' ')).not.toMatch(/as you chose/);
    expect(r.quality.notes.join(' ')).toMatch(/as the speaker who answers the questions/);
    const chosen = await buildReport(parseTranscriptFile(TEXT, 'interview.txt'), { candidateSpeaker: 'Interviewee' });
    expect(chosen.quality.notes.join(' ')).toMatch(/as you chose/);
  });

  it('scores readiness with the untimed variant, which says it uses no pace', async () => {
    const r = await buildReport(parseTranscriptFile(TEXT, 'interview.txt'));
    expect(r.readiness?.model.variant).toBe('untimed');
    expect(r.readiness?.drivers.map((d) => d.metric)).not.toContain('wpm');
    expect(r.readiness?.statement).toMatch(/no times, so no pace/);
    expect(r.readiness!.interval[0]).toBeLessThanOrEqual(r.readiness!.score);
    expect(r.readiness!.interval[1]).toBeGreaterThanOrEqual(r.readiness!.score);
  });

  it('a timed import of the same talk scores with the timed variant', async () => {
    const vtt = ['WEBVTT', '', '00:00.000 --> 00:03.000', '<v Interviewer>Tell me about yourself.', '', '00:03.000 --> 01:03.000', `<v Candidate>${'I am a junior studying engineering and I build robots with my team every week. '.repeat(10)}`, ''].join('\n');
    const r = await buildReport(parseTranscriptFile(vtt, 'a.vtt'));
    expect(r.metrics.timed).toBe(true);
    expect(r.readiness?.model.variant).toBe('timed');
    expect(r.readiness?.drivers.map((d) => d.metric)).toContain('wpm');
  });
});
