/**
 * How many bytes each running PATCH may queue in memory before it pauses the request: a share of one
 * budget for the whole process. One upload alone gets a large queue, so its request is paused
 * rarely and its writes are few and large (each pause stops the socket until a write returns; per
 * 256 MB a 256 KB queue made ~1,200 writes, a 2 MB one ~250 writes and 35–90 pauses); many uploads
 * at once get a small queue each, so the memory they hold together stays bounded. The share is read again for every chunk, so a PATCH that began alone
 * shrinks its queue as soon as others start.
 *
 * Measured with `npm run bench -- upload-queue` (the write loop alone, one 256 MB PATCH over
 * loopback, ÷ tusd with the same client in the same run): 256 KB 0.74–0.79, 1 MB 0.93–0.97, 2 MB
 * 1.01–1.13, 4–8 MB erratic (single runs 0.18–0.72 s). So 2 MB at most; a 16 MB budget keeps 100
 * concurrent uploads at the 256 KB floor, where `bench uploads-concurrent` holds its 400 MB RSS target.
 */

export interface WriteBudgetOptions {
  /** Bytes shared by all running PATCHes (default 16 MB). */
  totalBytes?: number;
  /** A PATCH's queue never shrinks below this, however many run (default 256 KB). */
  minBytes?: number;
  /** Nor grows above this, however few run (default 2 MB). */
  maxBytes?: number;
}

export interface WriteShare {
  /** Bytes this PATCH may queue now. */
  bytes(): number;
  /** The PATCH ended (idempotent). */
  release(): void;
}

export class WriteBudget {
  readonly totalBytes: number;
  readonly minBytes: number;
  readonly maxBytes: number;
  private running = 0;

  constructor(options: WriteBudgetOptions = {}) {
    this.minBytes = Math.max(1, options.minBytes ?? 256 * 1024);
    this.maxBytes = Math.max(this.minBytes, options.maxBytes ?? 2 * 1024 * 1024);
    this.totalBytes = Math.max(this.minBytes, options.totalBytes ?? 16 * 1024 * 1024);
  }

  /** PATCHes holding a share now. */
  get active(): number {
    return this.running;
  }

  /** One running PATCH's share: the budget split evenly, within [minBytes, maxBytes]. */
  shareBytes(): number {
    const each = Math.floor(this.totalBytes / Math.max(1, this.running));
    return Math.min(this.maxBytes, Math.max(this.minBytes, each));
  }

  acquire(): WriteShare {
    this.running++;
    let held = true;
    return {
      bytes: () => this.shareBytes(),
      release: () => {
        if (!held) return;
        held = false;
        this.running--;
      },
    };
  }
}
