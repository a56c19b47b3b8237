/**
 * The only place a webhook leaves the process: one POST, a hard timeout, no redirects followed (a
 * 3xx is a failed attempt), the response body read and discarded (capped). Every connection goes
 * through the guarded agents (`ssrf.agent.ts`): names resolved by the SSRF guard, IP literals checked
 * before connecting, and the connected address checked again before a byte of the request is sent.
 */
import http from 'node:http';
import https from 'node:https';
import { guardedAgents } from './ssrf.agent.js';
import type { SsrfGuard } from './ssrf.guard.js';
import { UnsafeWebhookUrlError } from './errors.js';

export interface SendResult {
  ok: boolean;
  responseCode?: number;
  latencyMs: number;
  /** Stable short reason when it failed: timeout, blocked:<kind>, redirect, http_<code>, connection error code. */
  error?: string;
}

export type Sender = (url: string, headers: Record<string, string>, body: string) => Promise<SendResult>;

const MAX_RESPONSE_BYTES = 64 * 1024;

export function httpSender(opts: { guard: SsrfGuard; timeoutMs: number; userAgent?: string }): Sender {
  const agents = guardedAgents(opts.guard, { keepAlive: true, maxSockets: 32 });
  return (rawUrl, headers, body) =>
    new Promise<SendResult>((resolve) => {
      const started = performance.now();
      const done = (r: Omit<SendResult, 'latencyMs'>) => resolve({ ...r, latencyMs: Math.round(performance.now() - started) });
      let url: URL;
      try {
        url = new URL(rawUrl);
      } catch {
        done({ ok: false, error: 'invalid_url' });
        return;
      }
      if (url.protocol !== 'http:' && url.protocol !== 'https:') {
        done({ ok: false, error: 'blocked:scheme' });
        return;
      }
      const mod = url.protocol === 'https:' ? https : http;
      const req = mod.request(url, {
        method: 'POST',
        agent: agents[url.protocol],
        signal: AbortSignal.timeout(opts.timeoutMs),
        headers: {
          'content-type': 'application/json',
          'content-length': String(Buffer.byteLength(body)),
          'user-agent': opts.userAgent ?? 'InterviewBuddy-Webhooks/1',
          ...headers,
        },
      });
      req.on('response', (res) => {
        let read = 0;
        res.on('data', (chunk: Buffer) => {
          read += chunk.length;
          if (read > MAX_RESPONSE_BYTES) res.destroy();
        });
        const finish = () => {
          const code = res.statusCode ?? 0;
          const ok = code >= 200 && code < 300;
          done({ ok, responseCode: code, ...(!ok && { error: code >= 300 && code < 400 ? 'redirect_not_followed' : `http_${code}` }) });
        };
        res.on('end', finish);
        res.on('close', finish);
        res.on('error', () => undefined);
      });
      req.on('error', (err: NodeJS.ErrnoException) => {
        if (err instanceof UnsafeWebhookUrlError) done({ ok: false, error: `blocked:${err.reason}` });
        else if (err.name === 'TimeoutError' || err.name === 'AbortError') done({ ok: false, error: 'timeout' });
        else done({ ok: false, error: err.code ?? 'connection_failed' });
      });
      req.end(body);
    });
}
