/** An interview's status, stage and error as the API, the socket and the interview actor name them. */
import { z } from 'zod';

/** `live`: a live practice session is recording (the upload stage of a `source: 'live'` interview). */
export const STATUSES = ['created', 'uploading', 'live', 'uploaded', 'transcribing', 'transcribed', 'analyzing', 'completed', 'failed', 'deleted'] as const;
export type Status = (typeof STATUSES)[number];
export const STAGES = ['upload', 'transcription', 'analysis'] as const;
export type Stage = (typeof STAGES)[number];

export interface InterviewError {
  code: string;
  stage: Stage;
  message: string;
}

export const StatusSchema = z.enum(STATUSES);
export const StageSchema = z.enum(STAGES);
