/**
 * Runs the real app in-process for API tests (real auth emulator, real embedded runtime on a temp
 * data dir) and gives typed helpers: an authenticated fetch, a tus upload, socket progress.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as tus from 'tus-js-client';
import { io as connect, type Socket } from 'socket.io-client';
import { type App, createApp } from '../../services/app.js';
import { type Config, loadConfig } from '../../services/config.js';
import type { ProgressEvent } from '../../services/api/events.js';
import { createLogger } from '../../services/shared/logger.js';

export interface RunningApp {
  app: App;
  base: string;
  config: Config;
  dataDir: string;
  stop(): Promise<void>;
}

export async function startTestApp(env: Record<string, string> = {}, dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ib-app-'))): Promise<RunningApp> {
  const config = loadConfig({ ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...env });
  const app = createApp({ config, logger: createLogger(process.env.TEST_LOG_LEVEL ?? 'silent') });
  const port = await app.listen();
  return { app, base: `http://127.0.0.1:${port}`, config, dataDir, stop: () => app.stop() };
}

export interface ApiResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/** fetch against the API with a bearer token; parses JSON bodies. */
export function apiClient(base: string, token?: string) {
  return async <T = any>(method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse<T>> => {
    const h: Record<string, string> = { ...headers };
    if (token) h.authorization = `Bearer ${token}`;
    let payload: string | undefined;
    if (body !== undefined) {
      payload = typeof body === 'string' ? body : JSON.stringify(body);
      h['content-type'] ??= typeof body === 'string' ? 'text/plain' : 'application/json';
    }
    const res = await fetch(base + url, { method, headers: h, ...(payload !== undefined && { body: payload }) });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      /* not JSON: keep the text */
    }
    return { status: res.status, body: parsed as T, headers: res.headers };
  };
}

export interface TusOptions {
  token: string;
  interviewId: string;
  filename?: string;
  chunkSize?: number;
  /** Abort after this many bytes were acknowledged (to test resume). */
  stopAfterBytes?: number;
  uploadUrl?: string;
}

/** Uploads a file with tus-js-client; resolves with the upload URL (or rejects with the server's answer). */
export function tusUpload(base: string, file: string, o: TusOptions): Promise<{ url: string; stopped: boolean }> {
  const data = fs.readFileSync(file);
  return new Promise((resolve, reject) => {
    const upload: tus.Upload = new tus.Upload(data, {
      endpoint: `${base}/files/`,
      ...(o.uploadUrl && { uploadUrl: o.uploadUrl }),
      headers: { authorization: `Bearer ${o.token}` },
      metadata: { interviewId: o.interviewId, filename: o.filename ?? path.basename(file) },
      chunkSize: o.chunkSize ?? 256 * 1024,
      retryDelays: [],
      onProgress: (sent) => {
        if (o.stopAfterBytes !== undefined && sent >= o.stopAfterBytes) {
          void upload.abort().then(() => resolve({ url: upload.url!, stopped: true }));
        }
      },
      onSuccess: () => resolve({ url: upload.url!, stopped: false }),
      onError: (err) => reject(err),
    });
    upload.start();
  });
}

/** A socket.io client for a user; collects every progress event it receives. */
export async function progressSocket(base: string, token: string): Promise<{ socket: Socket; events: ProgressEvent[]; close(): void }> {
  const socket = connect(base, { auth: { token }, transports: ['websocket'], reconnection: false });
  const events: ProgressEvent[] = [];
  socket.on('interview.progress', (e: ProgressEvent) => events.push(e));
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', (err) => reject(err));
  });
  return { socket, events, close: () => socket.close() };
}

/** Polls GET /interviews/:id until `done` says so (or the time runs out). */
export async function waitForStatus(api: ReturnType<typeof apiClient>, id: string, done: (status: string) => boolean, timeoutMs = 60_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const r = await api('GET', `/api/v1/interviews/${id}`);
    if (done(r.body?.status)) return r.body;
    if (Date.now() > until) throw new Error(`interview ${id} stuck in ${JSON.stringify(r.body)}`);
    await new Promise((res) => setTimeout(res, 200));
  }
}

/** Every file under a directory (relative paths), to prove an erase left nothing behind. */
export function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
}
