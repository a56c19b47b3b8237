/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["browser", "development"]}
 */
import { describe, expect, it, jest } from '@jest/globals';
import { render, waitFor } from '@solidjs/testing-library';

/** The report the mocked store serves for each id. */
const reports: Record<string, unknown> = {};
jest.unstable_mockModule('../../web/src/stores/interviews', () => ({
  fetchReport: async (id: string) => reports[id],
  fetchTranscript: async () => ({ text: 'so um I led it', words: [{ text: 'so', start: 0, end: 0.4, speaker: 'A' }, { text: 'um', start: 0.4, end: 0.8, speaker: 'A' }] }),
}));
const { ReportView } = await import('../../web/src/components/ReportView');

const phrase = { count: 1, ratio: 0.02, items: [{ word: 'um', start: 0.4, speaker: 'A' }] };
/** An untimed v3 report: no pace, pauses or durations; talk share by words only. */
const untimed = {
  schemaVersion: 3, generatedAt: '2025-01-01T00:00:00.000Z', engine: 'upload', speakers: [{ id: 'A', role: 'candidate', talkSec: 0 }, { id: 'B', role: 'interviewer', talkSec: 0 }],
  metrics: {
    timed: false, wordCount: 120, fillers: phrase, hedges: { count: 0, ratio: 0, items: [] }, repetition: { count: 0, items: [] },
    vocabulary: { uniqueWords: 80, uniqueRatio: 0.66, mattr: 0.7, windowWords: 50 }, pronouns: { i: 3, we: 1, weRatio: 0.25 },
    talkRatioByWords: 0.8, questionsAsked: [],
  },
  metricCards: [{ id: 'fillerRatio', label: 'Fillers', value: 0.02, unit: 'share', definition: 'd', range: { high: 0.06, source: 's' }, verdict: 'ok', advice: 'Fine.' }],
  summary: 'Clear answers.', tips: [], answers: [],
  readiness: {
    score: 58, interval: [45, 71], drivers: [{ metric: 'talkShare', label: 'Your share of the words spoken', value: 0.8, effect: -2 }],
    model: { version: 'readiness-1', variant: 'untimed', trainedOn: 'MIT', validity: { r: 0.54, n: 70, method: 'cv' } },
    statement: 'Agrees with human raters at r = 0.54 on 70 rated mock interviews.',
  },
  quality: { engine: 'upload', assumedSingleSpeaker: false, notes: [] },
};
/** A stored v2 report: no `timed`, no readiness, every time-based field present. */
const v2 = {
  ...untimed, schemaVersion: 2, readiness: undefined,
  speakers: [{ id: 'A', role: 'candidate', talkSec: 60 }, { id: 'B', role: 'interviewer', talkSec: 20 }],
  metrics: {
    ...untimed.metrics, timed: undefined, durationSec: 90, floorSec: 70, speakingSec: 60, wpm: 141.6, articulationWpm: 150,
    wpmSeries: [{ t: 0, wpm: 140, durationSec: 30, partial: false }, { t: 30, wpm: 150, durationSec: 30, partial: false }], paceVariability: 0.05,
    fillers: { ...phrase, perMinute: 0.9 }, pauses: { count: 2, longestSec: 1.5, totalSec: 2.6, silenceShare: 0.04, items: [{ start: 10, end: 11.5, durationSec: 1.5 }, { start: 40, end: 41.1, durationSec: 1.1 }] },
    longestSpeechSec: 20, longestMonologueSec: 30, talkRatio: 0.75,
  },
};

describe('ReportView', () => {
  it('leaves pace, pauses and durations out of an untimed v3 report and shows its readiness', async () => {
    reports.u = untimed;
    const { findByTestId, queryByTestId, container, getByTestId } = render(() => <ReportView id="u" title="Untimed" />);
    expect((await findByTestId('untimed-note')).textContent).toBe('This transcript had no times, so pace, pauses and durations are left out.');
    expect(queryByTestId('stat-wpm')).toBeNull();
    expect(queryByTestId('stat-pauses')).toBeNull();
    expect(getByTestId('stat-fillers').nextElementSibling!.textContent).toBe('2.0% of words');
    expect(container.querySelector('[data-chart=pace]')).toBeNull();
    expect(container.querySelector('[data-chart=fillers]')).toBeNull();
    expect(container.querySelector('[data-chart=talk]')!.getAttribute('data-value')).toBe('0.800');
    expect(getByTestId('readiness-score').textContent).toBe('58');
    expect(getByTestId('readiness-untimed')).toBeTruthy();
    await waitFor(() => expect(getByTestId('transcript').querySelector('time')).toBeNull());
  });

  it('still shows a stored v2 report in full, without a readiness block', async () => {
    reports.v2 = v2;
    const { findByTestId, queryByTestId, container } = render(() => <ReportView id="v2" title="Old" />);
    expect((await findByTestId('stat-wpm')).textContent).toBe('142');
    expect(queryByTestId('untimed-note')).toBeNull();
    expect(queryByTestId('readiness')).toBeNull();
    expect(container.querySelectorAll('[data-chart=pace] circle.dot')).toHaveLength(2);
    expect(container.querySelectorAll('[data-chart=pauses] rect.span')).toHaveLength(2);
    expect(container.querySelector('[data-chart=talk]')!.getAttribute('data-value')).toBe('0.750');
    expect(queryByTestId('job-coverage')).toBeNull();
  });

  it('shows the job coverage section when the report has a job', async () => {
    reports.job = {
      ...untimed,
      answers: [{ question: 'Tell me about a time you led a team.', kind: 'behavioural', start: 0, end: 0, text: 'x', wordCount: 10, star: { situation: { present: false }, task: { present: false }, action: { present: true, evidence: 'I led it.' }, result: { present: false } }, tip: 't' }],
      job: { coverage: 0.5, competencies: [
        { id: 'leadership', name: 'Leadership', kind: 'behaviour', source: 'Lead a team.', status: 'covered', evidence: 'I led it.', answers: [0] },
        { id: 'sql', name: 'SQL', kind: 'skill', source: 'Strong SQL.', status: 'missed' },
      ] },
    };
    const { findByTestId, getByRole } = render(() => <ReportView id="job" title="Job" />);
    expect((await findByTestId('job-coverage-value')).textContent).toBe('50%');
    expect(getByRole('heading', { name: 'Job coverage' })).toBeTruthy();
    expect(getByRole('rowheader', { name: /SQL/ })).toBeTruthy();
  });
});
