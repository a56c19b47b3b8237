/**
 * A small tmpfs mounted for a test (root only): a real file system that really runs out of space,
 * with helpers to fill it to the last byte and give the space back.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Why tmpfs cannot be mounted here (not root, no mount permission), or null when it can. */
export function tmpfsUnavailableReason(): string | null {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ib-tmpfs-probe-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', dir], { stdio: 'pipe' });
    execFileSync('umount', [dir], { stdio: 'pipe' });
    return null;
  } catch (err) {
    const stderr = (err as { stderr?: Buffer }).stderr?.toString().trim();
    return `cannot mount a tmpfs (uid ${process.getuid?.()}): ${stderr || (err as Error).message}`;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export interface Tmpfs {
  dir: string;
  /** Bytes free right now. */
  free(): number;
  /** Grows (or shrinks) the file system in place; files stay. */
  resize(megabytes: number): void;
  /** Writes a filler file until ENOSPC: afterwards nothing else fits. Returns its size. */
  fill(): number;
  /** Deletes the filler: the space comes back. */
  unfill(): void;
  unmount(): void;
}

export function mountTmpfs(megabytes: number): Tmpfs {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ib-tmpfs-'));
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${megabytes}m`, 'tmpfs', dir]);
  const filler = path.join(dir, 'filler.bin');
  return {
    dir,
    free() {
      const s = fs.statfsSync(dir);
      return s.bavail * s.bsize;
    },
    resize(mb) {
      execFileSync('mount', ['-o', `remount,size=${mb}m`, dir]);
    },
    fill() {
      const fd = fs.openSync(filler, 'a');
      let written = 0;
      try {
        // Big blocks first, then page-sized ones, so the last free page goes too.
        for (const block of [Buffer.alloc(1 << 20), Buffer.alloc(4096)]) {
          try {
            for (;;) written += fs.writeSync(fd, block);
          } catch (err) {
            if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err;
          }
        }
      } finally {
        fs.closeSync(fd); // an open descriptor would keep the space after unfill()
      }
      return written;
    },
    unfill() {
      fs.rmSync(filler, { force: true });
    },
    unmount() {
      try {
        execFileSync('umount', ['-l', dir], { stdio: 'pipe' });
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
