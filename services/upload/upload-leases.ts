/**
 * One upload at a time per interview, and no leftovers when an upload is refused.
 *
 * - A new upload (POST) is refused with 409 `upload_in_progress` while another upload of the same
 *   interview is active: a request on it is in flight, or it was written to within `activeWindowMs`.
 *   Idle unfinished uploads of the interview are removed when a new one is admitted (the newest
 *   wins, explicitly), so an old tab cannot finish later beside the new file.
 * - A POST that fails after it created its upload (e.g. creation-with-upload whose body is over the
 *   limit: 413) leaves nothing: the client never learned the upload's URL, so the upload is removed
 *   and the interview goes back to `created`. So does a PATCH refused with 413 (the file can never
 *   fit the limit).
 * State here is per process; after a restart the store's last-write time still counts as activity.
 */
import type { Request, Response } from 'express';
import type { InterviewService } from '../interviews/interview.service.js';
import { AppError } from '../shared/errors.js';
import type { Logger } from '../shared/logger.js';
import { interviewIdOfUpload, type UploadStore } from './upload.store.js';

export class UploadInProgressError extends AppError {
  constructor() {
    super('upload_in_progress', 'another upload of this recording is in progress; resume that one, or stop it (DELETE its upload URL) and try again', 409);
  }
}

export interface UploadLeasesDeps {
  store: UploadStore;
  service: InterviewService;
  log: Logger;
  /** How recently an unfinished upload must have been written to count as active. */
  activeWindowMs?: number;
  now?: () => number;
}

export class UploadLeases {
  private readonly activeWindowMs: number;
  private readonly now: () => number;
  /** POST request → the upload it created (set once onUploadCreate succeeded). */
  private readonly createdBy = new WeakMap<object, string>();
  /** Upload id → requests on it in flight. */
  private readonly inflight = new Map<string, number>();
  /** Upload id → last request seen on it (ms). */
  private readonly lastSeen = new Map<string, number>();
  /** Interviews with a POST being admitted or created right now. */
  private readonly starting = new Set<string>();

  constructor(private readonly d: UploadLeasesDeps) {
    this.activeWindowMs = d.activeWindowMs ?? 30_000;
    this.now = d.now ?? Date.now;
  }

  /** For a POST, in the guard after ownership checks: admits it or throws 409 upload_in_progress. */
  async admitCreation(interviewId: string, res: Response): Promise<void> {
    if (this.starting.has(interviewId) || (await this.activeUpload(interviewId))) throw new UploadInProgressError();
    this.starting.add(interviewId);
    res.once('close', () => this.starting.delete(interviewId));
    // Idle leftovers of earlier attempts: the new upload replaces them.
    await this.d.store.removeForInterview(interviewId);
    for (const id of [...this.lastSeen.keys()]) if (interviewIdOfUpload(id) === interviewId) this.lastSeen.delete(id);
  }

  /** For HEAD/PATCH/DELETE on an upload: counts it as active while the request runs. */
  track(uploadId: string, req: Request, res: Response): void {
    this.inflight.set(uploadId, (this.inflight.get(uploadId) ?? 0) + 1);
    this.lastSeen.set(uploadId, this.now());
    res.once('close', () => {
      const n = (this.inflight.get(uploadId) ?? 1) - 1;
      if (n > 0) this.inflight.set(uploadId, n);
      else this.inflight.delete(uploadId);
      // A terminated upload is gone; any other request keeps it active for a while.
      if (req.method === 'DELETE' && res.statusCode < 300) this.lastSeen.delete(uploadId);
      else this.lastSeen.set(uploadId, this.now());
    });
  }

  /** From onUploadCreate, once the interview accepted the upload. */
  created(req: object, uploadId: string): void {
    this.createdBy.set(req, uploadId);
    this.lastSeen.set(uploadId, this.now());
  }

  /** A finished or terminated upload is no longer active. */
  ended(uploadId: string): void {
    this.lastSeen.delete(uploadId);
  }

  /**
   * From onResponseError: a POST that created its upload and failed, or a PATCH refused as too
   * large, leaves no upload behind and puts the interview back to `created`.
   */
  async failed(req: Request, status: number, uploadId: string | undefined): Promise<void> {
    const id = req.method === 'POST' ? this.createdBy.get(req) : status === 413 ? uploadId : undefined;
    if (!id) return;
    this.createdBy.delete(req);
    this.ended(id);
    const interviewId = interviewIdOfUpload(id)!;
    try {
      await this.d.store.tus.remove(id).catch(() => undefined);
      await this.d.service.dispatch(interviewId, { type: 'uploadAbandoned', eventId: `upload-abandoned:${id}` });
      this.d.log.info({ interviewId, uploadId: id, status }, 'refused upload removed');
    } catch (err) {
      this.d.log.warn({ err, interviewId, uploadId: id }, 'cleaning up a refused upload failed');
    }
  }

  private async activeUpload(interviewId: string): Promise<boolean> {
    const recent = this.now() - this.activeWindowMs;
    for (const [id, n] of this.inflight) if (n > 0 && interviewIdOfUpload(id) === interviewId) return true;
    for (const [id, at] of this.lastSeen) if (at >= recent && interviewIdOfUpload(id) === interviewId) return true;
    const stored = (await this.d.store.unfinishedUploads?.(interviewId)) ?? [];
    return stored.some((u) => u.lastWriteAt >= recent);
  }
}
