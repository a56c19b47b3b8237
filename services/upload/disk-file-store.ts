/**
 * @tus/file-store's FileStore, with three things an upload server needs: `write` keeps the reason
 * it failed (FileStore turns every write error into a generic 500 FILE_WRITE_ERROR, so "disk full"
 * was indistinguishable from a bug); `write` is fast (write-at.ts: the request keeps flowing while
 * earlier batches are written, one positional writev per batch and two batches at once, instead of
 * an fs WriteStream that stops reading at 16 KB and so takes turns reading and writing 64 KB at a
 * time); and `freeBytes` reports the space left for admission checks. The new offset is returned
 * only after every byte is in the file, as before. The bytes written before ENOSPC stay in the
 * file (cut back to the gap-free head), so the upload resumes from there.
 */
import fs from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { FileStore } from '@tus/file-store';
import { ERRORS } from '@tus/utils';
import { isStorageFull, StorageFullError } from '../shared/storage-full.js';
import { WriteAtError, writeStreamAt } from './write-at.js';

type FileStoreOptions = ConstructorParameters<typeof FileStore>[0];

/**
 * Bytes one PATCH queues while its earlier batches are written (each batch is at most about this).
 * So one PATCH holds under 1 MB (this plus the two batches in flight), and 100 concurrent uploads
 * under 100 MB. Measured (bench upload, 256 MB over loopback): 1 MB costs less main-thread CPU once
 * the server runs with node-flags.ts (0.11–0.15 s against 0.12–0.17 s user per 256 MB) and was
 * faster in 5 of 6 paired runs (~8 % in the median), but `bench uploads-concurrent` (100 × 50 MB)
 * then peaked at 403 MB RSS against 319 MB with 256 KB, over its 400 MB target; so 256 KB it is.
 * Without the heap floor of node-flags.ts, 1 MB and more cost up to twice the CPU (the many buffers
 * alive at once drove V8 into back-to-back full GCs).
 */
export const UPLOAD_WRITE_BUFFER_BYTES = 256 * 1024;
/** Batches in flight per PATCH: with two, one thread-pool thread's wake-up overlaps the other's write. */
export const UPLOAD_WRITES_IN_FLIGHT = 2;

export class DiskFileStore extends FileStore {
  private readonly writeBufferBytes: number;

  constructor(options: FileStoreOptions & { writeBufferBytes?: number }) {
    super(options);
    this.writeBufferBytes = options.writeBufferBytes ?? UPLOAD_WRITE_BUFFER_BYTES;
  }

  override async write(readable: http.IncomingMessage | Readable, fileId: string, offset: number): Promise<number> {
    let file: fs.promises.FileHandle | undefined;
    try {
      file = await fs.promises.open(path.join(this.directory, fileId), 'r+');
      const written = await writeStreamAt(file.fd, readable, offset, { maxPendingBytes: this.writeBufferBytes, maxInFlight: UPLOAD_WRITES_IN_FLIGHT });
      return offset + written;
    } catch (err) {
      const cause = err instanceof WriteAtError ? err.cause : err;
      if (isStorageFull(cause)) throw new StorageFullError('the server ran out of storage space during the upload; what arrived is kept, resume once space is available');
      throw ERRORS.FILE_WRITE_ERROR;
    } finally {
      await file?.close().catch(() => undefined);
    }
  }

  /** Bytes available to this process on the upload directory's file system. */
  async freeBytes(): Promise<number> {
    const s = await fs.promises.statfs(this.directory);
    return s.bavail * s.bsize;
  }
}
