import { describe, expect, it } from '@jest/globals';
import { analyzeTranscript } from '../../../services/analysis/analyze.js';
import { bar, clock, listWithMore, percent, sparkline } from '../../../services/analysis/format.js';
import { formatReportText } from '../../../services/analysis/summary.js';
import type { Word } from '../../../services/transcripts/transcript.js';
import { transcript, word } from './helpers/synthetic.js';

const now = () => new Date('2025-01-02T03:04:05.000Z');

describe('format helpers', () => {
  it('clock formats m:ss and h:mm:ss, rounding down', () => {
    expect(clock(0)).toBe('0:00');
    expect(clock(75.9)).toBe('1:15');
    expect(clock(3725)).toBe('1:02:05');
    expect(clock(-3)).toBe('0:00');
  });

  it('sparkline scales to the maximum; bar and lists', () => {
    expect(sparkline([0, 50, 100])).toBe('▁▅█');
    expect(sparkline([0, 0])).toBe('▁▁');
    expect(bar(5, 10, 10)).toBe('█████');
    expect(listWithMore(['a', 'b', 'c'], 2)).toBe('a, b (+1 more)');
    expect(percent(0.0523, 1)).toBe('5.2%');
  });
});

/** 90 s: fast first minute, slow last half-minute, fillers and two long pauses. */
function interview(): Word[] {
  const words: Word[] = [];
  for (let i = 0; i < 80; i++) words.push(word(i % 20 === 5 ? 'um' : 'fast', i * 0.375, i * 0.375 + 0.3)); // 0–30 s
  for (let i = 0; i < 60; i++) words.push(word('steady', 30 + i * 0.5, 30 + i * 0.5 + 0.4)); // 30–60 s
  words.push(word('you', 62, 62.2), word('know', 62.2, 62.5)); // 1.6 s pause before
  for (let i = 0; i < 20; i++) words.push(word('slow', 65 + i, 65 + i + 0.5)); // 2.5 s pause before
  return words;
}

describe('formatReportText', () => {
  const report = analyzeTranscript(transcript(interview(), 90), { interviewId: 'iv-9', now });
  const text = formatReportText(report);

  it('shows the headline numbers with their reference ranges', () => {
    expect(text).toContain('Interview iv-9 — engine import, generated 2025-01-02T03:04:05.000Z');
    expect(text).toMatch(/Duration\s+1:30, the candidate speaking /);
    expect(text).toMatch(/Words\s+162\n/);
    // 162 words in 90 s; 162 words in 70.4 s of speech (gaps ≥ 0.3 s removed).
    expect(text).toContain('108 WPM on the floor, 138 WPM while speaking');
    expect(text).not.toContain('Talk ratio'); // one speaker: nothing to compare
  });

  it('lists fillers grouped, most frequent first, with m:ss timestamps', () => {
    expect(text).toMatch(/Fillers\s+5 — 3\.3 per minute, 3\.1% of words\n/);
    expect(text).toContain('"um" ×4: 0:01, 0:09, 0:16, 0:24');
    expect(text).toContain('"you know" ×1: 1:02');
  });

  it('lists pauses with start and length', () => {
    expect(text).toMatch(/Pauses \(≥ 1 s\)\s+2 — longest 2\.5 s, total 4\.6 s/);
    expect(text).toContain('0:59 (2.1 s), 1:02 (2.5 s)');
  });

  it('shows pace over time as a sparkline and one row per window', () => {
    expect(text).toMatch(/Pace over time\s+█▆▃ {2}per 30 s window, 44–160 WPM/);
    expect(text).toMatch(/0:30 {2}120 █{18}\n/);
    expect(text).toMatch(/1:00 {3}44 █{7}\n/);
  });

  it('shows every metric card with its range and advice, then three tips and the summary', () => {
    expect(text).toMatch(/▼ low +Pace +108 WPM +\(range ≥ 130 WPM\)\n {12}You spoke slowly/);
    expect(text).toMatch(/✓ ok +Fillers +3\.1% +\(range ≤ 6\.0%\)/);
    expect(text).toMatch(/ℹ info +Hedges +0\.0\/min +\(for information\)\n {12}Softeners/);
    // Furthest outside first: MATTR 0.04 vs ≥ 0.7, then pace 108 vs ≥ 130 (repeats are information only).
    expect(text).toMatch(/Top tips:\n {2}1\. You repeat the same words.*\n {2}2\. You spoke slowly/);
    expect(text.match(/^ {2}\d\. /gm)).toHaveLength(3);
    expect(text).toMatch(/Summary\s+\n\s+You spoke 162 words/);
  });

  it('shows speakers, talk ratio and questions for an interview with an interviewer', () => {
    const two = [
      ...['Tell', 'me', 'about', 'yourself?'].map((t, i) => word(t, i * 0.5, i * 0.5 + 0.4, { speaker: 'spk_0' })),
      ...interview().map((w) => ({ ...w, start: w.start + 3, end: w.end + 3, speaker: 'spk_1' })),
    ];
    const t = formatReportText(analyzeTranscript(transcript(two, 93), { now, speakerNames: { spk_1: 'Ana' } }));
    expect(t).toContain('— candidate: Ana');
    expect(t).toMatch(/Speakers\s+spk_0 \(interviewer\), Ana \(candidate\)/);
    expect(t).toMatch(/spk_0 .* 1 question\(s\)/);
    expect(t).toMatch(/Talk ratio\s+9\d% of speaking time, 98% of words/);
    expect(t).toMatch(/Talk ratio +9\d% +\(range ≥ 55%\)/);
    expect(t).toMatch(/Readiness +\d+ \/ 100 \(80% interval \d+–\d+\)/);
  });

  it('ends with the quality notes', () => {
    expect(text).toMatch(/Notes:\n {2}- The transcript has no speaker labels/);
    expect(text.trimEnd().endsWith(report.quality.notes.at(-1)!)).toBe(true);
  });

  it('prints a sensible summary for an empty report', () => {
    const empty = formatReportText(analyzeTranscript(transcript([], 0), { now }));
    expect(empty).toContain('Interview report — engine import');
    expect(empty).toMatch(/Fillers\s+none found/);
    expect(empty).toMatch(/Pauses \(≥ 1 s\)\s+none/);
    expect(empty).toMatch(/Longest stretch\s+—/);
    expect(empty).not.toContain('Pace over time');
  });
});
