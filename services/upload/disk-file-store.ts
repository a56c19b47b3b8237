/**
 * @tus/file-store's FileStore, with two things a full disk needs: `write` keeps the reason it
 * failed (FileStore turns every write error into a generic 500 FILE_WRITE_ERROR, so "disk full"
 * was indistinguishable from a bug), and `freeBytes` reports the space left for admission checks.
 * The bytes written before ENOSPC stay in the file, so the upload resumes from there.
 */
import fs from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import { FileStore } from '@tus/file-store';
import { ERRORS } from '@tus/utils';
import { isStorageFull, StorageFullError } from '../shared/storage-full.js';

export class DiskFileStore extends FileStore {
  override async write(readable: http.IncomingMessage | Readable, fileId: string, offset: number): Promise<number> {
    let written = 0;
    const out = fs.createWriteStream(path.join(this.directory, fileId), { flags: 'r+', start: offset });
    try {
      await pipeline(
        readable,
        async function* count(source: AsyncIterable<Buffer>) {
          for await (const chunk of source) {
            written += chunk.length;
            yield chunk;
          }
        },
        out,
      );
    } catch (err) {
      if (isStorageFull(err)) throw new StorageFullError('the server ran out of storage space during the upload; what arrived is kept, resume once space is available');
      throw ERRORS.FILE_WRITE_ERROR;
    }
    return offset + written;
  }

  /** Bytes available to this process on the upload directory's file system. */
  async freeBytes(): Promise<number> {
    const s = await fs.promises.statfs(this.directory);
    return s.bavail * s.bsize;
  }
}
