import { describe, expect, it } from '@jest/globals';
import { sniffContainer } from '../../../services/media/sniff.js';
import { thrownBy } from './thrown.js';

const bytes = (...parts: (string | number[])[]): Uint8Array =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));
const u32be = (n: number): number[] => [(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff];

/** A 7-byte ADTS header (no CRC) for a frame of `len` bytes, padded to that length. */
const adtsFrame = (len: number): number[] => {
  const h = [0xff, 0xf1, 0x50, 0x80 | ((len >> 11) & 0x03), (len >> 3) & 0xff, ((len & 0x07) << 5) | 0x1f, 0xfc];
  return [...h, ...new Array<number>(len - 7).fill(0)];
};

describe('sniffContainer', () => {
  it.each([
    ['mp4', bytes(u32be(24), 'ftypisom', [0, 0, 2, 0], 'isomiso2')],
    ['mp4', bytes(u32be(28), 'ftypM4A ', [0, 0, 0, 0], 'M4A mp42isom')], // m4a is the same container
    ['mov', bytes(u32be(20), 'ftypqt  ', [0, 0, 2, 0], 'qt  ')],
    ['mov', bytes(u32be(8), 'wide', u32be(100), 'mdat')],
    ['webm', bytes([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01, 0x42, 0x82, 0x84], 'webm')],
    ['matroska', bytes([0x1a, 0x45, 0xdf, 0xa3, 0xa3, 0x42, 0x86, 0x81, 0x01, 0x42, 0x82, 0x88], 'matroska')],
    ['wav', bytes('RIFF', [0x24, 0, 0, 0], 'WAVEfmt ')],
    ['wav', bytes('RF64', [0xff, 0xff, 0xff, 0xff], 'WAVEds64')],
    ['ogg', bytes('OggS', [0, 2, 0, 0])],
    ['flac', bytes('fLaC', [0, 0, 0, 0x22])],
    ['mp3', bytes('ID3', [4, 0, 0, 0, 0, 0, 0], [0xff, 0xfb, 0x90, 0x64])],
    ['mp3', bytes([0xff, 0xfb, 0x90, 0x64, 0, 0])], // MPEG-1 layer III frame, no tag
    ['mp3', bytes([0xff, 0xf3, 0x44, 0xc4])], // MPEG-2 layer III (16 kHz speech)
    ['aac', bytes(adtsFrame(20), adtsFrame(20))],
    ['aac', bytes('ID3', [4, 0, 0, 0, 0, 0, 0], adtsFrame(12), adtsFrame(12))],
    ['flac', bytes('ID3', [4, 0, 0, 0, 0, 0, 2], [0, 0], 'fLaC')],
  ])('recognises %s from its magic bytes', (expected, head) => {
    expect(sniffContainer(head)).toBe(expected);
  });

  it('rejects 0 bytes as empty_file', () => {
    expect(thrownBy(() => sniffContainer(new Uint8Array(0))).code).toBe('empty_file');
  });

  it.each([
    ['plain text', bytes('This is a text file pretending to be a video.\n')],
    ['PNG', bytes([0x89], 'PNG\r\n', [0x1a, 0x0a])],
    ['JPEG', bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10], 'JFIF')],
    ['PDF', bytes('%PDF-1.7\n')],
    ['ZIP/docx', bytes('PK', [3, 4, 20, 0])],
    ['HTML', bytes('<!doctype html><html>')],
    ['RIFF but not WAVE (AVI)', bytes('RIFF', [0, 0, 0, 0], 'AVI LIST')],
    ['frame sync with reserved MPEG version', bytes([0xff, 0xeb, 0x90, 0x64])],
    ['frame sync with bad bitrate', bytes([0xff, 0xfb, 0xf0, 0x64])],
    ['ADTS header whose next frame is missing', bytes(adtsFrame(20), [0x41, 0x42, 0x43])],
    ['a single byte', bytes([0x00])],
  ])('rejects %s as unsupported_format', (_name, head) => {
    expect(thrownBy(() => sniffContainer(head)).code).toBe('unsupported_format');
  });
});
