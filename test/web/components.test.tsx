/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["browser", "development"]}
 */
import { describe, expect, it } from '@jest/globals';
import { render } from '@solidjs/testing-library';
import { Answers } from '../../web/src/components/Answers';
import { PaceChart, Timeline } from '../../web/src/components/Charts';
import { MetricCardView } from '../../web/src/components/MetricCardView';
import { Stepper } from '../../web/src/components/Stepper';
import { checkMedia } from '../../web/src/lib/upload-check';
import { buildTurns } from '../../web/src/lib/transcript';

describe('web components', () => {
  it('MetricCardView shows value, range and advice', () => {
    const { container, getByText } = render(() => (
      <MetricCardView card={{ id: 'wpm', label: 'Pace', value: 122.4, unit: 'wpm', definition: 'Words per minute', range: { low: 130, high: 175, source: 'research' }, verdict: 'low', advice: 'Speed up a little.' }} />
    ));
    expect(getByText('122 wpm')).toBeTruthy();
    expect(getByText('Target 130 wpm – 175 wpm')).toBeTruthy();
    expect(getByText('Below range')).toBeTruthy();
    expect(getByText('Speed up a little.')).toBeTruthy();
    expect(container.querySelector('.verdict-low')).not.toBeNull();
  });

  it('Stepper marks done, active and failed steps', () => {
    const { container } = render(() => <Stepper status="transcribing" progress={0.5} />);
    const steps = [...container.querySelectorAll('.step')].map((s) => s.className.replace('step ', ''));
    expect(steps).toEqual(['done', 'active', 'todo', 'todo']);
    expect(container.querySelector('[role=progressbar]')!.getAttribute('aria-valuenow')).toBe('50');
    const failed = render(() => <Stepper status="failed" stage="transcription" progress={0.4} />).container;
    expect([...failed.querySelectorAll('.step')].map((s) => s.className.replace('step ', ''))).toEqual(['done', 'failed', 'todo', 'todo']);
  });

  it('charts draw one point per window and one mark per filler', () => {
    const { container } = render(() => (
      <>
        <PaceChart points={[{ t: 0, wpm: 140 }, { t: 30, wpm: 160 }, { t: 60, wpm: 120 }]} band={[130, 175]} durationSec={90} />
        <Timeline kind="fillers" durationSec={90} marks={[{ t: 3, label: 'um' }, { t: 40, label: 'uh' }]} />
      </>
    ));
    expect(container.querySelectorAll('[data-chart=pace] circle.dot')).toHaveLength(3);
    expect(container.querySelectorAll('[data-chart=fillers] line.mark')).toHaveLength(2);
  });

  it('Answers shows STAR badges with quoted evidence', () => {
    const { container, getByText } = render(() => (
      <Answers answers={[{
        question: 'Tell me about a hard project.', start: 0, end: 60, text: 'x', durationSec: 60, wordCount: 100,
        length: { verdict: 'ok', recommendedSec: [60, 120] },
        star: { situation: { present: true, evidence: 'Our billing broke.' }, task: { present: false }, action: { present: true, evidence: 'I rewrote it.' }, result: { present: false } },
        tip: 'Say what changed.',
      }]} />
    ));
    expect(container.querySelectorAll('.star-on')).toHaveLength(2);
    expect(container.querySelectorAll('.star-off')).toHaveLength(2);
    expect(getByText('Our billing broke.').tagName).toBe('Q');
  });

  it('checks files before upload and marks fillers in the transcript', () => {
    expect(checkMedia({ name: 'a.txt', size: 10, type: 'text/plain' }, 100)).toMatch(/not an audio or video/);
    expect(checkMedia({ name: 'a.mp4', size: 1000, type: 'video/mp4' }, 100)).toMatch(/limit/);
    expect(checkMedia({ name: 'a.mp4', size: 10, type: '' }, 100)).toBeNull();
    const words = [{ text: 'so', start: 0, end: 0.2, speaker: 'A' }, { text: 'um', start: 0.3, end: 0.5, speaker: 'A' }, { text: 'you', start: 0.6, end: 0.7, speaker: 'B' }, { text: 'know', start: 0.7, end: 0.9, speaker: 'B' }];
    const turns = buildTurns(words, { metrics: { fillers: { items: [{ word: 'um', start: 0.3, speaker: 'A' }, { word: 'you know', start: 0.6, speaker: 'B' }] }, hedges: { items: [] } } } as never);
    expect(turns.map((t) => t.speaker)).toEqual(['A', 'B']);
    expect(turns.flatMap((t) => t.words.map((w) => w.mark ?? '-'))).toEqual(['-', 'filler', 'filler', 'filler']);
  });
});
