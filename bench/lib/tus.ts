/**
 * A minimal tus 1.0 client for benchmarks: node:http streams the file straight from disk with
 * back-pressure (fetch's web-stream conversion is slower and would measure the client, not the server),
 * or, given the file's bytes in memory, hands them to the socket in one write (the cheapest client:
 * ~0.05 CPU-s per 256 MB against ~0.33 s reading 1 MB chunks from disk).
 */
import { createReadStream } from 'node:fs';
import http from 'node:http';

const authed = (token: string, headers: Record<string, string> = {}) => ({ authorization: `Bearer ${token}`, ...headers });

/** POST /api/v1/interviews: the interview a recording is uploaded to. */
export async function createInterview(base: string, token: string, title = 'bench'): Promise<string> {
  const res = await fetch(`${base}/api/v1/interviews`, {
    method: 'POST',
    headers: authed(token, { 'content-type': 'application/json' }),
    body: JSON.stringify({ title }),
  });
  if (res.status !== 201) throw new Error(`creating an interview failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { id: string }).id;
}

/** tus creation (POST /files/); resolves with the upload's absolute URL. */
export async function tusCreate(base: string, token: string, interviewId: string, size: number): Promise<string> {
  const res = await fetch(`${base}/files/`, {
    method: 'POST',
    headers: authed(token, {
      'tus-resumable': '1.0.0',
      'upload-length': String(size),
      'upload-metadata': `interviewId ${Buffer.from(interviewId).toString('base64')}`,
    }),
  });
  if (res.status !== 201) throw new Error(`tus creation failed: ${res.status} ${await res.text()}`);
  return new URL(res.headers.get('location')!, base).href;
}

/** One PATCH carrying bytes [offset, offset + length) of `file` (a path, or its bytes); checks the new Upload-Offset. */
export function tusPatch(url: string, token: string, file: string | Buffer, offset: number, length: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, {
      method: 'PATCH',
      headers: authed(token, {
        'tus-resumable': '1.0.0',
        'upload-offset': String(offset),
        'content-type': 'application/offset+octet-stream',
        'content-length': String(length),
      }),
    }, (res) => {
      const body: Buffer[] = [];
      res.on('data', (c: Buffer) => body.push(c));
      res.on('end', () => {
        const next = Number(res.headers['upload-offset']);
        if (res.statusCode !== 204 || next !== offset + length) {
          reject(new Error(`PATCH at ${offset} answered ${res.statusCode} (offset ${next}): ${Buffer.concat(body).toString('utf8')}`));
        } else resolve();
      });
    });
    req.on('error', reject);
    if (typeof file !== 'string') req.end(file.subarray(offset, offset + length));
    else createReadStream(file, { start: offset, end: offset + length - 1, highWaterMark: 1024 * 1024 }).pipe(req);
  });
}

export interface ChunkedUpload {
  url: string;
  /** Wall time of each PATCH, in order. */
  patchMs: number[];
  /** Creation through the last PATCH. */
  totalMs: number;
}

/** Creation then PATCHes of `chunkBytes` (the web client uses 8 MB); one PATCH when chunkBytes ≥ size. */
export async function tusUpload(base: string, token: string, interviewId: string, file: string | Buffer, size: number, chunkBytes = size): Promise<ChunkedUpload> {
  const t0 = performance.now();
  const url = await tusCreate(base, token, interviewId, size);
  const patchMs: number[] = [];
  for (let offset = 0; offset < size; offset += chunkBytes) {
    const p0 = performance.now();
    await tusPatch(url, token, file, offset, Math.min(chunkBytes, size - offset));
    patchMs.push(performance.now() - p0);
  }
  return { url, patchMs, totalMs: performance.now() - t0 };
}
