/**
 * Property-based fuzzing of the media gatekeepers on random bytes: the magic-byte sniffer, the WAV
 * header reader, the ffprobe interpreter, and — with the real ffprobe and ffmpeg — validation and
 * extraction of mutated real files (bit flips, cuts, splices of the checked-in corpus files). Each
 * must answer with a result or a media error code (a PermanentError the interview fails with),
 * never a TypeError/RangeError or a "tool" error that would send a hopeless file round the retry
 * loop. Seeds are fixed per property (fuzz-settings.ts).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { MEDIA_ERROR_CODES } from '../../../services/media/errors.js';
import { extractPcmWav } from '../../../services/media/extract.js';
import { validateMedia } from '../../../services/media/pipeline.js';
import { interpretProbe } from '../../../services/media/probe.js';
import { sniffContainer } from '../../../services/media/sniff.js';
import { parseWavHeader, WavFormatError } from '../../../services/media/wav.js';
import { PermanentError } from '../../../services/shared/errors.js';
import { BAD_DIR } from '../../helpers/bad-corpus.js';
import { fuzzParams, thrown } from './fuzz-settings.js';

const CONTAINERS = ['mp4', 'mov', 'webm', 'matroska', 'wav', 'mp3', 'ogg', 'flac', 'aac'];
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'ib-fuzz-media-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

const isMediaError = (e: unknown, codes: readonly string[] = MEDIA_ERROR_CODES) => e instanceof PermanentError && codes.includes(e.code) && e.status === 422;

const bytes = (max: number) => fc.uint8Array({ maxLength: max });
const u32le = fc.oneof(fc.constantFrom(0, 1, 16, 0xffffffff, 0x7fffffff), fc.nat(5000)).map((n) => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n >>> 0);
  return b;
});
/** Starts of every format the sniffer knows, with random (often invalid) fields after them. */
const magic = fc.oneof(
  fc.tuple(fc.uint8Array({ minLength: 7, maxLength: 7 })).map(([r]) => Buffer.concat([Buffer.from('ID3'), r])),
  fc.constantFrom([0xff, 0xf1], [0xff, 0xf9], [0xff, 0xfb], [0xff, 0xf3], [0xff, 0xfe], [0x1a, 0x45, 0xdf, 0xa3]).map((a) => Buffer.from(a)),
  fc.constantFrom('RIFF\0\0\0\0WAVE', 'RF64\xff\xff\xff\xffWAVE', 'BW64\0\0\0\0WAVE', 'OggS', 'fLaC', '\0\0\0\x18ftypisom', '\0\0\0\x14ftypqt  ', '\0\0\0\x08moov', '\0\0\0\x08wide').map((s) => Buffer.from(s, 'latin1')),
);
const withMagic = fc.tuple(magic, bytes(3000)).map(([m, rest]) => new Uint8Array(Buffer.concat([m, rest])));

describe('sniffContainer on random bytes', () => {
  const check = (head: Uint8Array) => {
    const err = thrown(() => sniffContainer(head));
    if (err === undefined) expect(CONTAINERS).toContain(sniffContainer(head));
    else if (!isMediaError(err, ['empty_file', 'unsupported_format'])) throw err;
  };
  it('any bytes → a container or empty_file / unsupported_format', () => {
    fc.assert(fc.property(bytes(4096), check), fuzzParams(7501, 1000));
  });
  it('known magic followed by noise → the same', () => {
    fc.assert(fc.property(withMagic, check), fuzzParams(7502, 1000));
  });
});

describe('parseWavHeader on random chunk lists', () => {
  const chunk = fc.tuple(fc.oneof(fc.constantFrom('fmt ', 'data', 'LIST', 'JUNK', 'fact'), fc.string({ unit: 'binary-ascii', minLength: 4, maxLength: 4 })), u32le, bytes(40)).map(([id, size, payload]) => Buffer.concat([Buffer.from(id, 'latin1'), size, payload]));
  const header = fc.tuple(fc.array(chunk, { maxLength: 6 }), fc.boolean()).map(([cs, riff]) => new Uint8Array(Buffer.concat([Buffer.from(riff ? 'RIFF\0\0\0\0WAVE' : 'RIFX\0\0\0\0WAVE', 'latin1'), ...cs])));
  it('→ finite, non-negative WavInfo or WavFormatError', () => {
    fc.assert(
      fc.property(fc.oneof(header, bytes(200)), fc.nat(1 << 30), (head, fileSize) => {
        const err = thrown(() => parseWavHeader(head, fileSize));
        if (err !== undefined) {
          if (!(err instanceof WavFormatError)) throw err;
          return;
        }
        const info = parseWavHeader(head, fileSize);
        for (const v of Object.values(info)) expect(Number.isFinite(v) && v >= 0).toBe(true);
        expect(info.dataBytes).toBeLessThanOrEqual(Math.max(0, fileSize - info.dataOffset));
      }),
      fuzzParams(7503, 1000),
    );
  });
});

describe('interpretProbe on ffprobe-shaped JSON with wrong types', () => {
  const loose = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('N/A', 'inf', '-1', '0', '1e400', 'NaN', '3600.5', '10'), fc.double(), fc.integer(), fc.constant(null), fc.boolean(), fc.jsonValue({ maxDepth: 1 }));
  const stream = fc.record(
    { codec_type: fc.oneof(fc.constantFrom('audio', 'video', 'subtitle', 'data'), loose), codec_name: loose, sample_rate: loose, channels: loose, duration: loose, disposition: fc.oneof(fc.record({ attached_pic: fc.oneof(fc.constantFrom(0, 1), loose) }), loose) },
    { requiredKeys: [] },
  );
  const probe = fc.record({ streams: fc.oneof(fc.array(stream, { maxLength: 5 }), loose), format: fc.oneof(fc.record({ format_name: loose, duration: loose }, { requiredKeys: [] }), loose) }, { requiredKeys: [] });
  it('→ MediaInfo with 0 < duration ≤ max, or a media error', () => {
    fc.assert(
      fc.property(fc.oneof(probe, fc.jsonValue({ maxDepth: 3 })), fc.double({ min: 1, max: 1e6, noNaN: true }), (json, max) => {
        const err = thrown(() => interpretProbe(json, max));
        if (err !== undefined) {
          if (!isMediaError(err)) throw err;
          return;
        }
        const info = interpretProbe(json, max);
        expect(info.durationSec > 0 && info.durationSec <= max && Number.isFinite(info.durationSec)).toBe(true);
      }),
      fuzzParams(7504, 1000),
    );
  });
});

describe('ffprobe + ffmpeg on mutated real files', () => {
  const sources = ['tone.mp4', 'tone-faststart.mp4', 'tone.mp3'].map((f) => fs.readFileSync(path.join(BAD_DIR, 'files', f)));
  const mutation: fc.Arbitrary<Mutation> = fc.oneof(
    fc.record({ kind: fc.constant('flip' as const), at: fc.array(fc.nat(), { minLength: 1, maxLength: 40 }), xor: fc.integer({ min: 1, max: 255 }) }),
    fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
    fc.record({ kind: fc.constant('splice' as const), at: fc.nat(), noise: bytes(2000) }),
  );
  type Mutation = { kind: 'flip'; at: number[]; xor: number } | { kind: 'cut'; at: number } | { kind: 'splice'; at: number; noise: Uint8Array };
  const mutate = (src: Buffer, m: Mutation): Buffer => {
    const out = Buffer.from(src);
    if (m.kind === 'flip') {
      for (const a of m.at) out[a % out.length]! ^= m.xor;
      return out;
    }
    const at = m.at % out.length;
    return m.kind === 'cut' ? out.subarray(0, at) : Buffer.concat([out.subarray(0, at), m.noise, out.subarray(at)]);
  };
  let n = 0;

  it('→ audio, or a media error code; never a tool error or a crash', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(sources.length - 1), mutation, async (which, m) => {
        const file = path.join(work, `in-${n++}`);
        fs.writeFileSync(file, mutate(sources[which]!, m));
        try {
          const info = await validateMedia(file, { maxDurationSec: 3600 });
          await extractPcmWav(file, `${file}.wav`, { expectedDurationSec: info.durationSec });
        } catch (err) {
          if (!isMediaError(err)) throw err;
        } finally {
          fs.rmSync(file, { force: true });
          fs.rmSync(`${file}.wav`, { force: true });
        }
      }),
      fuzzParams(7505, 40),
    );
  }, 120_000);

  it('random bytes behind a known magic → a media error code', async () => {
    await fc.assert(
      fc.asyncProperty(withMagic, async (head) => {
        const file = path.join(work, `rand-${n++}`);
        fs.writeFileSync(file, head);
        try {
          const info = await validateMedia(file, { maxDurationSec: 3600 });
          await extractPcmWav(file, `${file}.wav`, { expectedDurationSec: info.durationSec });
        } catch (err) {
          if (!isMediaError(err)) throw err;
        } finally {
          fs.rmSync(file, { force: true });
          fs.rmSync(`${file}.wav`, { force: true });
        }
      }),
      fuzzParams(7506, 30),
    );
  }, 120_000);
});
