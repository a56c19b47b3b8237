/**
 * The live recording's bytes the server has not acknowledged yet (issue 17), addressed by their
 * offset in the recording. Bounded: once holding more would pass `maxUnackedBytes` the queue refuses
 * that push and every later one (a gap would corrupt the WebM stream), so the recorder must stop.
 */
export interface Chunk { offset: number; data: Uint8Array<ArrayBuffer> }

export class ChunkQueue {
  private parts: Chunk[] = [];
  /** Bytes recorded so far: the offset of the next push. */
  recorded = 0;
  /** The server holds every byte before this offset. */
  acked = 0;
  /** Set by the first refused push; the queue then takes no more. */
  overflowed = false;

  constructor(readonly maxUnackedBytes: number) {}

  get unacked(): number {
    return this.recorded - this.acked;
  }

  /** Appends `data`; false when it would pass the bound (nothing is kept, and no later push is). */
  push(data: Uint8Array<ArrayBuffer>): boolean {
    if (this.overflowed) return false;
    if (data.byteLength === 0) return true;
    if (this.unacked + data.byteLength > this.maxUnackedBytes) {
      this.overflowed = true;
      return false;
    }
    this.parts.push({ offset: this.recorded, data });
    this.recorded += data.byteLength;
    return true;
  }

  /** The server holds everything before `receivedBytes`: forget it. */
  ack(receivedBytes: number): void {
    const upTo = Math.min(receivedBytes, this.recorded);
    if (upTo <= this.acked) return;
    this.acked = upTo;
    while (this.parts[0] && this.parts[0].offset + this.parts[0].data.byteLength <= upTo) this.parts.shift();
  }

  /** Forgets every unacknowledged byte (the server will take no more of this recording). */
  drop(): void {
    this.parts = [];
    this.acked = this.recorded;
  }

  /**
   * Up to `max` bytes starting at offset `from`, joined into one chunk; undefined when nothing is
   * held there. Throws when `from` is before what is still held (those bytes were acknowledged).
   */
  take(from: number, max: number): Chunk | undefined {
    const first = this.parts[0];
    if (!first || from >= this.recorded) return undefined;
    if (from < first.offset) throw new Error(`bytes from ${from} were already acknowledged and are gone`);
    const pieces: Uint8Array<ArrayBuffer>[] = [];
    let size = 0;
    for (const p of this.parts) {
      const end = p.offset + p.data.byteLength;
      if (end <= from) continue;
      const start = Math.max(0, from + size - p.offset);
      const piece = p.data.subarray(start, Math.min(p.data.byteLength, start + max - size));
      pieces.push(piece);
      size += piece.byteLength;
      if (size >= max) break;
    }
    if (pieces.length === 1) return { offset: from, data: pieces[0]! };
    const data = new Uint8Array(size);
    let at = 0;
    for (const piece of pieces) {
      data.set(piece, at);
      at += piece.byteLength;
    }
    return { offset: from, data };
  }
}
