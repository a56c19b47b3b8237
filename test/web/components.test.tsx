/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["browser", "development"]}
 */
import { describe, expect, it } from '@jest/globals';
import { fireEvent, render, screen } from '@solidjs/testing-library';
import { createSignal, Show } from 'solid-js';
import { Answers } from '../../web/src/components/Answers';
import { PaceChart, Sparkline, Timeline } from '../../web/src/components/Charts';
import { ConfirmDialog } from '../../web/src/components/ConfirmDialog';
import { UploadPanel } from '../../web/src/components/UploadPanel';
import { MetricCardView } from '../../web/src/components/MetricCardView';
import { ReadinessView } from '../../web/src/components/Readiness';
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

  it('MetricCardView shows an information-only card neutrally, with its evidence', () => {
    const { container, getByText, queryByText, getByTestId } = render(() => (
      <MetricCardView card={{ id: 'hedgesPerMinute', label: 'Hedges', value: 2.4, unit: 'perMinute', definition: 'Hedges per minute', range: { high: 3, source: 'our guideline' }, verdict: 'info', advice: 'Worth a look.', evidence: { r: -0.083, n: 70, data: 'MIT training split', supports: 'none' } }} />
    ));
    expect(container.querySelector('.verdict-info')).not.toBeNull();
    expect(getByText('For information')).toBeTruthy();
    expect(queryByText(/On target|Below range|Above range/)).toBeNull();
    expect(getByText('Typical range ≤ 3.0/min')).toBeTruthy();
    expect(getByTestId('evidence').textContent).toBe('Rated interviews: r = −0.08 (n = 70)');
    const judged = render(() => (
      <MetricCardView card={{ id: 'fillerRatio', label: 'Fillers', value: 0.08, unit: 'share', definition: 'Fillers per word', range: { high: 0.06, source: 'MIT' }, verdict: 'high', advice: 'Pause instead.', evidence: { r: 0.48, n: 70, data: 'MIT', supports: 'lower' } }} />
    ));
    expect(judged.getByText('Rated interviews: r = +0.48 (n = 70)')).toBeTruthy();
    expect(judged.getByText('Above range')).toBeTruthy();
  });

  it('ReadinessView shows the score, its interval, the top three drivers and the statement', () => {
    const readiness = {
      score: 72.4, interval: [61.2, 83.4] as [number, number],
      drivers: [
        { metric: 'fillerRatio', label: 'Filler share', value: 0.091, effect: -6.3 },
        { metric: 'wpm', label: 'Pace (words per minute)', value: 171.2, effect: 4.1 },
        { metric: 'talkShare', label: 'Your share of the words spoken', value: 0.88, effect: 0.4 },
        { metric: 'uniqueWordsLog', label: 'Vocabulary (ln unique words)', value: 5.6, effect: 0.1 },
      ],
      model: { version: 'readiness-1', variant: 'timed' as const, trainedOn: 'MIT', validity: { r: 0.68, n: 70, method: 'leave-one-participant-out' } },
      statement: 'On 70 rated mock interviews it agrees with human raters at r = 0.68.',
    };
    const { getByTestId, container, queryByTestId, unmount } = render(() => <ReadinessView readiness={readiness} />);
    expect(getByTestId('readiness-score').textContent).toBe('72');
    expect(getByTestId('readiness-interval').textContent).toBe('likely 61–83');
    const drivers = [...container.querySelectorAll('.drivers li')].map((li) => li.textContent);
    expect(drivers).toEqual([
      'Fillers at 9.1% of your words −6.3 points',
      'Your pace of 171 words a minute +4.1 points',
      'Your 88% share of the words spoken +0.4 points',
    ]);
    expect(getByTestId('readiness-statement').textContent).toBe(readiness.statement);
    expect(queryByTestId('readiness-untimed')).toBeNull();
    unmount();
    const untimed = render(() => <ReadinessView readiness={{ ...readiness, model: { ...readiness.model, variant: 'untimed' } }} />);
    expect(untimed.getByTestId('readiness-untimed').textContent).toMatch(/untimed model.*no times/);
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

  it('Sparkline centres a single value on a dashed baseline and draws a line for several', () => {
    const one = render(() => <Sparkline values={[120]} label="Pace: 120" />).container;
    expect(one.querySelector('circle.dot')!.getAttribute('cx')).toBe('120');
    expect(one.querySelector('line.baseline')).not.toBeNull();
    const many = render(() => <Sparkline values={[120, 140, 130]} label="Pace" />).container;
    expect(many.querySelectorAll('circle.dot')).toHaveLength(3);
    expect(many.querySelector('line.baseline')).toBeNull();
  });

  it('UploadPanel offers Pause while uploading, Resume when paused, and waits by itself when offline', () => {
    const base = { interviewId: 'i1', fileName: 'mock.mp4', total: 1000, sent: 250, speed: 100, phase: 'uploading' as const, resumed: false };
    const { getByRole, unmount } = render(() => <UploadPanel u={base} />);
    expect(getByRole('button', { name: 'Pause' })).toBeTruthy();
    expect(getByRole('progressbar').getAttribute('aria-valuenow')).toBe('25');
    unmount();
    const paused = render(() => <UploadPanel u={{ ...base, phase: 'paused', resumed: true }} />);
    expect(paused.getByRole('button', { name: 'Resume' })).toBeTruthy();
    expect(paused.getByTestId('upload-status').textContent).toBe('Paused at 25% · Resume continues from there');
    expect(paused.container.textContent).toContain('resumed');
    paused.unmount();
    const offline = render(() => <UploadPanel u={{ ...base, phase: 'offline' }} />);
    expect(offline.queryByRole('button')).toBeNull();
    expect(offline.getByTestId('upload-status').textContent).toMatch(/offline · the upload continues by itself/);
  });
});

describe('ConfirmDialog', () => {
  /** An opener button and the dialog it shows, recording what the user chose. */
  function setup(requireText?: string) {
    const chosen: string[] = [];
    const [open, setOpen] = createSignal(false);
    render(() => (
      <>
        <button onClick={() => setOpen(true)}>Delete…</button>
        <Show when={open()}>
          <ConfirmDialog title="Delete it?" confirmLabel="Delete" requireText={requireText}
            onCancel={() => { chosen.push('cancel'); setOpen(false); }} onConfirm={() => { chosen.push('confirm'); setOpen(false); }}>
            <p>Gone for good.</p>
          </ConfirmDialog>
        </Show>
      </>
    ));
    const opener = screen.getByRole('button', { name: 'Delete…' });
    opener.focus();
    fireEvent.click(opener);
    return { chosen, opener };
  }

  it('starts on Cancel; Cancel and Escape close it without confirming and give focus back', () => {
    const { chosen, opener } = setup();
    const dialog = screen.getByRole('alertdialog', { name: 'Delete it?' });
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Cancel' }));
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(chosen).toEqual(['cancel']);
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(document.activeElement).toBe(opener);
    fireEvent.click(opener);
    fireEvent.keyDown(screen.getByRole('alertdialog'), { key: 'Escape' });
    expect(chosen).toEqual(['cancel', 'cancel']);
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });

  it('keeps Tab inside the dialog', () => {
    setup();
    const confirm = screen.getByRole('button', { name: 'Delete' });
    confirm.focus();
    fireEvent.keyDown(confirm, { key: 'Tab' });
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Cancel' }));
    fireEvent.keyDown(document.activeElement!, { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(confirm);
  });

  it('with a required word, confirms only once it is typed exactly', () => {
    const { chosen } = setup('DELETE');
    const input = screen.getByLabelText(/Type DELETE to confirm/);
    expect(document.activeElement).toBe(input);
    const confirm = screen.getByRole('button', { name: 'Delete' }) as HTMLButtonElement;
    expect(confirm.disabled).toBe(true);
    fireEvent.input(input, { target: { value: 'delete' } });
    expect(confirm.disabled).toBe(true);
    fireEvent.submit(confirm.closest('form')!);
    expect(chosen).toEqual([]);
    fireEvent.input(input, { target: { value: 'DELETE' } });
    expect(confirm.disabled).toBe(false);
    fireEvent.click(confirm);
    expect(chosen).toEqual(['confirm']);
  });
});
