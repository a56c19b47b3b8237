/**
 * Every event from every status. The expected table below is written from the lifecycle rules
 * (ARCHITECTURE §1 and the reducer's contract), not copied from a run:
 *   - an event for a stage the interview has already passed is `stale` (harmless, at-least-once);
 *   - an event that needs a stage the interview has not reached is `illegal`;
 *   - anything but a duplicate is illegal once deleted; `create` only creates;
 *   - a cell naming a status means "applied, and the interview is now in that status".
 */
import { describe, expect, it } from '@jest/globals';
import { reduce } from '../../../actors/interview.reducer.js';
import { STATUSES, type Status } from '../../../actors/interview.types.js';
import { type EventInput, ev, expectIllegal, inStatus, LIVE_KEY, MEDIA, policy, publishes, TRANSCRIPT_KEY } from './interview.fixtures.js';

type Cell = Status | 'stale' | 'illegal';

const EVENTS = {
  create: { type: 'create', id: 'iv-1', ownerUid: 'uid-alice', title: 'again' },
  uploadStarted: { type: 'uploadStarted' },
  uploadProgress: { type: 'uploadProgress', fraction: 0.5 },
  uploadAbandoned: { type: 'uploadAbandoned' },
  uploadCompleted: { type: 'uploadCompleted', ...MEDIA, key: 'media/second' },
  transcriptImported: { type: 'transcriptImported', key: 'transcripts/imported.vtt.json', durationSec: 900 },
  'stageStarted:transcription': { type: 'stageStarted', stage: 'transcription' },
  'stageStarted:analysis': { type: 'stageStarted', stage: 'analysis' },
  'stageProgress:transcription': { type: 'stageProgress', stage: 'transcription', fraction: 0.5 },
  'stageProgress:analysis': { type: 'stageProgress', stage: 'analysis', fraction: 0.5 },
  transcribed: { type: 'transcribed', key: 'transcripts/late.json', durationSec: 600 },
  // The fixtures' transcribed/analyzing states hold the media transcript TRANSCRIPT_KEY.
  analyzed: { type: 'analyzed', key: 'reports/late.json', transcriptKey: TRANSCRIPT_KEY },
  // A report built from a transcript that is no longer the interview's (replaced by an import meanwhile).
  'analyzed:replacedTranscript': { type: 'analyzed', key: 'reports/late.json', transcriptKey: 'transcripts/replaced.json' },
  'stageFailed:upload': { type: 'stageFailed', stage: 'upload', code: 'x', message: 'x' },
  'stageFailed:transcription': { type: 'stageFailed', stage: 'transcription', code: 'x', message: 'x' },
  'stageFailed:analysis': { type: 'stageFailed', stage: 'analysis', code: 'x', message: 'x' },
  'deadline:upload': { type: 'deadline', stage: 'upload' },
  'deadline:transcription': { type: 'deadline', stage: 'transcription' },
  'deadline:analysis': { type: 'deadline', stage: 'analysis' },
  retry: { type: 'retry' },
  liveStarted: { type: 'liveStarted', key: LIVE_KEY },
  liveProgress: { type: 'liveProgress', bytes: 4096 },
  liveEnded: { type: 'liveEnded', key: LIVE_KEY, size: 4096 },
  delete: { type: 'delete' },
} as const satisfies Record<string, EventInput>;

type EventName = keyof typeof EVENTS;

// Columns:            created      uploading    live (no bytes yet)  uploaded       transcribing   transcribed    analyzing      completed   failed(transcription) deleted
const row = (...cells: [Cell, Cell, Cell, Cell, Cell, Cell, Cell, Cell, Cell, Cell]): Record<Status, Cell> =>
  Object.fromEntries(STATUSES.map((s, i) => [s, cells[i]])) as Record<Status, Cell>;

const EXPECTED: Record<EventName, Record<Status, Cell>> = {
  create: row('illegal', 'illegal', 'illegal', 'illegal', 'illegal', 'illegal', 'illegal', 'illegal', 'illegal', 'illegal'),
  uploadStarted: row('uploading', 'uploading', 'stale', 'stale', 'stale', 'stale', 'stale', 'stale', 'uploading', 'illegal'),
  uploadProgress: row('stale', 'uploading', 'stale', 'stale', 'stale', 'stale', 'stale', 'stale', 'stale', 'illegal'),
  // a refused upload (413, or a POST that failed after creating it): back to waiting for a recording.
  uploadAbandoned: row('stale', 'created', 'stale', 'stale', 'stale', 'stale', 'stale', 'stale', 'stale', 'illegal'),
  uploadCompleted: row('uploaded', 'uploaded', 'illegal', 'stale', 'stale', 'stale', 'stale', 'stale', 'uploaded', 'illegal'),
  // transcribed/analyzing (media transcript) → applied: a user's transcript may replace the media one.
  // The analysis already running for the replaced transcript then reports a stale `analyzed` (its
  // transcriptKey no longer matches); see "import while analyzing" in interview.reducer.test.ts.
  transcriptImported: row('transcribed', 'transcribed', 'illegal', 'transcribed', 'transcribed', 'transcribed', 'transcribed', 'illegal', 'transcribed', 'illegal'),
  'stageStarted:transcription': row('illegal', 'illegal', 'illegal', 'transcribing', 'transcribing', 'stale', 'stale', 'stale', 'stale', 'illegal'),
  'stageStarted:analysis': row('illegal', 'illegal', 'illegal', 'illegal', 'illegal', 'analyzing', 'analyzing', 'stale', 'stale', 'illegal'),
  'stageProgress:transcription': row('stale', 'stale', 'stale', 'stale', 'transcribing', 'stale', 'stale', 'stale', 'stale', 'illegal'),
  'stageProgress:analysis': row('stale', 'stale', 'stale', 'stale', 'stale', 'stale', 'analyzing', 'stale', 'stale', 'illegal'),
  transcribed: row('illegal', 'illegal', 'illegal', 'transcribed', 'transcribed', 'stale', 'stale', 'stale', 'stale', 'illegal'),
  analyzed: row('illegal', 'illegal', 'illegal', 'illegal', 'illegal', 'completed', 'completed', 'stale', 'stale', 'illegal'),
  // The status decides first (illegal before transcribed); then a mismatched transcript key is stale.
  'analyzed:replacedTranscript': row('illegal', 'illegal', 'illegal', 'illegal', 'illegal', 'stale', 'stale', 'stale', 'stale', 'illegal'),
  'stageFailed:upload': row('failed', 'failed', 'failed', 'stale', 'stale', 'stale', 'stale', 'stale', 'stale', 'illegal'),
  'stageFailed:transcription': row('stale', 'stale', 'stale', 'failed', 'failed', 'stale', 'stale', 'stale', 'stale', 'illegal'),
  'stageFailed:analysis': row('stale', 'stale', 'stale', 'stale', 'stale', 'failed', 'failed', 'stale', 'stale', 'illegal'),
  // upload has no retry (the browser owns the bytes): the first deadline fails it with upload_timeout.
  'deadline:upload': row('failed', 'failed', 'failed', 'stale', 'stale', 'stale', 'stale', 'stale', 'stale', 'illegal'),
  // attempts are below maxAttempts in these fixtures: the stage is re-triggered, the status stays.
  'deadline:transcription': row('stale', 'stale', 'stale', 'uploaded', 'transcribing', 'stale', 'stale', 'stale', 'stale', 'illegal'),
  'deadline:analysis': row('stale', 'stale', 'stale', 'stale', 'stale', 'transcribed', 'analyzing', 'stale', 'stale', 'illegal'),
  // the failed fixture failed during transcription with media present → resumes at uploaded.
  retry: row('illegal', 'illegal', 'illegal', 'illegal', 'illegal', 'illegal', 'illegal', 'illegal', 'uploaded', 'illegal'),
  // A live session: only a `source: 'live'` interview starts one; a late end of a recording already passed on is stale.
  liveStarted: row('illegal', 'illegal', 'live', 'stale', 'stale', 'stale', 'stale', 'stale', 'illegal', 'illegal'),
  liveProgress: row('stale', 'stale', 'live', 'stale', 'stale', 'stale', 'stale', 'stale', 'stale', 'illegal'),
  // failed here = failed in transcription with another recording: ending a live one now would replace it.
  liveEnded: row('illegal', 'illegal', 'uploaded', 'stale', 'stale', 'stale', 'stale', 'stale', 'illegal', 'illegal'),
  delete: row('deleted', 'deleted', 'deleted', 'deleted', 'deleted', 'deleted', 'deleted', 'deleted', 'deleted', 'illegal'),
};

const cells = STATUSES.flatMap((status) =>
  (Object.keys(EVENTS) as EventName[]).map((name) => ({ status, name, expected: EXPECTED[name][status] })),
);

describe('interview reducer: status × event matrix', () => {
  it('covers every status and every event type', () => {
    const types = new Set(Object.values(EVENTS).map((e) => e.type));
    const allTypes = ['create', 'uploadStarted', 'uploadProgress', 'uploadAbandoned', 'uploadCompleted', 'transcriptImported', 'stageStarted', 'stageProgress',
      'transcribed', 'analyzed', 'stageFailed', 'deadline', 'retry', 'delete', 'liveStarted', 'liveProgress', 'liveEnded'];
    expect([...types].sort()).toEqual([...allTypes].sort());
    expect(cells).toHaveLength(STATUSES.length * Object.keys(EVENTS).length);
  });

  it.each(cells)('$name in $status → $expected', ({ status, name, expected }) => {
    const before = inStatus(status);
    const frozen = structuredClone(before);
    const event = ev(EVENTS[name]);
    if (expected === 'illegal') {
      const err = expectIllegal(() => reduce(before, event, policy));
      expect(err.message).toContain(event.type);
    } else {
      const t = reduce(before, event, policy);
      if (expected === 'stale') {
        expect(t.outcome).toBe('stale');
        expect(t.state).toBe(before);
        expect(t.effects).toEqual([]);
      } else {
        expect(t.outcome).toBe('applied');
        expect(t.state.status).toBe(expected);
        // Progress reports are harmless to repeat, so they do not take a place in the duplicate window.
        if (event.type === 'uploadProgress' || event.type === 'stageProgress' || event.type === 'liveProgress') expect(t.state.seen).toEqual(before.seen);
        else expect(t.state.seen).toContain(event.eventId);
        expect(t.state.updatedAt).toBe(event.at);
        expect(t.state.progress).toBeGreaterThanOrEqual(0);
        expect(t.state.progress).toBeLessThanOrEqual(1);
        // Every published event says who and where, from the state after the transition.
        for (const p of publishes(t.effects)) {
          expect(p.data).toMatchObject({ id: t.state.id, ownerUid: t.state.ownerUid, status: t.state.status, stage: t.state.stage, progress: t.state.progress });
        }
        // A status change is always announced on interview.progress (notify drives the UI from it).
        if (t.state.status !== before.status) expect(publishes(t.effects, 'interview.progress')).toHaveLength(1);
      }
    }
    // Pure: the input state is never mutated, whatever the outcome.
    expect(before).toEqual(frozen);
  });

  it.each(cells)('a duplicate $name in $status is a no-op', ({ status, name }) => {
    const before = inStatus(status);
    const lastSeen = before.seen.at(-1)!;
    const t = reduce(before, ev({ ...EVENTS[name], eventId: lastSeen }), policy);
    expect(t).toEqual({ state: before, effects: [], outcome: 'duplicate' });
    expect(t.state).toBe(before);
  });

  it('no event can reach an interview that does not exist, except create', () => {
    for (const name of Object.keys(EVENTS) as EventName[]) {
      if (name === 'create') continue;
      expectIllegal(() => reduce(undefined, ev(EVENTS[name]), policy));
    }
    expect(reduce(undefined, ev(EVENTS.create), policy).outcome).toBe('applied');
  });
});
