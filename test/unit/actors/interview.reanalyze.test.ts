/** Edits, re-analysis and headline numbers in the lifecycle reducer. */
import { describe, expect, it } from '@jest/globals';
import { STATUSES } from '../../../actors/interview.types.js';
import { apply, deadlines, expectIllegal, failedAt, inStatus, publishes, TRANSCRIPT_KEY } from './interview.fixtures.js';

describe('update', () => {
  it('edits fields in any live status without moving the lifecycle', () => {
    for (const status of STATUSES.filter((s) => s !== 'deleted')) {
      const before = status === 'failed' ? failedAt('analysis') : inStatus(status);
      const t = apply(before, { type: 'update', title: 'New title', candidateSpeaker: 'Sam' });
      expect([status, t.outcome, t.state.status, t.state.title, t.state.analysis?.candidateSpeaker]).toEqual([status, 'applied', before.status, 'New title', 'Sam']);
      expect(publishes(t.effects)).toEqual([]);
    }
  });

  it('leaves fields it was not given untouched', () => {
    const t = apply(inStatus('completed'), { type: 'update', prepNotes: '- one' });
    expect(t.state.title).toBe(inStatus('completed').title);
    expect(t.state.prepNotes).toBe('- one');
  });
});

describe('reanalyze', () => {
  it('sends a completed interview back to analysis with the same transcript', () => {
    const t = apply(inStatus('completed'), { type: 'reanalyze', candidateSpeaker: 'Sam', aiPreference: 'economy', prepNotes: '1. x' });
    expect(t.state).toMatchObject({ status: 'transcribed', stage: 'analysis', prepNotes: '1. x', analysis: { candidateSpeaker: 'Sam', aiPreference: 'economy' } });
    expect(t.state.transcript?.key).toBe(TRANSCRIPT_KEY);
    expect(publishes(t.effects, 'interview.transcribed')).toHaveLength(1);
    expect(deadlines(t.effects).map((d) => d.stage)).toEqual(['analysis']);
  });

  it('works after a failed analysis and clears the error', () => {
    const t = apply(failedAt('analysis'), { type: 'reanalyze' });
    expect(t.state.status).toBe('transcribed');
    expect(t.state.error).toBeUndefined();
  });

  it('is illegal while work is in flight or before a transcript exists', () => {
    for (const status of ['created', 'uploading', 'uploaded', 'transcribing', 'transcribed', 'analyzing'] as const) {
      expectIllegal(() => apply(inStatus(status), { type: 'reanalyze' }));
    }
    expectIllegal(() => apply(failedAt('transcription'), { type: 'reanalyze' }));
  });
});

describe('headline', () => {
  it('is kept from the analyzed event for lists and trends', () => {
    const t = apply(inStatus('analyzing'), { type: 'analyzed', key: 'r.json', transcriptKey: TRANSCRIPT_KEY, headline: { wpm: 140 } });
    expect(t.state.headline).toEqual({ wpm: 140 });
  });
});
