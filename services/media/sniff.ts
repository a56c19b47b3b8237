/**
 * Recognises a media container from its first bytes. The upload's file name and the client's MIME
 * type are never trusted (ARCHITECTURE §3): a PDF renamed to .mp4 must fail here, before ffprobe
 * spends time on it, and a real MP4 named .txt must pass.
 */
import { open } from 'node:fs/promises';
import { mediaError } from './errors.js';

export type Container = 'mp4' | 'mov' | 'webm' | 'matroska' | 'wav' | 'mp3' | 'ogg' | 'flac' | 'aac';

/** Enough for every signature below, including an ID3 tag followed by the first audio frame. */
export const SNIFF_BYTES = 64 * 1024;

const ascii = (b: Uint8Array, at: number, len: number): string =>
  at + len <= b.length ? String.fromCharCode(...b.subarray(at, at + len)) : '';

/** QuickTime files written before the `ftyp` box existed start with one of these atoms. */
const LEGACY_QT_ATOMS = new Set(['moov', 'mdat', 'wide', 'free', 'pnot']);

function isoBmff(b: Uint8Array): Container | null {
  const box = ascii(b, 4, 4);
  if (box === 'ftyp') return ascii(b, 8, 4) === 'qt  ' ? 'mov' : 'mp4';
  return LEGACY_QT_ATOMS.has(box) ? 'mov' : null;
}

function ebml(b: Uint8Array): Container | null {
  if (!(b[0] === 0x1a && b[1] === 0x45 && b[2] === 0xdf && b[3] === 0xa3)) return null;
  // The DocType string sits inside the EBML header, within its first few dozen bytes.
  const header = ascii(b, 0, Math.min(b.length, 64));
  return header.includes('webm') ? 'webm' : 'matroska';
}

/** ADTS: 12-bit sync, layer bits 00. A second header right after the first frame confirms it. */
function isAdtsAt(b: Uint8Array, at: number): boolean {
  const b0 = b[at], b1 = b[at + 1];
  if (b0 === undefined || b1 === undefined) return false;
  return b0 === 0xff && (b1 & 0xf6) === 0xf0;
}
function adts(b: Uint8Array, at: number): boolean {
  if (!isAdtsAt(b, at) || at + 6 > b.length) return false;
  const frameLen = ((b[at + 3]! & 0x03) << 11) | (b[at + 4]! << 3) | (b[at + 5]! >> 5);
  if (frameLen < 7) return false;
  const next = at + frameLen;
  // A stream shorter than our window ends after one frame; accept it.
  return next + 2 > b.length || isAdtsAt(b, next);
}

/** MPEG audio frame header: 11-bit sync and no reserved values in version, layer, bitrate, rate. */
function mpegAudioFrame(b: Uint8Array, at: number): boolean {
  const b1 = b[at + 1], b2 = b[at + 2];
  if (b[at] !== 0xff || b1 === undefined || b2 === undefined) return false;
  if ((b1 & 0xe0) !== 0xe0) return false;
  const version = (b1 >> 3) & 0x03;
  const layer = (b1 >> 1) & 0x03;
  const bitrate = b2 >> 4;
  const rate = (b2 >> 2) & 0x03;
  return version !== 0x01 && layer !== 0x00 && bitrate !== 0x0f && rate !== 0x03;
}

/** After an ID3v2 tag can come MP3, but also ADTS AAC or FLAC; look past the tag when we can. */
function afterId3(b: Uint8Array): Container {
  const size = ((b[6]! & 0x7f) << 21) | ((b[7]! & 0x7f) << 14) | ((b[8]! & 0x7f) << 7) | (b[9]! & 0x7f);
  const footer = (b[5]! & 0x10) !== 0 ? 10 : 0;
  const at = 10 + size + footer;
  if (at >= b.length) return 'mp3'; // tag (cover art) larger than our window: MP3 by far the likeliest
  if (ascii(b, at, 4) === 'fLaC') return 'flac';
  if (adts(b, at)) return 'aac';
  return 'mp3';
}

/** Pure: the container these leading bytes belong to. Throws `empty_file` / `unsupported_format`. */
export function sniffContainer(head: Uint8Array): Container {
  if (head.length === 0) throw mediaError('empty_file', 'The file is empty (0 bytes)');
  const found =
    isoBmff(head) ??
    ebml(head) ??
    (ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 4) === 'WAVE' ? 'wav' : null) ??
    ((ascii(head, 0, 4) === 'RF64' || ascii(head, 0, 4) === 'BW64') && ascii(head, 8, 4) === 'WAVE' ? 'wav' : null) ??
    (ascii(head, 0, 4) === 'OggS' ? 'ogg' : null) ??
    (ascii(head, 0, 4) === 'fLaC' ? 'flac' : null) ??
    (ascii(head, 0, 3) === 'ID3' && head.length >= 10 ? afterId3(head) : null) ??
    (adts(head, 0) ? 'aac' : null) ??
    (mpegAudioFrame(head, 0) ? 'mp3' : null);
  if (!found) {
    throw mediaError('unsupported_format', 'The file is not a supported audio or video format (by its content)');
  }
  return found;
}

/** Reads the first bytes of a file and sniffs them. */
export async function sniffFile(path: string): Promise<Container> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await fh.read(buf, 0, SNIFF_BYTES, 0);
    return sniffContainer(buf.subarray(0, bytesRead));
  } finally {
    await fh.close();
  }
}
