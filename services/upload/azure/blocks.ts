/**
 * Block bookkeeping for the Azure upload store: fixed-length block ids that sort in staging order,
 * and a reader that cuts a request stream into bounded blocks (at most `blockSize` bytes buffered),
 * so a multi-GB PATCH never sits in memory.
 */
import type { Readable } from 'node:stream';

const ID_DIGITS = 6; // 999,999 blocks: above the 100,000-uncommitted / 50,000-committed service limits

/** Block ids of one blob must all have the same length; the index makes them sort in order. */
export function blockIdFor(index: number): string {
  return Buffer.from(`tus-${String(index).padStart(ID_DIGITS, '0')}`).toString('base64');
}

export function blockIndexOf(blockId: string): number | undefined {
  const m = /^tus-(\d+)$/.exec(Buffer.from(blockId, 'base64').toString('utf8'));
  return m ? Number(m[1]) : undefined;
}

/**
 * Calls `stage(block)` for every `blockSize` bytes read from `input`, and once more for the rest.
 * Reading pauses while a block is being staged (backpressure). When the input fails mid-way, the
 * bytes already received are staged before the error is rethrown (tus keeps received bytes).
 * Resolves to the number of bytes staged.
 */
export async function stageInBlocks(
  input: Readable | AsyncIterable<Buffer | string>,
  blockSize: number,
  stage: (block: Buffer) => Promise<void>,
): Promise<number> {
  let parts: Buffer[] = [];
  let buffered = 0;
  let total = 0;
  const flush = async (bytes: number) => {
    const all = parts.length === 1 ? parts[0]! : Buffer.concat(parts, buffered);
    const block = all.subarray(0, bytes);
    const rest = all.subarray(bytes);
    await stage(block);
    total += block.length;
    parts = rest.length > 0 ? [rest] : [];
    buffered = rest.length;
  };
  try {
    for await (const chunk of input) {
      const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      if (buf.length === 0) continue;
      parts.push(buf);
      buffered += buf.length;
      while (buffered >= blockSize) await flush(blockSize);
    }
  } catch (err) {
    if (buffered > 0) await flush(buffered).catch(() => undefined);
    throw err;
  }
  if (buffered > 0) await flush(buffered);
  return total;
}
