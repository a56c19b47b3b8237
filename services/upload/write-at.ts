/**
 * Streams a readable into an open file at a position, the way an upload needs it fast: the source
 * keeps flowing while writes are in the kernel, and whatever arrived meanwhile goes down in one
 * positional `writev` (one thread-pool round trip per batch, not per 64 KB socket read). An fs
 * WriteStream instead stops reading at 16 KB of buffered data, so reading and writing take turns.
 * Up to `maxInFlight` batches are written at once, each at its own position.
 *
 * Guarantees: the promise resolves (with the byte count) only after every byte the source produced
 * (up to an abort through `signal`: every byte that arrived before it)
 * is in the file at consecutive positions; memory is bounded by `maxPendingBytes` queued plus the
 * batches being written; on a failed write or source error it rejects only after every write in
 * flight returned (so the caller may close the fd at once), with the file cut back to the bytes
 * that arrived without a gap (`written` in the error), so its size stays the true upload offset.
 */
import fs from 'node:fs';
import type { Readable } from 'node:stream';

export interface WriteAtOptions {
  /**
   * Queued bytes at which the source is paused until the queue is handed to a write (default 256 KB);
   * a function is asked again for every chunk (a share of a budget that changes, write-budget.ts).
   */
  maxPendingBytes?: number | (() => number);
  /** Batches written concurrently, each by its own thread-pool thread (default 2). */
  maxInFlight?: number;
  /**
   * The most bytes the source may carry: the chunk that would pass it is not written, and the
   * promise rejects with a WriteAtError whose cause is a BodyTooLargeError (the bytes before stay).
   */
  maxBytes?: number;
  /**
   * Ends the write early and gracefully: the source is paused and left alone, what arrived before
   * is written, and the promise resolves with that count (a cancelled tus PATCH keeps its bytes).
   * Already aborted when called: rejects with the signal's reason.
   */
  signal?: AbortSignal;
  /** Told the size of every chunk as it arrives (progress; keep it cheap). */
  onReceived?: (bytes: number) => void;
}

/** The source carried more than `maxBytes`. */
export class BodyTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`the body is larger than ${maxBytes} bytes`);
    this.name = 'BodyTooLargeError';
  }
}

/** IOV_MAX on Linux: more buffers than this in one writev would be split by libuv anyway. */
const MAX_BUFFERS = 1024;

/** A failed write or source; `cause` is the original error. */
export class WriteAtError extends Error {
  constructor(
    cause: unknown,
    /** Bytes in the file, without a gap, from the start position when it failed. */
    readonly written: number,
  ) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
    this.name = 'WriteAtError';
  }
}

interface Batch {
  /** Offset from the start position. */
  at: number;
  bytes: number;
  /** Bytes of this batch written so far (the head of the batch, without a gap). */
  done: number;
}

const sum = (bufs: readonly Buffer[]) => bufs.reduce((s, b) => s + b.length, 0);

export function writeStreamAt(fd: number, source: Readable, position: number, options: WriteAtOptions = {}): Promise<number> {
  const limit = options.maxPendingBytes ?? 256 * 1024;
  const maxPending = typeof limit === 'function' ? () => Math.max(1, limit()) : () => Math.max(1, limit);
  const maxInFlight = Math.max(1, Math.floor(options.maxInFlight ?? 2));
  const { maxBytes = Infinity, signal, onReceived } = options;
  return new Promise<number>((resolve, reject) => {
    let queue: Buffer[] = [];
    let queued = 0;
    /** Bytes handed to writes so far (the next batch starts here). */
    let dispatched = 0;
    /** Batches not yet fully written, in position order. */
    const open: Batch[] = [];
    let inFlight = 0;
    /** Bytes from the start position known to be in the file without a gap. */
    let contiguous = 0;
    let ended = false;
    /** Aborted through the signal: the source is left paused. */
    let stopped = false;
    let pausedByUs = false;
    let failure: { err: unknown } | undefined;
    let settled = false;

    const cleanup = () => {
      source.off('data', onData);
      source.off('end', onEnd);
      source.off('error', onError);
      source.off('close', onClose);
      signal?.removeEventListener('abort', onAbort);
    };
    const advance = () => {
      while (open.length && open[0]!.done === open[0]!.bytes) contiguous += open.shift()!.bytes;
    };
    const settle = () => {
      if (settled || inFlight > 0) return; // a write in flight settles when it returns
      if (failure) {
        settled = true;
        cleanup();
        if (pausedByUs) source.pause();
        // A later batch may have landed while an earlier one failed: cut the file back to the gap-free
        // head, so its size (the offset a resume reads) never counts bytes that are not all there.
        const head = contiguous + (open[0]?.done ?? 0);
        const err = new WriteAtError(failure.err, head);
        if (dispatched > head) fs.ftruncate(fd, position + head, () => reject(err));
        else reject(err);
      } else if (ended && queue.length === 0) {
        settled = true;
        cleanup();
        resolve(contiguous);
      }
    };
    const fail = (err: unknown) => {
      failure ??= { err };
      queue = [];
      queued = 0;
      settle();
    };

    const writeBatch = (batch: Batch, bufs: Buffer[]) => {
      inFlight++;
      fs.writev(fd, bufs, position + batch.at + batch.done, (err, n) => {
        inFlight--;
        batch.done += n ?? 0;
        if (err) return fail(err);
        if (batch.done < batch.bytes && !failure) {
          // A short write (e.g. the disk filled up mid-batch): write the rest; the next call says why.
          if (!n) return fail(Object.assign(new Error('write made no progress'), { code: 'EIO' }));
          let skip = n;
          const rest: Buffer[] = [];
          for (const b of bufs) {
            if (skip >= b.length) skip -= b.length;
            else {
              rest.push(skip ? b.subarray(skip) : b);
              skip = 0;
            }
          }
          return writeBatch(batch, rest);
        }
        advance();
        pump();
      });
    };

    const pump = () => {
      while (!failure && queue.length && inFlight < maxInFlight) {
        let bufs: Buffer[];
        if (queue.length <= MAX_BUFFERS) {
          bufs = queue;
          queue = [];
        } else bufs = queue.splice(0, MAX_BUFFERS);
        const bytes = sum(bufs);
        queued -= bytes;
        const batch: Batch = { at: dispatched, bytes, done: 0 };
        dispatched += bytes;
        open.push(batch);
        writeBatch(batch, bufs);
      }
      // The queue went to the kernel: let the source fill the next batch while it is written.
      if (pausedByUs && queued < maxPending() && !failure && !stopped) {
        pausedByUs = false;
        source.resume();
      }
      settle();
    };

    function onData(chunk: Buffer) {
      if (failure) return;
      // Every byte accepted so far is either handed to a write or still queued.
      if (dispatched + queued + chunk.length > maxBytes) return fail(new BodyTooLargeError(maxBytes));
      onReceived?.(chunk.length);
      queue.push(chunk);
      queued += chunk.length;
      if (queued >= maxPending() && !pausedByUs) {
        pausedByUs = true;
        source.pause();
      }
      if (inFlight < maxInFlight) pump();
    }
    function onEnd() {
      ended = true;
      pump();
    }
    function onAbort() {
      if (ended || failure) return;
      // Set before anything else: a 'close' being emitted right now still reaches onClose.
      ended = true;
      stopped = true;
      source.off('data', onData);
      source.pause();
      pump();
    }
    function onError(err: unknown) {
      if (!stopped) fail(err); // after an abort the source is no longer ours: its fate changes nothing
    }
    function onClose() {
      if (!ended) fail(Object.assign(new Error('the source closed before its end'), { code: 'ERR_STREAM_PREMATURE_CLOSE' }));
    }

    // Already over before we were handed it: nothing will be emitted any more.
    if (source.readableEnded) return resolve(0);
    if (source.destroyed) return reject(new WriteAtError(source.errored ?? Object.assign(new Error('the source was destroyed'), { code: 'ERR_STREAM_PREMATURE_CLOSE' }), 0));

    if (signal?.aborted) return reject(signal.reason);
    signal?.addEventListener('abort', onAbort, { once: true });
    source.on('data', onData);
    source.once('end', onEnd);
    source.once('error', onError);
    source.once('close', onClose);
  });
}
