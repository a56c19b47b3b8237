/**
 * A low-level tus 1.0 client for fault tests: every request is explicit, so a test can cut a PATCH
 * after exactly N body bytes (socket destroyed mid-request), resume with HEAD → PATCH from the
 * server's offset, or find the server gone. tus-js-client hides all of that behind retries.
 */
import http from 'node:http';

export interface TusTarget {
  /** Server origin, e.g. http://127.0.0.1:1234 (it changes when the server restarts). */
  base: string;
  token: string;
}

export interface TusAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

function request(t: TusTarget, method: string, path: string, headers: Record<string, string | number>, body?: Buffer): Promise<TusAnswer> {
  return new Promise((resolve, reject) => {
    const req = http.request(t.base + path, { method, headers: { authorization: `Bearer ${t.token}`, 'tus-resumable': '1.0.0', ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** POST /files/: creates an upload of `length` bytes; resolves with its path (/files/<id>) or the refusal. */
export async function tusCreate(t: TusTarget, o: { interviewId: string; filename: string; length: number }): Promise<{ path?: string; answer: TusAnswer }> {
  const answer = await request(t, 'POST', '/files/', {
    'upload-length': o.length,
    'upload-metadata': `interviewId ${b64(o.interviewId)},filename ${b64(o.filename)}`,
  });
  const location = answer.headers.location;
  return { ...(answer.status === 201 && location && { path: new URL(location, t.base).pathname }), answer };
}

/** HEAD: the server's offset and length of the upload. */
export async function tusHead(t: TusTarget, path: string): Promise<{ status: number; offset: number; length: number; answer: TusAnswer }> {
  const answer = await request(t, 'HEAD', path, {});
  return { status: answer.status, offset: Number(answer.headers['upload-offset']), length: Number(answer.headers['upload-length']), answer };
}

/** PATCH `data` at `offset`. */
export function tusPatch(t: TusTarget, path: string, offset: number, data: Buffer): Promise<TusAnswer> {
  return request(t, 'PATCH', path, { 'upload-offset': offset, 'content-type': 'application/offset+octet-stream', 'content-length': data.length }, data);
}

/**
 * Starts a PATCH announcing all of `data`, sends only its first `sendBytes`, waits until they left
 * this process, then destroys the socket: what a dropped connection looks like to the server.
 * `beforeCut` runs just before the socket is destroyed (by default a 30 ms pause for the server
 * to read what arrived; a crash test SIGKILLs the server there instead).
 */
export function tusPatchCut(t: TusTarget, path: string, offset: number, data: Buffer, sendBytes: number, beforeCut?: () => Promise<void>): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = http.request(t.base + path, {
      method: 'PATCH',
      headers: {
        authorization: `Bearer ${t.token}`, 'tus-resumable': '1.0.0', 'upload-offset': offset,
        'content-type': 'application/offset+octet-stream', 'content-length': data.length,
      },
    });
    req.on('error', () => undefined); // the cut itself
    req.on('response', (res) => res.resume());
    req.flushHeaders();
    req.write(data.subarray(0, sendBytes), () => {
      // Give the server a moment to read what arrived, then drop the connection.
      const pause = beforeCut ?? (() => new Promise<void>((r) => setTimeout(r, 30)));
      pause().then(
        () => (req.destroy(), resolve()),
        (err: unknown) => (req.destroy(), reject(err)),
      );
    });
  });
}

export interface ResumeResult {
  /** HEAD offsets seen before each round of PATCHes (resume points). */
  resumedFrom: number[];
  final: TusAnswer | undefined;
}

/**
 * Resumes like tus-js-client: HEAD for the offset; if it equals the length the upload is done (no
 * PATCH); otherwise PATCH chunks from there. A 409 (offset moved) means HEAD again.
 */
export async function tusResume(t: TusTarget, path: string, file: Buffer, chunkSize: number): Promise<ResumeResult> {
  const resumedFrom: number[] = [];
  let final: TusAnswer | undefined;
  for (let round = 0; round < 20; round++) {
    const head = await tusHead(t, path);
    if (head.status !== 200) throw new Error(`HEAD ${path} answered ${head.status}: ${head.answer.body}`);
    resumedFrom.push(head.offset);
    let offset = head.offset;
    if (offset === file.length) return { resumedFrom, final };
    for (;;) {
      const chunk = file.subarray(offset, Math.min(file.length, offset + chunkSize));
      final = await tusPatch(t, path, offset, chunk);
      if (final.status === 409) break;
      if (final.status !== 204) throw new Error(`PATCH ${path} at ${offset} answered ${final.status}: ${final.body}`);
      offset = Number(final.headers['upload-offset']);
      if (offset === file.length) return { resumedFrom, final };
    }
  }
  throw new Error(`upload ${path} did not finish after 20 resumes`);
}
