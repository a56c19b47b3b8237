/**
 * Uploads store: tus-js-client uploads by interview id, with progress, speed, ETA, pause/resume.
 * Fingerprints are kept in localStorage (tus urlStorage), so after a reload picking the same file
 * resumes from the server's offset. A dropped connection is retried by tus itself; when the browser
 * is offline tus gives up at once, so the upload waits in phase `offline` and resumes (HEAD for the
 * server's offset, then PATCH from there) as soon as the browser is back online.
 */
import { createStore, produce } from 'solid-js/store';
import type { Upload } from 'tus-js-client';
import { currentToken } from '../lib/api';
import { whenSignedOut } from './auth';

export interface UploadState {
  interviewId: string;
  fileName: string;
  total: number;
  sent: number;
  /** Bytes per second, smoothed. */
  speed: number;
  etaSec?: number;
  phase: 'uploading' | 'paused' | 'offline' | 'done' | 'error';
  resumed: boolean;
  error?: string;
}

const PENDING_KEY = 'ib.pendingUploads';
const [uploads, setUploads] = createStore<Record<string, UploadState>>({});
const handles = new Map<string, Upload>();
export { uploads };

type Pending = Record<string, { fileName: string; size: number }>;
export const pendingUploads = (): Pending => JSON.parse(localStorage.getItem(PENDING_KEY) ?? '{}') as Pending;
const setPending = (id: string, v?: { fileName: string; size: number }) => {
  const p = pendingUploads();
  if (v) p[id] = v; else delete p[id];
  localStorage.setItem(PENDING_KEY, JSON.stringify(p));
};

/** `speakers`: how many people speak (1 | 2 | 3+ | auto), sent as tus metadata for the diarizer. */
export async function startUpload(interviewId: string, file: File, opts: { speakers?: string } = {}): Promise<void> {
  const tus = await import('tus-js-client');
  setUploads(interviewId, { interviewId, fileName: file.name, total: file.size, sent: 0, speed: 0, phase: 'uploading', resumed: false });
  setPending(interviewId, { fileName: file.name, size: file.size });
  let last = { t: performance.now(), sent: 0 };
  const upload = new tus.Upload(file, {
    endpoint: '/files/',
    chunkSize: 8 * 1024 * 1024,
    retryDelays: [0, 1000, 3000, 5000, 10000, 20000],
    metadata: { interviewId, filename: file.name, filetype: file.type, ...(opts.speakers && { speakers: opts.speakers }) },
    fingerprint: async (f: File) => `ib-${interviewId}-${f.name}-${f.size}-${f.lastModified}`,
    storeFingerprintForResuming: true,
    removeFingerprintOnSuccess: true,
    onBeforeRequest: async (req) => {
      const token = await currentToken();
      if (token) req.setHeader('authorization', `Bearer ${token}`);
    },
    onProgress: (sent, total) => {
      const now = performance.now();
      const dt = (now - last.t) / 1000;
      if (dt >= 0.25 || sent === total) {
        const instant = dt > 0 ? Math.max(0, sent - last.sent) / dt : 0;
        last = { t: now, sent };
        setUploads(interviewId, produce((u) => {
          u.speed = u.speed ? u.speed * 0.6 + instant * 0.4 : instant;
          u.etaSec = u.speed > 0 ? (total - sent) / u.speed : undefined;
        }));
      }
      setUploads(interviewId, { sent, total });
    },
    onSuccess: () => {
      setUploads(interviewId, { phase: 'done', sent: file.size, etaSec: 0 });
      setPending(interviewId);
      handles.delete(interviewId);
    },
    onError: (err) => {
      if (!navigator.onLine) return void setUploads(interviewId, { phase: 'offline', speed: 0, etaSec: undefined, error: undefined });
      setUploads(interviewId, { phase: 'error', speed: 0, etaSec: undefined, error: uploadErrorMessage(err) });
    },
  });
  handles.set(interviewId, upload);
  const previous = await upload.findPreviousUploads();
  if (previous[0]) {
    upload.resumeFromPreviousUpload(previous[0]);
    setUploads(interviewId, { resumed: true });
  }
  upload.start();
}

/** The server's own message (JSON `error.message`) when it answered; otherwise a connection problem. */
function uploadErrorMessage(err: Error): string {
  const res = (err as { originalResponse?: { getStatus(): number; getBody(): string } | null }).originalResponse;
  if (!res || !res.getStatus()) return 'The connection to the server was lost. Resume continues from where the upload stopped.';
  try {
    return (JSON.parse(res.getBody()) as { error: { message: string } }).error.message;
  } catch {
    return `The server refused the upload (HTTP ${res.getStatus()}).`;
  }
}

export async function pauseUpload(id: string) {
  await handles.get(id)?.abort();
  setUploads(id, { phase: 'paused', speed: 0, etaSec: undefined });
}

export function resumeUpload(id: string) {
  const h = handles.get(id);
  if (!h) return;
  // tus asks the server for its offset (HEAD) and sends only the rest.
  setUploads(id, { phase: 'uploading', error: undefined, resumed: true });
  h.start();
}

// Back online: continue every upload that stopped because the browser went offline.
window.addEventListener('online', () => {
  for (const u of Object.values(uploads)) if (u.phase === 'offline') resumeUpload(u.interviewId);
});

whenSignedOut(() => {
  for (const h of handles.values()) void h.abort();
  handles.clear();
  setUploads(produce((u) => { for (const k of Object.keys(u)) delete u[k]; }));
  for (const k of Object.keys(localStorage)) if (k.startsWith('tus::') || k === PENDING_KEY) localStorage.removeItem(k);
});
