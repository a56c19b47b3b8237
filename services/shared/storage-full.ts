/**
 * "The disk is full" as one typed error. It surfaces as ENOSPC/EDQUOT from the file system or
 * SQLITE_FULL from the database, often wrapped (an actor turn wraps its cause); callers answer
 * 507 `storage_full` instead of a bare 500, and the work stays retryable once space returns.
 */
import { AppError } from './errors.js';

const FULL_CODES = new Set(['ENOSPC', 'EDQUOT', 'SQLITE_FULL']);

export class StorageFullError extends AppError {
  constructor(message = 'the server is out of storage space; nothing was lost, try again later') {
    super('storage_full', message, 507);
  }
}

/** True when `err`, or any error in its `cause` chain, means the storage is full. */
export function isStorageFull(err: unknown): boolean {
  for (let e = err, depth = 0; e && typeof e === 'object' && depth < 8; e = (e as { cause?: unknown }).cause, depth++) {
    if (e instanceof StorageFullError) return true;
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && FULL_CODES.has(code)) return true;
  }
  return false;
}

/** Seconds a client should wait before retrying a write refused for lack of space. */
export const STORAGE_FULL_RETRY_AFTER_SEC = 60;
