/**
 * Interviews store: the caller's list, kept live by socket.io progress events merged by id.
 * Mutations are optimistic where it helps (delete) and roll back and rethrow on failure.
 */
import { createSignal } from 'solid-js';
import { createStore, produce, reconcile } from 'solid-js/store';
import { api } from '../lib/api';
import type { InterviewDetail, InterviewSummary, ProgressEvent, Report, Transcript } from '../lib/types';
import { whenSignedOut } from './auth';
import { onProgress } from './live';

const [state, setState] = createStore<{ items: InterviewSummary[]; byId: Record<string, InterviewDetail> }>({ items: [], byId: {} });
const [loaded, setLoaded] = createSignal(false);
let unsubscribe: (() => void) | undefined;

export const interviews = {
  get items() { return state.items; },
  detail: (id: string): InterviewDetail | undefined => state.byId[id],
  loaded,
};

function merge(e: ProgressEvent) {
  const known = state.items.some((i) => i.id === e.id) || state.byId[e.id];
  if (!known) return void refreshList();
  setState('items', (i) => i.id === e.id, produce((i) => {
    i.status = e.status; i.stage = e.stage; i.progress = e.progress;
    if (e.error) i.error = e.error; else delete i.error;
  }));
  if (state.byId[e.id]) {
    setState('byId', e.id, produce((d) => {
      d.status = e.status; d.stage = e.stage; d.progress = e.progress;
      if (e.error) d.error = e.error; else delete d.error;
    }));
  }
  // Headline scores and duration arrive with the finished state.
  if (e.status === 'completed' || e.status === 'transcribed') void refreshList();
  if (e.status === 'completed' && state.byId[e.id]) void loadInterview(e.id);
}

function live() {
  unsubscribe ??= onProgress(merge);
}

export async function refreshList(): Promise<void> {
  live();
  const { items } = await api<{ items: InterviewSummary[] }>('GET', '/interviews');
  setState('items', reconcile(items, { key: 'id', merge: true }));
  setLoaded(true);
}

export async function loadInterview(id: string): Promise<InterviewDetail> {
  live();
  const d = await api<InterviewDetail>('GET', `/interviews/${id}`);
  setState('byId', id, reconcile(d));
  return d;
}

export async function createInterview(body: { title: string; role?: string; company?: string; prepNotes?: string; jobDescription?: string }) {
  const created = await api<{ id: string; upload: { endpoint: string; metadata: Record<string, string> } }>('POST', '/interviews', body);
  void refreshList();
  return created;
}

/** PATCH; a new job description on a finished interview re-runs its analysis at once (the API answers the new state). */
export async function updateInterview(id: string, patch: { jobDescription?: string }): Promise<InterviewDetail> {
  const d = await api<InterviewDetail>('PATCH', `/interviews/${id}`, patch);
  setState('byId', id, reconcile(d));
  setState('items', (i) => i.id === id, produce((i) => { i.status = d.status; }));
  return d;
}

export async function uploadTranscript(id: string, file: File): Promise<void> {
  const text = await file.text();
  await api('PUT', `/interviews/${id}/transcript?filename=${encodeURIComponent(file.name)}`, text, 'text/plain');
}

export async function retryInterview(id: string): Promise<void> {
  await api('POST', `/interviews/${id}/retry`);
  await loadInterview(id);
}

export async function deleteInterview(id: string): Promise<void> {
  const before = state.items;
  setState('items', (items) => items.filter((i) => i.id !== id));
  try {
    await api('DELETE', `/interviews/${id}`);
    setState('byId', produce((b) => void delete b[id]));
  } catch (err) {
    setState('items', before);
    throw err;
  }
}

export const fetchReport = (id: string) => api<Report>('GET', `/interviews/${id}/report`);
export const fetchTranscript = (id: string) => api<Transcript>('GET', `/interviews/${id}/transcript`);

whenSignedOut(() => {
  unsubscribe?.();
  unsubscribe = undefined;
  setState({ items: [], byId: {} });
  setLoaded(false);
});
