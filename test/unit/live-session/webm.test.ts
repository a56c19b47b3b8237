/** The WebM helpers restart a decoder mid-recording: Cluster boundaries and their timecodes. */
import { describe, expect, it } from '@jest/globals';
import { clusterStart, clusterTimecodeMs } from '../../../services/live/webm.js';
import { webm } from './harness.js';

describe('webm', () => {
  it('finds each Cluster and reads its timecode', () => {
    const rec = webm([{ ms: 0, bytes: 10 }, { ms: 1234, bytes: 10 }]);
    expect(clusterStart(rec.bytes)).toBe(rec.headLength);
    expect(clusterStart(rec.bytes, rec.headLength + 1)).toBe(rec.clusterAt[1]);
    expect(clusterTimecodeMs(rec.bytes, rec.clusterAt[0]!)).toBe(0);
    expect(clusterTimecodeMs(rec.bytes, rec.clusterAt[1]!)).toBe(1234);
  });

  it('reads a one-byte size and a one-byte timecode too', () => {
    const b = Buffer.from([0x1f, 0x43, 0xb6, 0x75, 0x85, 0xe7, 0x81, 0x07, 0x00, 0x00]);
    expect(clusterTimecodeMs(b, 0)).toBe(7);
  });

  it('answers -1 / null when there is no Cluster or it is cut off', () => {
    expect(clusterStart(Buffer.from([0x1f, 0x43, 0xb6]))).toBe(-1);
    const rec = webm([{ ms: 500, bytes: 10 }]);
    expect(clusterTimecodeMs(rec.bytes.subarray(0, rec.clusterAt[0]! + 14), rec.clusterAt[0]!)).toBeNull();
    expect(clusterTimecodeMs(Buffer.from([0x1f, 0x43, 0xb6, 0x75, 0x85, 0xa3, 0x81, 0x07]), 0)).toBeNull();
    expect(clusterTimecodeMs(Buffer.from([0x1f, 0x43, 0xb6, 0x75, 0x00]), 0)).toBeNull();
  });
});
