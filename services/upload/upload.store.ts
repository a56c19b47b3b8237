/**
 * Where finished and partial uploads live. @tus/server writes through `tus` (a tus DataStore);
 * the media worker reads a finished upload as a local file; erase removes every upload of an
 * interview. Local disk now (FileStore); Azure Blob implements the same interface later.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { DataStore } from '@tus/utils';
import { DiskFileStore } from './disk-file-store.js';

export interface UploadStore {
  readonly tus: DataStore;
  /** A readable local path for a finished upload, and how to release it (remote stores download). */
  openLocal(key: string): Promise<{ path: string; release(): Promise<void> }>;
  /** Removes every upload (finished or partial) whose id belongs to the interview. Idempotent. */
  removeForInterview(interviewId: string): Promise<void>;
  /** Deletes expired unfinished uploads; returns how many. */
  removeExpired(): Promise<number>;
  /** Unfinished uploads of an interview with their last write (stores that can tell; used to see an active upload). */
  unfinishedUploads?(interviewId: string): Promise<{ id: string; lastWriteAt: number }[]>;
  /** Free bytes where uploads are written, for stores on a local disk (remote stores omit it). */
  freeBytes?(): Promise<number>;
}

/** Upload ids are "<interviewId>--<random>", so ownership checks and erase need no extra index. */
export const uploadIdFor = (interviewId: string, random: string) => `${interviewId}--${random}`;
export const interviewIdOfUpload = (uploadId: string): string | undefined => {
  const i = uploadId.indexOf('--');
  return i > 0 ? uploadId.slice(0, i) : undefined;
};

/**
 * Ends an upload whose length nobody declared at the bytes it holds: a live recording the interview
 * took on its own deadline (the session's media node went away before declaring it). Until then a
 * store that commits on the last byte (Azure) has nothing to read, and expiry would remove it.
 */
export async function sealUpload(tus: DataStore, id: string): Promise<void> {
  const upload = await tus.getUpload(id);
  if (upload.size === undefined) await tus.declareUploadLength(id, upload.offset);
}

export class LocalUploadStore implements UploadStore {
  readonly tus: DiskFileStore;

  constructor(
    private readonly dir: string,
    private readonly expirationMs: number,
  ) {
    this.tus = new DiskFileStore({ directory: dir, expirationPeriodInMilliseconds: expirationMs });
  }

  freeBytes(): Promise<number> {
    return this.tus.freeBytes();
  }

  async openLocal(key: string) {
    const file = path.join(this.dir, path.basename(key));
    await fs.access(file);
    return { path: file, release: async () => {} };
  }

  async removeForInterview(interviewId: string): Promise<void> {
    const names = await fs.readdir(this.dir).catch(() => [] as string[]);
    const prefix = `${interviewId}--`;
    await Promise.all(names.filter((n) => n.startsWith(prefix)).map((n) => fs.rm(path.join(this.dir, n), { force: true })));
  }

  async unfinishedUploads(interviewId: string): Promise<{ id: string; lastWriteAt: number }[]> {
    const prefix = `${interviewId}--`;
    const names = (await fs.readdir(this.dir).catch(() => [] as string[])).filter((n) => n.startsWith(prefix) && !n.endsWith('.json'));
    const out: { id: string; lastWriteAt: number }[] = [];
    for (const id of names) {
      const upload = await this.tus.getUpload(id).catch(() => undefined);
      if (!upload || (upload.size !== undefined && upload.offset === upload.size)) continue;
      const stat = await fs.stat(path.join(this.dir, id)).catch(() => undefined);
      if (stat) out.push({ id, lastWriteAt: stat.mtimeMs });
    }
    return out;
  }

  /**
   * FileStore's own deleteExpired() trusts the offset saved at creation (always 0), so it would
   * delete finished recordings too; the real offset is the file's size, which getUpload() reads.
   */
  async removeExpired(): Promise<number> {
    const ids = (await this.tus.configstore.list?.()) ?? [];
    const now = Date.now();
    let removed = 0;
    for (const id of ids) {
      const upload = await this.tus.getUpload(id).catch(() => undefined);
      if (!upload?.creation_date) continue;
      const finished = upload.size !== undefined && upload.offset === upload.size;
      if (finished || Date.parse(upload.creation_date) + this.expirationMs > now) continue;
      await this.tus.remove(id);
      removed++;
    }
    return removed;
  }
}
