/**
 * The bad-input corpus (test/fixtures/bad/manifest.json): its types, and the recipes that turn a
 * case's `input` into bytes. Small inputs are checked in under files/; everything else is derived
 * from them or generated here at test time, deterministically, so git never holds a big file.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { repoRoot } from './testdata.js';

export const BAD_DIR = path.join(repoRoot, 'test', 'fixtures', 'bad');

export type Expect = { status: number; code: string } | { failed: string } | { completed: true };

export interface Input {
  file?: string;
  from?: string;
  keepFraction?: number;
  keepBytes?: number;
  scaleMp4Duration?: number;
  scaleXingFrames?: number;
  id3TagBytes?: number;
  generate?: 'wav' | 'random' | 'repeat' | 'utf16Text' | 'vttCues' | 'vttOneCue' | 'nestedJson' | 'bigJson';
  text?: string;
  [param: string]: unknown;
}

export interface BadCase {
  id: string;
  kind: 'upload' | 'tus-create' | 'transcript' | 'json' | 'url';
  what: string;
  input?: Input;
  expect: Expect;
  filename?: string;
  filetype?: string;
  rawMetadata?: string;
  route?: string;
  query?: string;
  chunked?: boolean;
  gzip?: boolean;
  headers?: Record<string, string>;
}

export function loadCorpus(): BadCase[] {
  return (JSON.parse(fs.readFileSync(path.join(BAD_DIR, 'manifest.json'), 'utf8')) as { cases: BadCase[] }).cases;
}

/** `{random}` → a fresh id, `{long:N}` → an N-character name. */
export const expandName = (name: string): string =>
  name.replace('{random}', randomUUID()).replace(/\{long:(\d+)\}/, (_m, n: string) => `${'a'.repeat(Number(n) - 4)}.wav`);

/** The bytes of a case's input (gzip applied when the case says so). */
export function materialise(c: BadCase): Buffer {
  const raw = build(c.input ?? {});
  return c.gzip ? gzipSync(raw, { level: 9 }) : raw;
}

function build(i: Input): Buffer {
  if (i.file !== undefined) return fs.readFileSync(path.join(BAD_DIR, 'files', i.file));
  if (i.from !== undefined) return derive(fs.readFileSync(path.join(BAD_DIR, 'files', i.from)), i);
  if (i.generate === undefined) return Buffer.from(i.text ?? '', 'utf8');
  const n = (k: string): number => Number(i[k]);
  switch (i.generate) {
    case 'wav': return wav(i);
    case 'random': return Buffer.concat([i.prefixHex ? Buffer.from(String(i.prefixHex), 'hex') : Buffer.from(String(i.prefix ?? ''), 'latin1'), prng(n('bytes'), 7)]);
    case 'repeat': return Buffer.concat([Buffer.from(String(i.head ?? '')), Buffer.alloc(n('bytes') - String(i.head ?? '').length, String(i.text ?? 'a'))]);
    case 'utf16Text': return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(i.text ?? 'This is a text file, saved as UTF-16.\n', 'utf16le')]);
    case 'vttCues': return vttCues(n('count'));
    case 'vttOneCue': return vttOneCue(n('bytes'));
    case 'nestedJson': return nestedJson(n('depth'), i.shape === 'array');
    case 'bigJson': return Buffer.from(`{"title":"big","prepNotes":"${'x'.repeat(n('bytes'))}"}`);
  }
}

/** Cuts, patches or pads a real file. */
function derive(src: Buffer, i: Input): Buffer {
  if (i.keepFraction !== undefined) return src.subarray(0, Math.floor(src.length * i.keepFraction));
  if (i.keepBytes !== undefined) return src.subarray(0, i.keepBytes);
  if (i.scaleMp4Duration !== undefined) return scaleMp4Durations(src, i.scaleMp4Duration, ['mvhd']);
  if (i.scaleXingFrames !== undefined) return scaleXing(src, i.scaleXingFrames);
  if (i.id3TagBytes !== undefined) return Buffer.concat([id3TextTag(i.id3TagBytes), src]);
  throw new Error(`no recipe in ${JSON.stringify(i)}`);
}

/** A PCM WAV of a 440 Hz tone with any header field overridden. */
function wav(i: Input): Buffer {
  if (i.riffOnly) return Buffer.from('RIFF\0\0\0\0WAVE', 'latin1');
  const rate = typeof i.rate === 'number' ? i.rate : 16000;
  const channels = typeof i.channels === 'number' ? i.channels : 1;
  const samples = Math.max(1, Math.round(Number(i.seconds ?? 1) * 16000));
  const data = Buffer.alloc(samples * 2);
  for (let s = 0; s < samples; s++) data.writeInt16LE(Math.round(8000 * Math.sin((2 * Math.PI * 440 * s) / 16000)), s * 2);
  const fmt = Buffer.alloc(24);
  fmt.write('fmt ', 0, 'latin1');
  fmt.writeUInt32LE(16, 4);
  fmt.writeUInt16LE(typeof i.formatTag === 'number' ? i.formatTag : 1, 8);
  fmt.writeUInt16LE(channels, 10);
  fmt.writeUInt32LE(rate, 12);
  fmt.writeUInt32LE(rate * channels * 2, 16);
  fmt.writeUInt16LE(channels * 2, 20);
  fmt.writeUInt16LE(16, 22);
  const list = typeof i.listChunkBytes === 'number' ? chunk('LIST', Buffer.concat([Buffer.from('INFO', 'latin1'), chunk('ICMT', Buffer.alloc(i.listChunkBytes - 12, 0x41))])) : Buffer.alloc(0);
  const dataHead = Buffer.alloc(8);
  dataHead.write('data', 0, 'latin1');
  dataHead.writeUInt32LE(typeof i.declaredDataBytes === 'number' ? i.declaredDataBytes : data.length, 4);
  const body = Buffer.concat([Buffer.from('WAVE', 'latin1'), list, fmt, dataHead, data]);
  const head = Buffer.alloc(8);
  head.write('RIFF', 0, 'latin1');
  head.writeUInt32LE(body.length, 4);
  return Buffer.concat([head, body]);
}

function chunk(id: string, payload: Buffer): Buffer {
  const h = Buffer.alloc(8);
  h.write(id, 0, 'latin1');
  h.writeUInt32LE(payload.length, 4);
  return Buffer.concat([h, payload, Buffer.alloc(payload.length % 2)]);
}

/** Multiplies the duration field of the named ISO-BMFF boxes (version 0 layout). */
function scaleMp4Durations(src: Buffer, factor: number, boxes: string[]): Buffer {
  const out = Buffer.from(src);
  for (const box of boxes) {
    const at = out.indexOf(box, 0, 'latin1');
    if (at < 0 || out[at + 4] !== 0) throw new Error(`no version-0 ${box} box`);
    // size(4) type(4) | version+flags(4) created(4) modified(4) timescale(4) duration(4)
    out.writeUInt32BE(Math.min(0xffffffff, out.readUInt32BE(at + 20) * factor), at + 20);
  }
  return out;
}

/** Multiplies the frame count of the Xing/Info header of an MP3. */
function scaleXing(src: Buffer, factor: number): Buffer {
  const out = Buffer.from(src);
  const at = Math.max(out.indexOf('Xing', 0, 'latin1'), out.indexOf('Info', 0, 'latin1'));
  if (at < 0 || !(out.readUInt32BE(at + 4) & 1)) throw new Error('no Xing/Info frame count');
  out.writeUInt32BE(out.readUInt32BE(at + 8) * factor, at + 8);
  return out;
}

/** An ID3v2.4 tag with one TXXX text frame of about `bytes` bytes. */
function id3TextTag(bytes: number): Buffer {
  const syncsafe = (n: number) => Buffer.from([(n >> 21) & 0x7f, (n >> 14) & 0x7f, (n >> 7) & 0x7f, n & 0x7f]);
  const body = Buffer.concat([Buffer.from([3]), Buffer.from('comment\0', 'latin1'), Buffer.alloc(bytes, 0x41)]);
  const frame = Buffer.concat([Buffer.from('TXXX', 'latin1'), syncsafe(body.length), Buffer.alloc(2), body]);
  return Buffer.concat([Buffer.from('ID3\x04\x00\x00', 'latin1'), syncsafe(frame.length), frame]);
}

const ts = (sec: number) => `${String(Math.floor(sec / 3600)).padStart(2, '0')}:${String(Math.floor((sec % 3600) / 60)).padStart(2, '0')}:${String(sec % 60).padStart(2, '0')}.000`;

/** `count` tiny cues, each a different second of the day. */
function vttCues(count: number): Buffer {
  const parts = ['WEBVTT\n\n'];
  for (let i = 0; i < count; i++) parts.push(`${ts(i % 86_000)} --> ${ts(i % 86_000)}\nword\n\n`);
  return Buffer.from(parts.join(''));
}

function vttOneCue(bytes: number): Buffer {
  const head = 'WEBVTT\n\n00:00:00.000 --> 03:00:00.000\n<v Candidate>';
  const words = 'so we rebuilt the billing pipeline and cut latency by half ';
  return Buffer.from(head + words.repeat(Math.ceil(bytes / words.length)).slice(0, bytes - head.length) + '\n');
}

function nestedJson(depth: number, arrays: boolean): Buffer {
  return Buffer.from(arrays ? `{"url":"http://x","events":${'['.repeat(depth)}${']'.repeat(depth)}}` : `{"title":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}`);
}

/** Deterministic noise (xorshift32), so a failing case replays byte for byte. */
function prng(bytes: number, seed: number): Buffer {
  const out = Buffer.alloc(bytes);
  let x = seed;
  for (let i = 0; i < bytes; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}
