/** Contract types, shared with the server (type-only imports: nothing of the server is bundled). */
export type {
  Answer, ClientToServerEvents, InterviewError, JobCompetency, JobSection, MetricCard, PrepPoint, ProgressEvent, QuestionSet,
  Readiness, Report, ReportMetrics, SavedJob, ServerToClientEvents, SetQuestion, Stage, Status,
} from '../../../services/contract';
import type { InterviewError, Stage, Status } from '../../../services/contract';

export interface InterviewSummary {
  id: string;
  title: string;
  status: Status;
  createdAt: string;
  durationSec?: number;
  headline?: Record<string, number>;
  /** Merged in from the detail route or socket events. */
  stage?: Stage;
  progress?: number;
  error?: InterviewError;
}

export interface InterviewDetail extends InterviewSummary {
  role?: string;
  company?: string;
  /** The job posting the answers are judged against (issue 16); absent when none was given. */
  jobDescription?: string;
  stage: Stage;
  progress: number;
  updatedAt: string;
  candidateSpeaker?: string;
}

export interface TranscriptWord { text: string; start: number; end: number; speaker?: string }
export interface Transcript { text: string; words: TranscriptWord[] }

export type TrendSeries = Record<string, { id: string; title: string; createdAt: string; value: number }[]>;

export interface Webhook {
  id: string;
  url: string;
  description?: string;
  events: string[];
  enabled: boolean;
  disabledReason?: string;
  createdAt: string;
}

export const WEBHOOK_EVENTS = [
  'interview.created', 'interview.upload_completed', 'interview.progress', 'interview.transcribed',
  'interview.completed', 'interview.failed', 'interview.deleted',
] as const;
