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
import type { AuthVerifier } from '../api/auth.js';
import { bearerFromHeader } from '../api/auth.js';
import type { InterviewService } from '../interviews/interview.service.js';
import { NotFoundError } from '../interviews/interview.service.js';
import { engineNameFor } from '../media/engine-select.js';
import { AppError } from '../shared/errors.js';
import type { Logger } from '../shared/logger.js';
import type { Metrics } from '../shared/metrics.js';
import { parseUploadMetadata } from './tus.metadata.js';
import { interviewIdOfUpload, type UploadStore, uploadIdFor } from './upload.store.js';

export interface TusRouterDeps {
  service: InterviewService;
  store: UploadStore;
  verifier: AuthVerifier;
  maxBytes: number;
  log: Logger;
  metrics: Metrics;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const PROGRESS_EVERY_MS = 2000;

const TUS_ERROR_CODES: Record<number, string> = { 400: 'invalid_request', 403: 'forbidden', 404: 'not_found', 409: 'offset_mismatch', 410: 'upload_gone', 413: 'file_too_large', 460: 'checksum_mismatch' };

export const TUS_PATH = '/files';

export function tusRouter(d: TusRouterDeps): Router {
  const lastProgress = new Map<string, number>();
  const tus = new TusServer({
    path: TUS_PATH,
    datastore: d.store.tus,
    maxSize: d.maxBytes,
    relativeLocation: true,
    respectForwardedHeaders: true,
    namingFunction: (_req, metadata) => uploadIdFor(metadata?.interviewId ?? '', randomBytes(12).toString('hex')),
    onUploadCreate: async (_req, res, upload) => {
      await dispatchOrThrow(d.service, upload, { type: 'uploadStarted', eventId: `upload-start:${upload.id}` });
      return res;
    },
    onUploadFinish: async (_req, res, upload) => {
      const size = upload.size ?? upload.offset;
      try {
        await dispatchOrThrow(d.service, upload, {
          type: 'uploadCompleted', eventId: `upload-done:${upload.id}`, key: upload.id, size,
          ...(upload.metadata?.filename && { filename: upload.metadata.filename }),
          ...(upload.metadata?.engine && { engine: upload.metadata.engine }),
        });
      } catch (err) {
        // The interview moved on (deleted, or already has a recording): do not keep an orphan file.
        await d.store.tus.remove(upload.id).catch(() => undefined);
        throw err;
      }
      lastProgress.delete(upload.id);
      d.metrics.uploadBytes.inc(size);
      d.metrics.uploadsFinished.inc();
      d.log.info({ interviewId: interviewIdOfUpload(upload.id), uploadId: upload.id, size }, 'upload finished');
      return res;
    },
    onResponseError: (_req, _res, err) => {
      const status = 'status_code' in err ? err.status_code : 500;
      const message = 'body' in err ? err.body.trim() : 'upload failed';
      if (status >= 500) d.log.error({ err }, 'tus request failed');
      return { status_code: status, body: JSON.stringify({ error: { code: TUS_ERROR_CODES[status] ?? 'upload_error', message } }) };
    },
  });

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

  const router = Router();
  router.all(['/files', '/files/*splat'], guard(d), (req, res, next) => {
    tus.handle(req, res).catch(next);
  });
  return router;
}

/** Authentication and ownership for every tus request except CORS preflights. */
function guard(d: TusRouterDeps) {
  return async (req: Request, _res: Response, next: NextFunction) => {
    if (req.method === 'OPTIONS') return next();
    try {
      const user = await d.verifier.verify(bearerFromHeader(req.headers.authorization));
      if (req.method === 'POST') {
        const meta = parseUploadMetadata(req.header('upload-metadata'));
        const interviewId = meta.interviewId;
        if (!interviewId) throw new AppError('missing_interview_id', 'Upload-Metadata must carry interviewId', 400);
        if (!UUID.test(interviewId)) throw new NotFoundError();
        // A bad engine name is refused now, not after the upload (unknown_engine, 400).
        if (meta.engine !== undefined) engineNameFor(meta.engine);
        const length = req.header('upload-length');
        if (length !== undefined && Number(length) === 0) throw new AppError('empty_file', 'the file is empty', 400);
        if (length !== undefined && Number(length) > d.maxBytes) {
          throw new AppError('file_too_large', `the file is larger than the ${d.maxBytes}-byte limit`, 413);
        }
        await d.service.checkUploadAllowed(user.uid, interviewId);
      } else {
        const uploadId = req.path.split('/').filter(Boolean)[1] ?? '';
        const interviewId = interviewIdOfUpload(uploadId);
        if (!interviewId || !UUID.test(interviewId)) throw new NotFoundError();
        await d.service.get(user.uid, interviewId);
      }
      next();
    } catch (err) {
      next(err);
    }
  };
}

async function dispatchOrThrow(service: InterviewService, upload: Upload, command: Parameters<InterviewService['dispatch']>[1]) {
  const id = interviewIdOfUpload(upload.id);
  if (!id) throw { status_code: 404, body: 'unknown interview' };
  const res = await service.dispatch(id, command);
  if (res.outcome === 'rejected') throw { status_code: 409, body: res.error.message };
}
