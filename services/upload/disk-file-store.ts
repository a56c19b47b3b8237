/**
 * @tus/file-store's FileStore, with three things an upload server needs:
 * - `write` keeps the reason it failed (FileStore turns every write error into a generic 500
 *   FILE_WRITE_ERROR, so "disk full" was indistinguishable from a bug);
 * - `write` is fast (write-at.ts): the request keeps flowing while earlier batches are written, one
 *   positional writev per batch and two batches at once, instead of an fs WriteStream that stops
 *   reading at 16 KB and so takes turns reading and writing 64 KB at a time; what a PATCH may queue
 *   is its share of one budget for all running PATCHes (write-budget.ts);
 * - `freeBytes` reports the space left for admission checks.
 * The new offset is returned only after every byte is in the file, as before. The bytes written
 * before ENOSPC stay in the file (cut back to the gap-free head), so the upload resumes from there.
 */
import fs from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { FileStore } from '@tus/file-store';
import { ERRORS } from '@tus/utils';
import { isStorageFull, StorageFullError } from '../shared/storage-full.js';
import { BodyTooLargeError, WriteAtError, type WriteAtOptions, writeStreamAt } from './write-at.js';
import { WriteBudget } from './write-budget.js';

type FileStoreOptions = ConstructorParameters<typeof FileStore>[0];

export type BodyWriteOptions = Pick<WriteAtOptions, 'maxBytes' | 'signal' | 'onReceived'>;

/** Batches in flight per PATCH: with two, one thread-pool thread's wake-up overlaps the other's write. */
export const UPLOAD_WRITES_IN_FLIGHT = 2;

export class DiskFileStore extends FileStore {
  /** What each running PATCH may queue (write-budget.ts): large alone, small when many run at once. */
  readonly writeBudget: WriteBudget;

  constructor(options: FileStoreOptions & { writeBudget?: WriteBudget }) {
    super(options);
    this.writeBudget = options.writeBudget ?? new WriteBudget();
  }

  override write(readable: http.IncomingMessage | Readable, fileId: string, offset: number): Promise<number> {
    return this.writeBody(readable, fileId, offset);
  }

  /**
   * `write` with what @tus/server otherwise wraps around it in two more streams (tus-direct-write.ts):
   * a byte limit (more → 413 ERR_MAX_SIZE_EXCEEDED, the bytes before it kept), cancellation (the
   * PATCH ends with the bytes that arrived) and a count of bytes received, for progress.
   */
  async writeBody(readable: http.IncomingMessage | Readable, fileId: string, offset: number, options: BodyWriteOptions = {}): Promise<number> {
    let file: fs.promises.FileHandle | undefined;
    const share = this.writeBudget.acquire();
    try {
      file = await fs.promises.open(path.join(this.directory, fileId), 'r+');
      const written = await writeStreamAt(file.fd, readable, offset, { ...options, maxPendingBytes: share.bytes, maxInFlight: UPLOAD_WRITES_IN_FLIGHT });
      return offset + written;
    } catch (err) {
      if (!(err instanceof WriteAtError) && options.signal?.aborted) throw err; // cancelled before a byte was read
      const cause = err instanceof WriteAtError ? err.cause : err;
      if (cause instanceof BodyTooLargeError) throw ERRORS.ERR_MAX_SIZE_EXCEEDED;
      if (isStorageFull(cause)) throw new StorageFullError('the server ran out of storage space during the upload; what arrived is kept, resume once space is available');
      throw ERRORS.FILE_WRITE_ERROR;
    } finally {
      share.release();
      await file?.close().catch(() => undefined);
    }
  }

  /** Bytes available to this process on the upload directory's file system. */
  async freeBytes(): Promise<number> {
    const s = await fs.promises.statfs(this.directory);
    return s.bavail * s.bsize;
  }
}
