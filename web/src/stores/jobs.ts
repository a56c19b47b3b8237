/** Saved jobs and question sets (issue 16): GET/POST/DELETE /api/v1/jobs, POST /api/v1/question-sets. */
import { api } from '../lib/api';
import type { QuestionSet, SavedJob } from '../lib/types';

export const listJobs = async () => (await api<{ items: SavedJob[] }>('GET', '/jobs')).items;
export const saveJob = (body: { title: string; company?: string; jobDescription: string }) => api<SavedJob>('POST', '/jobs', body);
export const deleteJob = (id: string) => api('DELETE', `/jobs/${id}`);
export const requestQuestionSet = (body: { interviewId?: string; jobDescription?: string; count?: number }) =>
  api<QuestionSet>('POST', '/question-sets', body);
