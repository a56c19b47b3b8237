/**
 * Builders for the interview reducer tests: events with generated ids and times, states reached by
 * replaying the real lifecycle (never hand-written state objects, so a fixture cannot drift from
 * what the reducer actually produces), and small effect queries.
 */
import { expect } from '@jest/globals';
import { IllegalTransitionError, reduce } from '../../../actors/interview.reducer.js';
import type { Effect, InterviewEvent, InterviewState, LifecyclePolicy, Stage, Status, Topic, Transition } from '../../../actors/interview.types.js';

/** Budgets chosen unlike the defaults, so a test notices if the reducer ignores the policy passed in. */
export const policy: LifecyclePolicy = {
  budgetMs: { upload: 7_000, transcription: 15 * 60_000, analysis: 5 * 60_000 },
  maxAttempts: 3,
};

export const T0 = Date.UTC(2025, 0, 1);
export const ID = 'iv-1';
export const OWNER = 'uid-alice';
export const MEDIA = { key: 'media/uid-alice/iv-1', size: 12_345, filename: 'mock.webm' };
export const TRANSCRIPT_KEY = 'transcripts/uid-alice/iv-1.json';
export const IMPORT_KEY = 'transcripts/uid-alice/iv-1.import.json';
export const REPORT_KEY = 'reports/uid-alice/iv-1.json';

type Distribute<E> = E extends InterviewEvent ? Omit<E, 'eventId' | 'at'> & { eventId?: string; at?: number } : never;
/** An event without the bookkeeping: `ev()` adds a fresh id and a later time. */
export type EventInput = Distribute<InterviewEvent>;

let seq = 0;
/** A fresh event: unique id, time one second after the previous event. */
export function ev(e: EventInput): InterviewEvent {
  seq++;
  return { eventId: `ev-${seq}`, at: T0 + seq * 1000, ...e } as InterviewEvent;
}

/** Reduces one event; an id or time given in `e` is kept (to replay a delivery), otherwise generated. */
export const apply = (state: InterviewState | undefined, e: EventInput, p: LifecyclePolicy = policy): Transition => reduce(state, ev(e), p);

/** Applies events in order; returns every transition (the last one is the current state). */
export function replay(state: InterviewState | undefined, events: EventInput[], p: LifecyclePolicy = policy): Transition[] {
  const out: Transition[] = [];
  let s = state;
  for (const e of events) {
    const t = apply(s, e, p);
    out.push(t);
    s = t.state;
  }
  return out;
}

export const createEvent: EventInput = { type: 'create', id: ID, ownerUid: OWNER, title: 'Mock interview', role: 'SRE', company: 'Acme' };

/** The happy path, one event per status change. */
export const happyPath: Record<Exclude<Status, 'failed' | 'deleted' | 'live'>, EventInput[]> = {
  created: [createEvent],
  uploading: [{ type: 'uploadStarted' }],
  uploaded: [{ type: 'uploadCompleted', ...MEDIA }],
  transcribing: [{ type: 'stageStarted', stage: 'transcription' }],
  transcribed: [{ type: 'transcribed', key: TRANSCRIPT_KEY, durationSec: 600 }],
  analyzing: [{ type: 'stageStarted', stage: 'analysis' }],
  completed: [{ type: 'analyzed', key: REPORT_KEY, transcriptKey: TRANSCRIPT_KEY }],
};

const ORDER = ['created', 'uploading', 'uploaded', 'transcribing', 'transcribed', 'analyzing', 'completed'] as const;

/** The events that bring a new interview to `status` along the happy path. */
export function pathTo(status: (typeof ORDER)[number]): EventInput[] {
  return ORDER.slice(0, ORDER.indexOf(status) + 1).flatMap((s) => happyPath[s]);
}

/** A state in `status`, reached through the reducer. `failed` = failed during transcription (media present). */
export const LIVE_KEY = 'iv-1--live0000000000000000000';
/** A live practice interview recording (no bytes reported yet). */
export const pathToLive: EventInput[] = [{ ...createEvent, source: 'live' }, { type: 'liveStarted', key: LIVE_KEY }];

export function inStatus(status: Status): InterviewState {
  const events: EventInput[] =
    status === 'live'
      ? pathToLive
      : status === 'failed'
      ? [...pathTo('transcribing'), { type: 'stageFailed', stage: 'transcription', code: 'media_invalid', message: 'no audio stream' }]
      : status === 'deleted'
        ? [...pathTo('uploaded'), { type: 'delete' }]
        : pathTo(status);
  const s = replay(undefined, events).at(-1)!.state;
  expect(s.status).toBe(status);
  return s;
}

export function failedAt(stage: Stage): InterviewState {
  const before: Record<Stage, EventInput[]> = {
    upload: pathTo('uploading'),
    transcription: pathTo('transcribing'),
    analysis: pathTo('analyzing'),
  };
  const s = replay(undefined, [...before[stage], { type: 'stageFailed', stage, code: `${stage}_broken`, message: `${stage} broke` }]).at(-1)!.state;
  expect(s.status).toBe('failed');
  expect(s.error?.stage).toBe(stage);
  return s;
}

export const publishes = (effects: Effect[], topic?: Topic) =>
  effects.filter((e): e is Extract<Effect, { type: 'publish' }> => e.type === 'publish' && (topic === undefined || e.topic === topic));

export const deadlines = (effects: Effect[]) => effects.filter((e): e is Extract<Effect, { type: 'setDeadline' }> => e.type === 'setDeadline');

export const clears = (effects: Effect[]) => effects.filter((e) => e.type === 'clearDeadline');

/** Runs `fn` and asserts it threw the typed illegal-transition error (checked by kind and code, not text). */
export function expectIllegal(fn: () => unknown): IllegalTransitionError {
  let caught: unknown;
  try {
    fn();
  } catch (err) {
    caught = err;
  }
  expect(caught).toBeInstanceOf(IllegalTransitionError);
  const err = caught as IllegalTransitionError;
  expect(err.code).toBe('illegal_transition');
  expect(err.status).toBe(409);
  return err;
}

/** Overall progress for a fraction of a stage, from the documented spans (upload 0–0.3, transcription 0.3–0.85, analysis 0.85–1). */
export function overall(stage: Stage, fraction: number): number {
  const span: Record<Stage, [number, number]> = { upload: [0, 0.3], transcription: [0.3, 0.85], analysis: [0.85, 1] };
  const [a, b] = span[stage];
  return a + (b - a) * fraction;
}
