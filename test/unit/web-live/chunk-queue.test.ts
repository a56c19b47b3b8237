import { describe, expect, it } from '@jest/globals';
import { ChunkQueue } from '../../../web/src/lib/chunk-queue.js';

const bytes = (from: number, n: number) => Uint8Array.from({ length: n }, (_, i) => (from + i) % 256);

describe('ChunkQueue (live practice upload backlog)', () => {
  it('addresses pushes by offset, joins them up to max, forgets acknowledged bytes', () => {
    const q = new ChunkQueue(1000);
    expect(q.push(bytes(0, 10))).toBe(true);
    expect(q.push(bytes(10, 5))).toBe(true);
    expect(q.push(new Uint8Array(0))).toBe(true);
    expect(q.recorded).toBe(15);
    const all = q.take(0, 100)!;
    expect(all.offset).toBe(0);
    expect([...all.data]).toEqual([...bytes(0, 15)]);
    const part = q.take(3, 9)!;
    expect(part.offset).toBe(3);
    expect([...part.data]).toEqual([...bytes(3, 9)]);
    q.ack(12);
    expect(q.unacked).toBe(3);
    expect([...q.take(12, 100)!.data]).toEqual([...bytes(12, 3)]);
    expect(q.take(15, 100)).toBeUndefined();
    q.ack(15);
    expect(q.unacked).toBe(0);
    expect(q.take(15, 100)).toBeUndefined();
  });

  it('re-sends from what the server holds after a resume (mid-chunk too)', () => {
    const q = new ChunkQueue(1000);
    q.push(bytes(0, 8));
    q.push(bytes(8, 8));
    q.ack(4);
    expect([...q.take(4, 100)!.data]).toEqual([...bytes(4, 12)]);
    q.ack(2); // an older ack changes nothing
    expect(q.acked).toBe(4);
    q.ack(9);
    expect(() => q.take(0, 100)).toThrow(/already acknowledged/);
    q.ack(99); // never past what was recorded
    expect(q.acked).toBe(16);
  });

  it('is bounded: a push past maxUnackedBytes is refused, and so is every later one', () => {
    const q = new ChunkQueue(20);
    expect(q.push(bytes(0, 15))).toBe(true);
    expect(q.push(bytes(15, 10))).toBe(false);
    expect(q.overflowed).toBe(true);
    q.ack(15);
    expect(q.push(bytes(15, 1))).toBe(false); // a gap would corrupt the stream
    expect(q.recorded).toBe(15);
  });

  it('drop forgets everything unacknowledged', () => {
    const q = new ChunkQueue(100);
    q.push(bytes(0, 30));
    q.drop();
    expect(q.unacked).toBe(0);
    expect(q.take(30, 10)).toBeUndefined();
  });
});
