/**
 * The shape every pipeline worker shares: claim the stage on the actor, do the work with progress,
 * report the result. Permanent errors fail the interview with their code; anything else is retried
 * by pub/sub (RETRY) and, if it keeps failing, by the actor's stage deadline.
 */
import type { InterviewCommand } from '../../actors/interview.actor.js';
import type { InterviewState } from '../../actors/interview.types.js';
import type { CloudEvent, EventHandler } from '../../dapr/ports/pubsub.js';
import type { InterviewService } from '../interviews/interview.service.js';
import { PermanentError } from '../shared/errors.js';
import type { Logger } from '../shared/logger.js';
import type { Metrics } from '../shared/metrics.js';

export interface StageEventData {
  id: string;
  ownerUid: string;
  key?: string;
}

export interface StageWork {
  stage: 'transcription' | 'analysis';
  /** Does the work; returns the command that completes the stage. */
  run(state: InterviewState, progress: (fraction: number) => void): Promise<InterviewCommand>;
  /** Removes what `run` wrote, when the interview vanished meanwhile. */
  discard(id: string): Promise<void>;
}

const PROGRESS_EVERY_MS = 1000;

export function stageWorker(work: StageWork, d: { service: InterviewService; log: Logger; metrics: Metrics }): EventHandler<StageEventData> {
  const during = work.stage === 'transcription' ? 'transcribing' : 'analyzing';
  return async (event: CloudEvent<StageEventData>) => {
    const { id } = event.data;
    const log = d.log.child({ interviewId: id, stage: work.stage, eventId: event.id });
    const claim = await d.service.dispatch(id, { type: 'stageStarted', stage: work.stage, eventId: `${work.stage}-start:${event.id}` });
    // Stale: the interview moved past this stage (a redelivery or a deadline retry raced us).
    if (claim.outcome === 'rejected' || claim.outcome === 'stale' || claim.state.status !== during) {
      log.info({ outcome: claim.outcome }, 'stage event ignored');
      return 'SUCCESS';
    }
    const started = Date.now();
    let lastProgress = 0;
    const progress = (fraction: number) => {
      if (Date.now() - lastProgress < PROGRESS_EVERY_MS) return;
      lastProgress = Date.now();
      d.service
        .dispatch(id, { type: 'stageProgress', stage: work.stage, fraction, eventId: `${work.stage}-progress:${event.id}:${lastProgress}` })
        .catch((err: unknown) => log.warn({ err }, 'progress not recorded'));
    };
    try {
      const done = await work.run(claim.state, progress);
      const res = await d.service.dispatch(id, { ...done, eventId: `${work.stage}-done:${event.id}` } as InterviewCommand);
      if (res.outcome === 'rejected' || !res.state || res.state.status === 'deleted') await work.discard(id);
      d.metrics.stageDuration.observe({ stage: work.stage, outcome: 'ok' }, (Date.now() - started) / 1000);
      log.info({ outcome: res.outcome, ms: Date.now() - started }, 'stage finished');
      return 'SUCCESS';
    } catch (err) {
      d.metrics.stageDuration.observe({ stage: work.stage, outcome: 'error' }, (Date.now() - started) / 1000);
      if (err instanceof PermanentError) {
        d.metrics.stageFailures.inc({ stage: work.stage, code: err.code });
        log.warn({ code: err.code, reason: err.message }, 'stage failed permanently');
        await d.service.dispatch(id, { type: 'stageFailed', stage: work.stage, code: err.code, message: err.message, eventId: `${work.stage}-fail:${event.id}` });
        return 'SUCCESS';
      }
      d.metrics.stageRetries.inc({ stage: work.stage });
      log.error({ err }, 'stage attempt failed; will retry');
      return 'RETRY';
    }
  };
}
