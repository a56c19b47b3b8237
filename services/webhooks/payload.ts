/**
 * Lifecycle events → webhook events, as pure functions. A payload carries ids, status and summary
 * numbers only: never media, blob keys or transcript text (privacy by design).
 */
import type { WebhookEventType } from './webhook.types.js';

/** What InterviewActor publishes on every topic (data of the CloudEvent). */
export interface LifecycleData {
  id: string;
  ownerUid: string;
  status: string;
  stage: string;
  progress: number;
  error?: { code: string; stage: string; message: string };
  durationSec?: number;
}

/** Read from the interview when a payload needs more than the event carries (completed). */
export interface InterviewSummary {
  title: string;
  durationSec?: number;
  headline?: Record<string, number>;
}

export interface WebhookEvent {
  type: WebhookEventType;
  /**
   * The logical identity of the event: delivery ids derive from it, so a redelivered lifecycle
   * message (or a milestone reached twice) never produces a second delivery.
   */
  key: string;
  data: Record<string, unknown>;
}

/** Progress statuses that are milestones of their own (sent once per interview). */
const MILESTONES: Record<string, WebhookEventType> = {
  created: 'interview.created',
  uploaded: 'interview.upload_completed',
  transcribed: 'interview.transcribed',
};
/** Statuses whose progress is worth reporting (the work is under way). */
const IN_PROGRESS = new Set(['uploading', 'live', 'transcribing', 'analyzing']);

const base = (d: LifecycleData) => ({ interviewId: d.id, status: d.status, stage: d.stage, progress: d.progress });

/** Maps one lifecycle message; null when it is not a webhook event (e.g. progress of a finished interview). */
export function webhookEventFor(topic: string, eventId: string, d: LifecycleData): WebhookEvent | null {
  switch (topic) {
    case 'interview.progress': {
      const milestone = MILESTONES[d.status];
      if (milestone) return { type: milestone, key: `${d.id}:${milestone}`, data: base(d) };
      if (IN_PROGRESS.has(d.status)) return { type: 'interview.progress', key: eventId, data: base(d) };
      return null; // completed / failed / deleted have their own topics
    }
    case 'interview.failed':
      return {
        type: 'interview.failed',
        key: eventId,
        data: { ...base(d), ...(d.error && { error: { code: d.error.code, stage: d.error.stage, message: d.error.message } }) },
      };
    case 'interview.deleted':
      return { type: 'interview.deleted', key: `${d.id}:interview.deleted`, data: { interviewId: d.id, status: 'deleted' } };
    default:
      return null;
  }
}

/** `interview.completed`: a summary (title, duration, headline metrics) and where to read the report. */
export function completedEvent(eventId: string, d: LifecycleData, summary: InterviewSummary | null, reportUrl: string): WebhookEvent {
  const durationSec = summary?.durationSec ?? d.durationSec;
  return {
    type: 'interview.completed',
    key: eventId,
    data: {
      ...base(d),
      reportUrl,
      summary: {
        ...(summary && { title: summary.title }),
        ...(durationSec !== undefined && { durationSec }),
        ...(summary?.headline && { metrics: summary.headline }),
      },
    },
  };
}

/** The body every receiver gets: the Standard Webhooks recommended `{type, timestamp, data}`. */
export const webhookBody = (type: string, at: number, data: Record<string, unknown>): string =>
  JSON.stringify({ type, timestamp: new Date(at).toISOString(), data });

/**
 * The body of a delivery about `interviewId` with its content dropped (what remains after erase:
 * type, time and the id), or null when the body is about something else (or already redacted).
 */
export function redactedBody(body: string, interviewId: string): string | null {
  let parsed: { type?: unknown; timestamp?: unknown; data?: { interviewId?: unknown; erased?: unknown } };
  try {
    parsed = JSON.parse(body) as typeof parsed;
  } catch {
    return null;
  }
  if (parsed.data?.interviewId !== interviewId || parsed.data.erased === true) return null;
  return JSON.stringify({ type: parsed.type, timestamp: parsed.timestamp, data: { interviewId, erased: true } });
}
