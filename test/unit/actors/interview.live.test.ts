/**
 * A live practice interview (issue 17): `source: 'live'` → live → uploaded, then the normal
 * pipeline. Expected values come from the lifecycle rules in interview.types.ts: the live deadline
 * is `policy.liveIdleMs`, refreshed by progress; a deadline keeps the bytes received as the
 * recording, or fails `upload_timeout` when there are none.
 */
import { describe, expect, it } from '@jest/globals';
import { reduce } from '../../../actors/interview.reducer.js';
import { defaultPolicy, type LifecyclePolicy } from '../../../actors/interview.types.js';
import {
  apply, clears, createEvent, deadlines, ev, expectIllegal, happyPath, LIVE_KEY, pathToLive, policy, publishes, replay,
} from './interview.fixtures.js';

const livePolicy: LifecyclePolicy = { ...policy, liveIdleMs: 90_000 };
const live = () => replay(undefined, pathToLive, livePolicy).at(-1)!.state;

describe('live practice lifecycle', () => {
  it('create keeps the source; liveStarted moves a live interview to live with the live deadline', () => {
    const [created, started] = replay(undefined, pathToLive, livePolicy);
    expect(created!.state.source).toBe('live');
    expect(started!.state).toMatchObject({ status: 'live', stage: 'upload', progress: 0, live: { key: LIVE_KEY, bytes: 0 } });
    expect(started!.state.timings.upload?.startedAt).toBe(started!.state.updatedAt);
    expect(deadlines(started!.effects)).toEqual([{ type: 'setDeadline', stage: 'upload', inMs: 90_000 }]);
    expect(publishes(started!.effects, 'interview.progress')).toHaveLength(1);
  });

  it('an upload interview cannot go live; a repeated liveStarted (resume) only refreshes the deadline', () => {
    const upload = apply(undefined, createEvent).state;
    expectIllegal(() => apply(upload, { type: 'liveStarted', key: LIVE_KEY }));
    const t = apply(live(), { type: 'liveStarted', key: 'other' }, livePolicy);
    expect(t.state.live).toEqual({ key: LIVE_KEY, bytes: 0 });
    expect(t.effects).toEqual([{ type: 'setDeadline', stage: 'upload', inMs: 90_000 }]);
  });

  it('falls back to a 3-minute live deadline when the policy has none', () => {
    const t = replay(undefined, pathToLive, defaultPolicy).at(-1)!;
    expect(deadlines(t.effects)[0]!.inMs).toBe(3 * 60_000);
    const bare: LifecyclePolicy = { budgetMs: policy.budgetMs, maxAttempts: 3 };
    expect(deadlines(replay(undefined, pathToLive, bare).at(-1)!.effects)[0]!.inMs).toBe(3 * 60_000);
  });

  it('liveProgress keeps the largest byte count, refreshes the deadline and stays out of the duplicate window', () => {
    const s = live();
    const a = apply(s, { type: 'liveProgress', bytes: 5000 }, livePolicy);
    const b = apply(a.state, { type: 'liveProgress', bytes: 3000 }, livePolicy);
    expect(a.state.live!.bytes).toBe(5000);
    expect(b.state.live!.bytes).toBe(5000);
    expect(b.state.seen).toEqual(s.seen);
    expect(b.effects).toEqual([{ type: 'setDeadline', stage: 'upload', inMs: 90_000 }]);
  });

  it('liveEnded hands the recording to transcription exactly like a finished upload', () => {
    const s = apply(live(), { type: 'liveProgress', bytes: 100 }, livePolicy).state;
    const t = apply(s, { type: 'liveEnded', key: LIVE_KEY, size: 4242 }, livePolicy);
    expect(t.state).toMatchObject({ status: 'uploaded', stage: 'transcription', media: { key: LIVE_KEY, size: 4242 }, source: 'live' });
    expect(t.state.live).toBeUndefined();
    expect(t.state.timings.upload?.endedAt).toBe(t.state.updatedAt);
    expect(publishes(t.effects, 'interview.uploaded')[0]!.data).toMatchObject({ id: s.id, ownerUid: s.ownerUid, key: LIVE_KEY, size: 4242 });
    expect(deadlines(t.effects)).toEqual([{ type: 'setDeadline', stage: 'transcription', inMs: policy.budgetMs.transcription }]);
    // …and the rest of the pipeline is the upload one.
    const done = replay(t.state, [...happyPath.transcribing, ...happyPath.transcribed, ...happyPath.analyzing, ...happyPath.completed]).at(-1)!;
    expect(done.state.status).toBe('completed');
  });

  it('a deadline while live keeps the audio received as the recording', () => {
    const s = apply(live(), { type: 'liveProgress', bytes: 777 }, livePolicy).state;
    const t = apply(s, { type: 'deadline', stage: 'upload' }, livePolicy);
    expect(t.state).toMatchObject({ status: 'uploaded', media: { key: LIVE_KEY, size: 777 } });
    expect(publishes(t.effects, 'interview.uploaded')[0]!.data).toMatchObject({ key: LIVE_KEY, size: 777 });
    // The session's own end arriving afterwards is a harmless late event.
    expect(apply(t.state, { type: 'liveEnded', key: LIVE_KEY, size: 900 }).outcome).toBe('stale');
  });

  it('a deadline while live with no audio fails upload_timeout; a late end with audio still recovers it', () => {
    const t = apply(live(), { type: 'deadline', stage: 'upload' }, livePolicy);
    expect(t.state.status).toBe('failed');
    expect(t.state.error).toMatchObject({ code: 'upload_timeout', stage: 'upload' });
    expect(clears(t.effects)).toHaveLength(1);
    expect(publishes(t.effects, 'interview.failed')).toHaveLength(1);
    const r = apply(t.state, { type: 'liveEnded', key: LIVE_KEY, size: 10 }, livePolicy);
    expect(r.state).toMatchObject({ status: 'uploaded', media: { key: LIVE_KEY, size: 10 } });
    expect(r.state.error).toBeUndefined();
    expectIllegal(() => apply(t.state, { type: 'liveStarted', key: LIVE_KEY }));
  });

  it('a transcript cannot be imported while the session records', () => {
    expectIllegal(() => apply(live(), { type: 'transcriptImported', key: 'k', durationSec: 1 }));
  });

  it('delete mid-session erases: cleared deadline, interview.deleted, and nothing live applies afterwards', () => {
    const t = apply(live(), { type: 'delete' }, livePolicy);
    expect(t.state.status).toBe('deleted');
    expect(clears(t.effects)).toHaveLength(1);
    expect(publishes(t.effects, 'interview.deleted')).toHaveLength(1);
    expectIllegal(() => apply(t.state, { type: 'liveProgress', bytes: 1 }));
    expectIllegal(() => apply(t.state, { type: 'liveEnded', key: LIVE_KEY, size: 1 }));
  });

  it('a redelivered liveEnded is a duplicate', () => {
    const e = ev({ type: 'liveEnded', key: LIVE_KEY, size: 5 });
    const once = reduce(live(), e, livePolicy);
    expect(reduce(once.state, e, livePolicy).outcome).toBe('duplicate');
  });
});
