/**
 * The tus 1.0 endpoint (`/files/`) on @tus/server 1.x (its 2.x converts every request body to a web
 * stream and back, which measured 2.5–3× slower here): creation, creation-with-upload, termination,
 * expiration, HEAD for resume. Before tus sees a request, the caller is authenticated and the
 * upload is bound to an interview the caller owns; the lifecycle hears about start, progress and
 * completion through the interview actor.
 */
import { randomBytes } from 'node:crypto';
import { EVENTS, type Upload } from '@tus/utils';
import { Server as TusServer } from '@tus/server';
import { type NextFunction, type Request, type Response, Router } from 'express';
import type { AuthVerifier } from '../shared/auth.js';
import { bearerFromHeader } from '../shared/auth.js';
import type { InterviewService } from '../interviews/interview.service.js';
import { NotFoundError } from '../interviews/interview.service.js';
import { speakerCountFor } from '../media/diarization/speakers.js';
import { engineNameFor } from '../media/engine-select.js';
import { TUS_PATH } from '../contract/upload.js';
import { AppError } from '../shared/errors.js';
import { isStorageFull, STORAGE_FULL_RETRY_AFTER_SEC, StorageFullError } from '../shared/storage-full.js';
import type { Logger } from '../shared/logger.js';
import type { Metrics } from '../shared/metrics.js';
import { parseUploadMetadata } from './tus.metadata.js';
import { canWriteBodies, writeBodiesDirectly } from './tus-direct-write.js';
import { UploadLeases } from './upload-leases.js';
import { interviewIdOfUpload, type UploadStore, uploadIdFor } from './upload.store.js';

export interface TusRouterDeps {
  service: InterviewService;
  store: UploadStore;
  verifier: AuthVerifier;
  maxBytes: number;
  /** Uploads that would leave less than this free on a local upload disk are refused (507). */
  minFreeBytes?: number;
  log: Logger;
  metrics: Metrics;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** What namingFunction mints: "<interview id>--<24 hex>". No other string names an upload. */
const UPLOAD_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}--[0-9a-f]{24}$/;
const PROGRESS_EVERY_MS = 2000;

const TUS_ERROR_CODES: Record<number, string> = { 400: 'invalid_request', 403: 'forbidden', 404: 'not_found', 409: 'offset_mismatch', 410: 'upload_gone', 412: 'tus_version_unsupported', 413: 'file_too_large', 460: 'checksum_mismatch' };

/** The JSON error body for a refusal @tus/server words as plain text (`Invalid upload-length`, …). */
export function tusErrorBody(status: number, body: string): string {
  const message = body.trim() || 'upload failed';
  if (message.startsWith('{')) return message; // already ours (onResponseError)
  const code = message.startsWith('Invalid ') ? 'invalid_header' : (TUS_ERROR_CODES[status] ?? 'upload_error');
  return JSON.stringify({ error: { code, message } });
}

export function tusRouter(d: TusRouterDeps): Router {
  const lastProgress = new Map<string, number>();
  // One active upload per interview; a refused upload leaves nothing behind (upload-leases.ts).
  const leases = new UploadLeases({ store: d.store, service: d.service, log: d.log });
  const tus = new TusServer({
    path: TUS_PATH,
    datastore: d.store.tus,
    maxSize: d.maxBytes,
    relativeLocation: true,
    respectForwardedHeaders: true,
    namingFunction: (_req, metadata) => uploadIdFor(metadata?.interviewId ?? '', randomBytes(12).toString('hex')),
    onUploadCreate: async (req, res, upload) => {
      await dispatchOrThrow(d.service, upload, { type: 'uploadStarted', eventId: `upload-start:${upload.id}` });
      leases.created(req, upload.id);
      return res;
    },
    onUploadFinish: async (_req, res, upload) => {
      const size = upload.size ?? upload.offset;
      try {
        await dispatchOrThrow(d.service, upload, uploadCompleted(upload));
      } catch (err) {
        // The interview moved on (deleted, or already has a recording): do not keep an orphan file.
        await d.store.tus.remove(upload.id).catch(() => undefined);
        throw err;
      }
      lastProgress.delete(upload.id);
      leases.ended(upload.id);
      d.metrics.uploadBytes.inc(size);
      d.metrics.uploadsFinished.inc();
      d.log.info({ interviewId: interviewIdOfUpload(upload.id), uploadId: upload.id, size }, 'upload finished');
      return res;
    },
    onResponseError: async (req, res, err) => {
      const failedStatus = isStorageFull(err) ? 507 : 'status_code' in err ? err.status_code : 500;
      await leases.failed(req as Request, failedStatus, uploadIdOf(req as Request));
      if (isStorageFull(err)) {
        d.log.error({ err }, 'upload refused: storage full');
        res.setHeader('retry-after', String(STORAGE_FULL_RETRY_AFTER_SEC));
        const message = err instanceof StorageFullError ? err.message : new StorageFullError().message;
        return { status_code: 507, body: JSON.stringify({ error: { code: 'storage_full', message } }) };
      }
      const status = 'status_code' in err ? err.status_code : 500;
      const message = 'body' in err ? err.body.trim() : 'upload failed';
      if (status >= 500) d.log.error({ err }, 'tus request failed');
      return { status_code: status, body: JSON.stringify({ error: { code: TUS_ERROR_CODES[status] ?? 'upload_error', message } }) };
    },
  });

  // Bodies go straight to a store that can take them, without tus's two extra streams per chunk.
  if (canWriteBodies(d.store.tus)) writeBodiesDirectly(tus, d.store.tus, tus.options.postReceiveInterval ?? 1000);

  // @tus/server answers header problems itself, in plain text and past onResponseError: every
  // refusal leaves in the API's JSON error shape instead, with the status tus gave it.
  const write = tus.write.bind(tus);
  tus.write = (context, req, res, status, body = '', headers = {}) =>
    status < 400 ? write(context, req, res, status, body, headers)
    : write(context, req, res, status, tusErrorBody(status, body), { ...headers, 'Content-Type': 'application/json; charset=utf-8' });

  // Progress refreshes the upload deadline and moves the live progress bar; throttled per upload.
  tus.on(EVENTS.POST_RECEIVE_V2, (_req: unknown, upload: Upload) => {
    const now = Date.now();
    if (!upload.size || now - (lastProgress.get(upload.id) ?? 0) < PROGRESS_EVERY_MS) return;
    lastProgress.set(upload.id, now);
    const id = interviewIdOfUpload(upload.id);
    if (id) {
      d.service
        .dispatch(id, { type: 'uploadProgress', eventId: `upload-progress:${upload.id}:${upload.offset}`, fraction: upload.offset / upload.size })
        .catch((err: unknown) => d.log.warn({ err, interviewId: id }, 'upload progress not recorded'));
    }
  });

  /**
   * A crash after the last byte reached the disk but before onUploadFinish ran leaves a complete
   * file whose interview still says `uploading`; a resuming client's HEAD then sees offset = length
   * and stops (tus-js-client sends no PATCH). So a HEAD of a complete upload finishes it: the same
   * event id as the hook, hence a no-op when the hook did run.
   */
  const finishOnResume = async (req: Request) => {
    const uploadId = uploadIdOf(req); // the id the guard checked ownership of
    if (!uploadId) return;
    const upload = await d.store.tus.getUpload(uploadId).catch(() => undefined);
    if (!upload || upload.size === undefined || upload.offset !== upload.size) return;
    const id = interviewIdOfUpload(upload.id)!;
    const res = await d.service.dispatch(id, uploadCompleted(upload)).catch((err: unknown) => {
      d.log.warn({ err, interviewId: id, uploadId }, 'finishing a complete upload on HEAD failed');
      return undefined;
    });
    if (res?.outcome === 'applied') d.log.warn({ interviewId: id, uploadId }, 'complete upload finished on resume (its completion hook never ran)');
  };

  const router = Router();
  router.all(['/files', '/files/*splat'], guard(d, leases), (req, res, next) => {
    (req.method === 'HEAD' ? finishOnResume(req).then(() => tus.handle(req, res)) : tus.handle(req, res)).catch(next);
  });
  return router;
}

/** The lifecycle event of a finished upload; its id is per upload, so repeating it is harmless. */
function uploadCompleted(upload: Upload): Parameters<InterviewService['dispatch']>[1] {
  return {
    type: 'uploadCompleted', eventId: `upload-done:${upload.id}`, key: upload.id, size: upload.size ?? upload.offset,
    ...(upload.metadata?.filename && { filename: upload.metadata.filename }),
    ...(upload.metadata?.engine && { engine: upload.metadata.engine }),
    ...(upload.metadata?.speakers && { speakers: speakerCountFor(upload.metadata.speakers) }),
  };
}

/**
 * The upload id exactly as @tus/server will read it (the last segment of the raw URL, query string
 * included, percent-decoded), or undefined unless it has the shape we mint. Checking anything else
 * (e.g. req.path) let `/files/<own id>?/<someone else's id>` or `<own id>--..%2F<id>` pass the
 * ownership check and reach another user's upload.
 */
function uploadIdOf(req: Request): string | undefined {
  const segment = /([^/]+)\/?$/.exec(req.url)?.[1];
  try {
    const id = segment === undefined ? undefined : decodeURIComponent(segment);
    return id !== undefined && UPLOAD_ID.test(id) ? id : undefined;
  } catch {
    return undefined; // malformed percent-encoding
  }
}

/** Authentication and ownership for every tus request except CORS preflights. */
function guard(d: TusRouterDeps, leases: UploadLeases) {
  return async (req: Request, res: Response, next: NextFunction) => {
    if (req.method === 'OPTIONS') return next();
    // @tus/server would serve a finished upload on GET; media is never served back (privacy).
    if (req.method === 'GET') return next(new AppError('route_not_found', 'uploads cannot be downloaded', 404));
    try {
      const user = await d.verifier.verify(bearerFromHeader(req.headers.authorization));
      // Checked before ownership so a request without it hears why (tus itself checks the value).
      if (req.header('tus-resumable') === undefined) throw new AppError('tus_resumable_required', 'send Tus-Resumable: 1.0.0', 400);
      if (req.method === 'POST') {
        const meta = parseUploadMetadata(req.header('upload-metadata'));
        const interviewId = meta.interviewId;
        if (interviewId === undefined) throw new AppError('missing_interview_id', 'Upload-Metadata must carry interviewId', 400);
        // Present but naming no interview (e.g. base64 that decodes to nothing): like any unknown id.
        if (!UUID.test(interviewId)) throw new NotFoundError();
        // A bad engine name is refused now, not after the upload (unknown_engine, 400).
        if (meta.engine !== undefined) engineNameFor(meta.engine);
        // So is a bad speaker count (invalid_speakers, 400): 1 | 2 | 3+ | auto.
        if (meta.speakers !== undefined) speakerCountFor(meta.speakers);
        const length = req.header('upload-length');
        if (length !== undefined && Number(length) === 0) throw new AppError('empty_file', 'the file is empty', 400);
        if (length !== undefined && Number(length) > d.maxBytes) {
          throw new AppError('file_too_large', `the file is larger than the ${d.maxBytes}-byte limit`, 413);
        }
        await d.service.checkUploadAllowed(user.uid, interviewId);
        await checkFreeSpace(d, Number(length ?? req.header('content-length') ?? 0));
        await leases.admitCreation(interviewId, res);
      } else {
        const uploadId = uploadIdOf(req);
        const interviewId = interviewIdOfUpload(uploadId ?? '');
        if (!uploadId || !interviewId) throw new NotFoundError();
        await d.service.get(user.uid, interviewId);
        leases.track(uploadId, req, res);
        if (req.method === 'PATCH') await checkFreeSpace(d, Number(req.header('content-length') ?? 0));
      }
      next();
    } catch (err) {
      next(err);
    }
  };
}

/**
 * Admission by free space: refuse a recording (POST: its whole length) or a chunk (PATCH) that would
 * eat into the reserve kept for the database, before a byte is written. The user hears at once that
 * the file does not fit, rather than after minutes of uploading; the reserve keeps SQLite writable.
 */
async function checkFreeSpace(d: TusRouterDeps, bytes: number): Promise<void> {
  if (!d.store.freeBytes || !(bytes > 0)) return;
  const free = await d.store.freeBytes();
  const usable = free - (d.minFreeBytes ?? 0);
  if (bytes <= usable) return;
  const mb = (n: number) => `${(Math.max(0, n) / 1024 ** 2).toFixed(1)} MB`;
  throw new StorageFullError(`the server has room for ${mb(usable)} of uploads right now and this needs ${mb(bytes)}; try again later`);
}

async function dispatchOrThrow(service: InterviewService, upload: Upload, command: Parameters<InterviewService['dispatch']>[1]) {
  const id = interviewIdOfUpload(upload.id);
  if (!id) throw { status_code: 404, body: 'unknown interview' };
  const res = await service.dispatch(id, command);
  if (res.outcome === 'rejected') throw { status_code: 409, body: res.error.message };
}
