/**
 * Blob output binding on local disk (the embedded stand-in for bindings.azure.blobstorage).
 * Writes are atomic (temp file + rename) so a crash never leaves a half-written artifact.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { isSafeBlobName, type BindingResponse } from '../ports/bindings.js';
import { BlobNameError, BlobNotFoundError, NotConfiguredError } from '../ports/errors.js';

/**
 * Where writes land before their atomic rename: a name no blob can have ('~' is not allowed), on the
 * same file system. A crash mid-write leaves its temp file here, never beside the blobs, so one
 * sweep at start-up removes it (an orphaned report would otherwise outlive an erase).
 */
const INCOMING = '~incoming';

export class LocalBlobBinding {
  constructor(private readonly root: string) {}

  /** Removes writes cut short by a crash. Call before serving (no write is in progress then). */
  async removeIncoming(): Promise<void> {
    await fs.rm(path.join(this.root, INCOMING), { recursive: true, force: true });
  }

  private file(name: string | undefined): string {
    if (!isSafeBlobName(name)) throw new BlobNameError(String(name));
    return path.join(this.root, name);
  }

  async invoke(operation: string, data: unknown, metadata: Record<string, string>): Promise<BindingResponse> {
    switch (operation) {
      case 'create': {
        const file = this.file(metadata.blobName);
        const tmp = path.join(this.root, INCOMING, `${randomUUID()}.tmp`);
        await fs.mkdir(path.dirname(tmp), { recursive: true });
        const bytes = Buffer.isBuffer(data) ? data : Buffer.from(typeof data === 'string' ? data : JSON.stringify(data));
        await fs.writeFile(tmp, bytes);
        // A concurrent delete may prune the (then empty) folder between mkdir and rename: retry once.
        for (let tries = 0; ; tries++) {
          await fs.mkdir(path.dirname(file), { recursive: true });
          try {
            await fs.rename(tmp, file);
            break;
          } catch (err) {
            if ((err as NodeJS.ErrnoException).code !== 'ENOENT' || tries > 0) throw err;
          }
        }
        return { data: null, metadata: { blobName: metadata.blobName! } };
      }
      case 'get': {
        const file = this.file(metadata.blobName);
        try {
          return { data: await fs.readFile(file), metadata: { blobName: metadata.blobName! } };
        } catch (err) {
          if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new BlobNotFoundError(metadata.blobName!);
          throw err;
        }
      }
      case 'delete': {
        const file = this.file(metadata.blobName);
        await fs.rm(file, { force: true });
        await this.pruneEmptyParents(file);
        return { data: null, metadata: {} };
      }
      case 'list': {
        const prefix = metadata.prefix ?? '';
        const names = (await this.walk(this.root)).filter((n) => n.startsWith(prefix) && !n.endsWith('.tmp'));
        return { data: names.sort(), metadata: {} };
      }
      default:
        throw new NotConfiguredError(`operation "${operation}" of the blob binding`);
    }
  }

  /** Erase leaves no trace: folders a delete emptied (e.g. `interviews/<id>/`) go too, up to the root. */
  private async pruneEmptyParents(file: string): Promise<void> {
    for (let dir = path.dirname(file); dir.startsWith(this.root + path.sep); dir = path.dirname(dir)) {
      try {
        await fs.rmdir(dir);
      } catch {
        return; // not empty (or gone): stop here
      }
    }
  }

  private async walk(dir: string): Promise<string[]> {
    const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
    const out: string[] = [];
    for (const e of entries) {
      if (dir === this.root && e.name === INCOMING) continue;
      const full = path.join(dir, e.name);
      if (e.isDirectory()) out.push(...(await this.walk(full)));
      else out.push(path.relative(this.root, full).split(path.sep).join('/'));
    }
    return out;
  }
}
