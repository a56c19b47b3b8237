/**
 * writeStreamAt (services/upload/write-at.ts), the upload write path: bytes in order at the right
 * position whatever the batching and concurrency, memory bounded by back-pressure, and on failure a
 * file cut back to its gap-free head, rejected only after every write in flight returned.
 */
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { BodyTooLargeError, WriteAtError, writeStreamAt } from '../../../services/upload/write-at.js';

const chunks = (n: number, size: number) => Array.from({ length: n }, (_, i) => Buffer.alloc(size, (i * 7 + 1) & 0xff));

describe('writeStreamAt', () => {
  let dir: string;
  let file: string;
  let fd: number;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'write-at-'));
    file = path.join(dir, 'f');
    fs.writeFileSync(file, 'HEAD');
    fd = fs.openSync(file, 'r+');
  });
  afterEach(() => {
    jest.restoreAllMocks();
    fs.closeSync(fd);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it.each([
    [1, 1],
    [1, 2],
    [64 * 1024, 2],
    [64 * 1024, 4],
  ])('writes every byte in order after the start position (queue %i B, %i in flight)', async (maxPendingBytes, maxInFlight) => {
    const data = chunks(200, 4099);
    const n = await writeStreamAt(fd, Readable.from(data), 4, { maxPendingBytes, maxInFlight });
    expect(n).toBe(200 * 4099);
    expect(fs.readFileSync(file).equals(Buffer.concat([Buffer.from('HEAD'), ...data]))).toBe(true);
  });

  it('an empty source writes nothing', async () => {
    expect(await writeStreamAt(fd, Readable.from([]), 4)).toBe(0);
    expect(fs.readFileSync(file, 'utf8')).toBe('HEAD');
  });

  it('pauses the source while the queue is full, so memory stays bounded', async () => {
    const source = new PassThrough({ highWaterMark: 1 });
    const writev = jest.spyOn(fs, 'writev');
    let maxBatch = 0;
    writev.mockImplementation(((f: number, bufs: Buffer[], pos: number, cb: (e: null, n: number) => void) => {
      const bytes = bufs.reduce((s, b) => s + b.length, 0);
      maxBatch = Math.max(maxBatch, bytes);
      setTimeout(() => cb(null, fs.writevSync(f, bufs, pos)), 2); // a slow disk
    }) as never);
    const done = writeStreamAt(fd, source, 4, { maxPendingBytes: 10_000, maxInFlight: 2 });
    let refused = 0;
    for (const c of chunks(100, 1000)) {
      if (!source.write(c)) {
        refused++;
        await new Promise((r) => source.once('drain', r));
      }
    }
    source.end();
    expect(await done).toBe(100_000);
    expect(refused).toBeGreaterThan(0); // back-pressure reached the writer
    expect(maxBatch).toBeLessThanOrEqual(11_000); // one queue's worth (+ the chunk that filled it)
    expect(fs.statSync(file).size).toBe(100_004);
  });

  it('a queue limit given as a function is asked again as the stream flows (a budget share that shrinks)', async () => {
    const source = new PassThrough({ highWaterMark: 1 });
    const batches: number[] = [];
    jest.spyOn(fs, 'writev').mockImplementation(((f: number, bufs: Buffer[], pos: number, cb: (e: null, n: number) => void) => {
      batches.push(bufs.reduce((s, b) => s + b.length, 0));
      setTimeout(() => cb(null, fs.writevSync(f, bufs, pos)), 2); // a slow disk, so the queue fills
    }) as never);
    let limit = 50_000;
    const done = writeStreamAt(fd, source, 4, { maxPendingBytes: () => limit, maxInFlight: 1 });
    for (const [i, c] of chunks(200, 1000).entries()) {
      if (i === 100) limit = 5_000; // others started: this PATCH's share shrinks mid-stream
      if (!source.write(c)) await new Promise((r) => source.once('drain', r));
    }
    source.end();
    expect(await done).toBe(200_000);
    const early = Math.max(...batches.slice(1, 4));
    const late = Math.max(...batches.slice(-5));
    expect(early).toBeGreaterThan(10_000); // the large share let a large queue build up
    expect(late).toBeLessThanOrEqual(6_000); // the small one paused the source at 5 KB (+ one chunk)
  });

  it('maxBytes: the chunk that passes the limit is not written; the bytes before it stay', async () => {
    const source = new PassThrough();
    const received: number[] = [];
    const done = writeStreamAt(fd, source, 4, { maxBytes: 2500, onReceived: (n) => received.push(n) });
    source.write(Buffer.alloc(1000, 1));
    source.write(Buffer.alloc(1000, 2));
    source.write(Buffer.alloc(1000, 3)); // 3000 > 2500
    const err = (await done.catch((e: unknown) => e)) as WriteAtError;
    expect(err).toBeInstanceOf(WriteAtError);
    expect(err.cause).toBeInstanceOf(BodyTooLargeError);
    expect(err.written).toBe(2000);
    expect(received).toEqual([1000, 1000]);
    expect(fs.readFileSync(file).equals(Buffer.concat([Buffer.from('HEAD'), Buffer.alloc(1000, 1), Buffer.alloc(1000, 2)]))).toBe(true);
    expect(source.destroyed).toBe(false); // the request is not destroyed: the server still answers it
  });

  it('a body of exactly maxBytes is written whole', async () => {
    expect(await writeStreamAt(fd, Readable.from(chunks(5, 500)), 4, { maxBytes: 2500 })).toBe(2500);
  });

  it('an abort ends the write gracefully with what arrived, and leaves the source paused and unread', async () => {
    const source = new PassThrough();
    const abort = new AbortController();
    const done = writeStreamAt(fd, source, 4, { signal: abort.signal });
    source.write(Buffer.alloc(700, 4));
    await new Promise((r) => setTimeout(r, 20));
    abort.abort(new Error('lock wanted elsewhere'));
    source.write(Buffer.alloc(300, 5)); // after the abort: not ours any more
    expect(await done).toBe(700);
    expect(fs.statSync(file).size).toBe(704);
    expect(source.isPaused()).toBe(true);
    expect(source.read()?.length).toBe(300); // still in the source for whoever reads it next
    source.emit('close'); // a close after the abort is not a failure any more
  });

  it('a source that errors after the abort (the client left) does not turn the ended write into a failure', async () => {
    const source = new PassThrough();
    const abort = new AbortController();
    let release: (() => void) | undefined;
    const real = fs.writev;
    jest.spyOn(fs, 'writev').mockImplementation(((f: number, bufs: Buffer[], pos: number, cb: (e: unknown, n: number) => void) => {
      release = () => real(f, bufs, pos, cb as never); // held, so the error arrives while a write is in flight
    }) as never);
    const done = writeStreamAt(fd, source, 4, { signal: abort.signal });
    source.write(Buffer.alloc(500, 6));
    await new Promise((r) => setTimeout(r, 10));
    abort.abort();
    source.destroy(new Error('socket hang up'));
    await new Promise((r) => setTimeout(r, 10));
    release?.();
    expect(await done).toBe(500);
    expect(fs.statSync(file).size).toBe(504);
  });

  it('a signal aborted before the start rejects with its reason and reads nothing', async () => {
    const source = new PassThrough();
    source.write(Buffer.alloc(10));
    const abort = new AbortController();
    const reason = new Error('already cancelled');
    abort.abort(reason);
    await expect(writeStreamAt(fd, source, 4, { signal: abort.signal })).rejects.toBe(reason);
    expect(source.readableLength).toBe(10);
    expect(fs.statSync(file).size).toBe(4);
  });

  it('a failed earlier batch cuts the file back to the gap-free head, after the later batch returned', async () => {
    const real = fs.writev;
    let call = 0;
    const order: string[] = [];
    let failFirst: (() => void) | undefined;
    jest.spyOn(fs, 'writev').mockImplementation(((f: number, bufs: Buffer[], pos: number, cb: (e: unknown, n: number) => void) => {
      const mine = ++call;
      if (mine === 1) {
        // The first batch: half of it lands, then the disk is full; it answers only once the second
        // has returned (held, not timed, so a slow disk cannot swap the order).
        const half = bufs[0]!.subarray(0, 500);
        fs.writeSync(f, half, 0, half.length, pos);
        failFirst = () => {
          order.push('first failed');
          cb(Object.assign(new Error('no space'), { code: 'ENOSPC' }), 0);
        };
        return;
      }
      real(f, bufs, pos, (e, n) => {
        order.push(`batch ${mine} done`);
        cb(e, n);
        setImmediate(() => failFirst?.());
      });
    }) as never);
    const source = new PassThrough();
    const done = writeStreamAt(fd, source, 4, { maxPendingBytes: 1, maxInFlight: 2 });
    source.write(Buffer.alloc(1000, 1)); // batch 1
    source.write(Buffer.alloc(1000, 2)); // batch 2, written while 1 is still in flight
    source.end();
    const err = (await done.catch((e: unknown) => e)) as WriteAtError;
    expect(err).toBeInstanceOf(WriteAtError);
    expect((err.cause as NodeJS.ErrnoException).code).toBe('ENOSPC');
    expect(order).toEqual(['batch 2 done', 'first failed']);
    // Batch 2 reached the disk at 1004..2004, but the bytes before it did not: cut back to 4 + 0.
    expect(err.written).toBe(0);
    expect(fs.statSync(file).size).toBe(4);
  });

  it('a short write is completed, then a failure keeps what arrived', async () => {
    const real = fs.writev;
    let call = 0;
    jest.spyOn(fs, 'writev').mockImplementation(((f: number, bufs: Buffer[], pos: number, cb: (e: unknown, n: number) => void) => {
      call++;
      if (call === 1) return real(f, [bufs[0]!.subarray(0, 300)], pos, cb as never); // short: 300 of 1000
      if (call === 2) return real(f, bufs, pos, cb as never); // the remaining 700
      cb(Object.assign(new Error('no space'), { code: 'ENOSPC' }), 0);
    }) as never);
    const source = new PassThrough();
    const done = writeStreamAt(fd, source, 4, { maxPendingBytes: 1, maxInFlight: 1 });
    source.write(Buffer.alloc(1000, 9));
    setTimeout(() => source.end(Buffer.alloc(1000, 8)), 20);
    const err = (await done.catch((e: unknown) => e)) as WriteAtError;
    expect(err.written).toBe(1000);
    expect(fs.readFileSync(file).equals(Buffer.concat([Buffer.from('HEAD'), Buffer.alloc(1000, 9)]))).toBe(true);
  });

  it('a source error rejects, keeping the bytes before it', async () => {
    const source = new PassThrough();
    const done = writeStreamAt(fd, source, 4);
    source.write(Buffer.alloc(100, 5));
    setTimeout(() => source.destroy(new Error('client went away')), 20);
    const err = (await done.catch((e: unknown) => e)) as WriteAtError;
    expect(err).toBeInstanceOf(WriteAtError);
    expect(err.message).toBe('client went away');
    expect(err.written).toBe(100);
    expect(fs.statSync(file).size).toBe(104);
  });

  it('a source already ended or destroyed when handed over settles at once', async () => {
    const ended = Readable.from([]);
    ended.resume();
    await new Promise((r) => ended.once('end', r));
    expect(await writeStreamAt(fd, ended, 4)).toBe(0);
    const destroyed = new PassThrough();
    destroyed.on('error', () => undefined); // its own owner's concern
    destroyed.destroy(new Error('gone'));
    await expect(writeStreamAt(fd, destroyed, 4)).rejects.toMatchObject({ message: 'gone', written: 0 });
  });

  it('a source that closes without ending is a failure, not a short success', async () => {
    const source = new PassThrough();
    const done = writeStreamAt(fd, source, 4);
    source.write(Buffer.alloc(10, 5));
    setTimeout(() => source.destroy(), 20);
    await expect(done).rejects.toMatchObject({ cause: { code: 'ERR_STREAM_PREMATURE_CLOSE' } });
  });
});
