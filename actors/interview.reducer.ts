/**
 * The interview lifecycle as a pure function: (state, event) → {state, effects, outcome}. No I/O,
 * no clock (times come in the events), so every transition is unit-testable. The actor performs
 * the effects. Illegal transitions throw IllegalTransitionError; duplicates and late events for a
 * stage already passed are harmless no-ops, because pub/sub delivers at least once.
 */
import { AppError } from '../services/shared/errors.js';
import type { PracticeMark } from '../services/transcripts/practice-script.js';
import type { Effect, InterviewEvent, InterviewState, LifecyclePolicy, Stage, Status, Transition } from './interview.types.js';

export class IllegalTransitionError extends AppError {
  constructor(from: Status | 'none', event: string) {
    super('illegal_transition', `cannot apply "${event}" to an interview that is ${from}`, 409);
  }
}

const SEEN_MAX = 64;
const STAGE_SPAN: Record<Stage, [number, number]> = { upload: [0, 0.3], transcription: [0.3, 0.85], analysis: [0.85, 1] };
const ORDER: Status[] = ['created', 'uploading', 'live', 'uploaded', 'transcribing', 'transcribed', 'analyzing', 'completed'];
const TERMINAL = new Set<Status>(['completed', 'failed', 'deleted']);
const PROGRESS_EVENTS = new Set<InterviewEvent['type']>(['uploadProgress', 'stageProgress', 'liveProgress']);
/** When a policy predates live sessions: the resume grace (60 s) plus a margin. */
const LIVE_IDLE_MS = 3 * 60_000;

const overall = (stage: Stage, fraction: number) => {
  const [a, b] = STAGE_SPAN[stage];
  if (!Number.isFinite(fraction)) fraction = 0;
  return Math.round((a + (b - a) * Math.min(1, Math.max(0, fraction))) * 1000) / 1000;
};

/** Has the interview reached `status` (in the happy-path order)? */
const reached = (s: InterviewState, status: Status) => ORDER.indexOf(s.status) >= ORDER.indexOf(status);

export function reduce(state: InterviewState | undefined, event: InterviewEvent, policy: LifecyclePolicy): Transition {
  if (!event || typeof event !== 'object' || typeof event.eventId !== 'string') throw new AppError('invalid_event', 'an event needs an eventId', 400);
  if (!state) {
    if (event.type !== 'create') throw new IllegalTransitionError('none', event.type);
    return create(event);
  }
  if (state.seen.includes(event.eventId)) return { state, effects: [], outcome: 'duplicate' };
  if (state.status === 'deleted') throw new IllegalTransitionError('deleted', event.type);
  const t = step(state, event, policy);
  if (t.outcome !== 'applied') return t;
  // Progress events are harmless to repeat (progress only grows), so they do not crowd the window.
  const seen = PROGRESS_EVENTS.has(event.type) ? state.seen : [...state.seen, event.eventId].slice(-SEEN_MAX);
  const next: InterviewState = { ...t.state, seen, updatedAt: event.at, rev: (state.rev ?? 0) + 1 };
  const effects = [...t.effects];
  if (progressChanged(state, next)) effects.push(publish('interview.progress', next, { progress: next.progress }));
  return { state: next, effects, outcome: 'applied' };
}

function create(e: Extract<InterviewEvent, { type: 'create' }>): Transition {
  const { id, ownerUid, title, role, company, prepNotes, jobDescription, source, at } = e;
  const state: InterviewState = {
    id, ownerUid, title,
    ...(role !== undefined && { role }),
    ...(company !== undefined && { company }),
    ...(prepNotes !== undefined && { prepNotes }),
    ...(jobDescription !== undefined && { jobDescription }),
    ...(source !== undefined && { source }),
    status: 'created', stage: 'upload', progress: 0, createdAt: at, updatedAt: at,
    attempts: { upload: 0, transcription: 0, analysis: 0 }, timings: {}, seen: [e.eventId], rev: 1,
  };
  return { state, effects: [publish('interview.progress', state, { progress: 0 })], outcome: 'applied' };
}

function step(s: InterviewState, e: InterviewEvent, policy: LifecyclePolicy): Transition {
  const ok = (state: InterviewState, ...effects: Effect[]): Transition => ({ state, effects, outcome: 'applied' });
  const stale = (): Transition => ({ state: s, effects: [], outcome: 'stale' });
  const illegal = () => {
    throw new IllegalTransitionError(s.status, e.type);
  };
  const deadline = (stage: Stage, attempt = 0): Effect => ({ type: 'setDeadline', stage, inMs: policy.budgetMs[stage] * 2 ** attempt });
  const liveDeadline: Effect = { type: 'setDeadline', stage: 'upload', inMs: policy.liveIdleMs ?? LIVE_IDLE_MS };

  switch (e.type) {
    case 'create':
      return illegal();
    case 'uploadStarted':
      if (s.status === 'created' || s.status === 'failed') {
        const { error: _drop, ...rest } = s;
        return ok({ ...rest, status: 'uploading', stage: 'upload', progress: 0, timings: { upload: { startedAt: e.at } } }, deadline('upload'));
      }
      return s.status === 'uploading' ? ok(s, deadline('upload')) : stale();
    case 'uploadProgress':
      if (s.status !== 'uploading') return stale();
      return ok({ ...s, progress: Math.max(s.progress, overall('upload', e.fraction)) }, deadline('upload'));
    case 'uploadAbandoned': {
      if (s.status !== 'uploading') return stale();
      const { upload: _gone, ...timings } = s.timings;
      return ok({ ...s, status: 'created', stage: 'upload', progress: 0, timings }, { type: 'clearDeadline' });
    }
    case 'uploadCompleted': {
      if (s.status !== 'created' && s.status !== 'uploading' && s.status !== 'failed') return reached(s, 'uploaded') ? stale() : illegal();
      const { error: _drop, ...rest } = s;
      const media = { key: e.key, size: e.size, ...(e.filename !== undefined && { filename: e.filename }), ...(e.engine !== undefined && { engine: e.engine }), ...(e.speakers !== undefined && { speakers: e.speakers }) };
      const next: InterviewState = {
        ...rest, media, status: 'uploaded', stage: 'transcription', progress: overall('transcription', 0),
        attempts: { ...s.attempts, transcription: 0, analysis: 0 },
        timings: { ...s.timings, upload: { startedAt: s.timings.upload?.startedAt ?? e.at, endedAt: e.at } },
      };
      return ok(next, publish('interview.uploaded', next, { key: e.key, size: e.size }), deadline('transcription'));
    }
    case 'liveStarted':
      if (s.status === 'live') return ok(s, liveDeadline);
      if (s.status !== 'created' || s.source !== 'live') return reached(s, 'uploaded') ? stale() : illegal();
      return ok({
        ...s, status: 'live', stage: 'upload', live: { key: e.key, bytes: 0 }, timings: { upload: { startedAt: e.at } },
        ...(e.questions && { practice: { questions: e.questions, marks: [{ index: 0, atSec: 0 }] } }),
      }, liveDeadline);
    case 'liveProgress':
      if (s.status !== 'live' || !s.live) return stale();
      return ok({ ...withMarks(s, e.marks), live: { ...s.live, bytes: Math.max(s.live.bytes, e.bytes) } }, liveDeadline);
    case 'liveEnded':
      if (s.status === 'live' || (s.status === 'failed' && s.source === 'live' && !s.media)) return recorded(withMarks(s, e.marks), e.key, e.size, e.at, ok, deadline);
      // A late end of the recording the interview already holds (its deadline finished it first).
      return reached(s, 'uploaded') || s.media?.key === e.key ? stale() : illegal();
    case 'transcriptImported': {
      // A live session owns the interview until its recording ends.
      if ((TERMINAL.has(s.status) && s.status !== 'failed') || s.status === 'live') return illegal();
      if (reached(s, 'transcribed') && s.transcript?.source === 'import') return stale();
      const { error: _drop, ...rest } = s;
      const next: InterviewState = {
        ...rest, status: 'transcribed', stage: 'analysis', progress: overall('analysis', 0), durationSec: e.durationSec,
        transcript: { key: e.key, source: 'import' }, attempts: { ...s.attempts, analysis: 0 },
      };
      return ok(next, publish('interview.transcribed', next, { key: e.key }), deadline('analysis'));
    }
    case 'stageStarted': {
      const [from, during] = e.stage === 'transcription' ? (['uploaded', 'transcribing'] as const) : (['transcribed', 'analyzing'] as const);
      if (s.status !== from && s.status !== during) return reached(s, during) || s.status === 'failed' ? stale() : illegal();
      // Entering the stage resets its count to 0, and a deadline counts the retry it triggers, so a
      // start only makes sure the first attempt is counted (redeliveries never count twice).
      const attempt = Math.max(1, s.attempts[e.stage]);
      const next: InterviewState = {
        ...s, status: during, stage: e.stage, attempts: { ...s.attempts, [e.stage]: attempt },
        progress: overall(e.stage, 0),
        timings: { ...s.timings, [e.stage]: { startedAt: s.timings[e.stage]?.startedAt ?? e.at } },
      };
      return ok(next, deadline(e.stage, attempt - 1));
    }
    case 'stageProgress': {
      const during = e.stage === 'transcription' ? 'transcribing' : 'analyzing';
      if (s.status !== during) return stale();
      return ok({ ...s, progress: Math.max(s.progress, overall(e.stage, e.fraction)) }, deadline(e.stage, s.attempts[e.stage] - 1));
    }
    case 'transcribed': {
      if (s.status !== 'uploaded' && s.status !== 'transcribing') return reached(s, 'transcribed') || s.status === 'failed' ? stale() : illegal();
      const next: InterviewState = {
        ...s, status: 'transcribed', stage: 'analysis', progress: overall('analysis', 0), durationSec: e.durationSec,
        transcript: { key: e.key, source: 'media' }, attempts: { ...s.attempts, analysis: 0 },
        timings: { ...s.timings, transcription: { startedAt: s.timings.transcription?.startedAt ?? e.at, endedAt: e.at } },
      };
      return ok(next, publish('interview.transcribed', next, { key: e.key }), deadline('analysis'));
    }
    case 'analyzed': {
      if (s.status !== 'transcribed' && s.status !== 'analyzing') return s.status === 'completed' || s.status === 'failed' ? stale() : illegal();
      // A report of a transcript that was replaced meanwhile (an import) must not complete the interview.
      if (e.transcriptKey !== s.transcript?.key) return stale();
      const next: InterviewState = {
        ...s, status: 'completed', stage: 'analysis', progress: 1, report: { key: e.key },
        ...(e.headline && { headline: e.headline }),
        timings: { ...s.timings, analysis: { startedAt: s.timings.analysis?.startedAt ?? e.at, endedAt: e.at } },
      };
      return ok(next, publish('interview.completed', next, { reportKey: e.key, durationSec: next.durationSec }), { type: 'clearDeadline' });
    }
    case 'stageFailed':
      if (TERMINAL.has(s.status) || s.stage !== e.stage) return stale();
      return fail(s, { code: e.code, stage: e.stage, message: e.message });
    case 'deadline':
      if (s.status === 'live' && e.stage === 'upload') {
        // The live session went quiet (its media node lost): keep what it recorded, as an upload.
        if (s.live && s.live.bytes > 0) return recorded(s, s.live.key, s.live.bytes, e.at, ok, deadline);
        return fail(s, { code: 'upload_timeout', stage: 'upload', message: 'the live session ended before any audio arrived; start it again or upload a recording' });
      }
      return onDeadline(s, e.stage, policy, ok, stale);
    case 'retry':
      return retry(s, ok, illegal, deadline);
    case 'update': {
      const { type: _t, eventId: _id, at: _at, candidateSpeaker, ...fields } = e;
      const analysis = candidateSpeaker === undefined ? s.analysis : { ...s.analysis, candidateSpeaker };
      return ok({ ...s, ...definedOnly(fields), ...(analysis && { analysis }) });
    }
    case 'reanalyze': {
      // Only a finished transcript can be analysed again; nothing is transcribed twice.
      if (!s.transcript || (s.status !== 'completed' && s.status !== 'failed')) return illegal();
      const { error: _drop, ...rest } = s;
      const { prepNotes, jobDescription, candidateSpeaker, aiPreference } = e;
      const next: InterviewState = {
        ...rest, status: 'transcribed', stage: 'analysis', progress: overall('analysis', 0),
        attempts: { ...s.attempts, analysis: 0 },
        ...(prepNotes !== undefined && { prepNotes }),
        ...(jobDescription !== undefined && { jobDescription }),
        analysis: { ...s.analysis, ...definedOnly({ candidateSpeaker, aiPreference }) },
      };
      return ok(next, publish('interview.transcribed', next, { key: s.transcript.key, reanalysis: true }), deadline('analysis'));
    }
    case 'delete': {
      const next: InterviewState = { ...s, status: 'deleted' };
      return ok(next, { type: 'clearDeadline' }, publish('interview.deleted', next, {}));
    }
    default:
      throw new AppError('invalid_event', `unknown interview event "${(e as { type?: unknown }).type}"`, 400);
  }
}

/** The session sends all its marks each time; a redelivered older list never shortens them. */
function withMarks(s: InterviewState, marks: PracticeMark[] | undefined): InterviewState {
  if (!marks || !s.practice || marks.length < s.practice.marks.length) return s;
  return { ...s, practice: { ...s.practice, marks } };
}

/** The recording is complete (an upload or a live session's): on to transcription. */
function recorded(s: InterviewState, key: string, size: number, at: number, ok: Ok, deadline: (stage: Stage) => Effect): Transition {
  const { error: _drop, live: _done, ...rest } = s;
  const next: InterviewState = {
    ...rest, media: { key, size }, status: 'uploaded', stage: 'transcription', progress: overall('transcription', 0),
    attempts: { ...s.attempts, transcription: 0, analysis: 0 },
    timings: { ...s.timings, upload: { startedAt: s.timings.upload?.startedAt ?? at, endedAt: at } },
  };
  return ok(next, publish('interview.uploaded', next, { key, size }), deadline('transcription'));
}

function fail(s: InterviewState, error: InterviewState['error'] & object): Transition {
  const next: InterviewState = { ...s, status: 'failed', error };
  return { state: next, effects: [{ type: 'clearDeadline' }, publish('interview.failed', next, { error })], outcome: 'applied' };
}

type Ok = (state: InterviewState, ...effects: Effect[]) => Transition;

/** A stage went quiet: re-trigger it (bounded, with a doubled budget) or give up with stage_timeout. */
function onDeadline(s: InterviewState, stage: Stage, policy: LifecyclePolicy, ok: Ok, stale: () => Transition): Transition {
  if (TERMINAL.has(s.status) || s.stage !== stage) return stale();
  // An unacknowledged trigger is still an attempt, so retries stop even when no worker ever starts.
  const attempts = Math.max(s.attempts[stage], 1);
  if (stage === 'upload' || attempts >= policy.maxAttempts) {
    const message = stage === 'upload'
      ? 'the upload was not finished in time; upload the file again'
      : `the ${stage} stage did not finish after ${attempts} attempts`;
    return fail(s, { code: stage === 'upload' ? 'upload_timeout' : 'stage_timeout', stage, message });
  }
  // Re-publishing the stage's trigger makes a worker pick it up again; its stageStarted counts the attempt.
  const topic = stage === 'transcription' ? 'interview.uploaded' : 'interview.transcribed';
  const data = stage === 'transcription' ? { key: s.media?.key, size: s.media?.size, retry: attempts } : { key: s.transcript?.key, retry: attempts };
  const next: InterviewState = { ...s, attempts: { ...s.attempts, [stage]: attempts + 1 } };
  return ok(next, publish(topic, next, data), { type: 'setDeadline', stage, inMs: policy.budgetMs[stage] * 2 ** attempts });
}

/** A user asks to retry a failed interview: resume from the stage that failed, if its input exists. */
function retry(s: InterviewState, ok: Ok, illegal: () => never, deadline: (stage: Stage) => Effect): Transition {
  if (s.status !== 'failed') return illegal();
  const { error: _drop, ...rest } = s;
  if (s.error?.stage === 'analysis' && s.transcript) {
    const next: InterviewState = { ...rest, status: 'transcribed', stage: 'analysis', progress: overall('analysis', 0), attempts: { ...s.attempts, analysis: 0 } };
    return ok(next, publish('interview.transcribed', next, { key: s.transcript.key }), deadline('analysis'));
  }
  if (s.error?.stage === 'transcription' && s.media) {
    const next: InterviewState = { ...rest, status: 'uploaded', stage: 'transcription', progress: overall('transcription', 0), attempts: { ...s.attempts, transcription: 0 } };
    return ok(next, publish('interview.uploaded', next, { key: s.media.key, size: s.media.size }), deadline('transcription'));
  }
  return illegal();
}

function definedOnly<T extends Record<string, unknown>>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function progressChanged(a: InterviewState, b: InterviewState): boolean {
  return a.status !== b.status || a.stage !== b.stage || a.progress !== b.progress;
}

/** Every published event carries who and where: notify routes by ownerUid, workers by id. */
function publish(topic: Effect extends infer E ? (E extends { type: 'publish'; topic: infer T } ? T : never) : never, s: InterviewState, data: Record<string, unknown>): Effect {
  return { type: 'publish', topic, data: { id: s.id, ownerUid: s.ownerUid, status: s.status, stage: s.stage, progress: s.progress, ...data } };
}
