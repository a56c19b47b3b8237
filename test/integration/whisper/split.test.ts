/**
 * One long recording split across two real Whisper workers (faster-whisper, base): a ~3-minute WAV
 * joined from the testdata clips, decoded whole on one worker and split on two. Both workers must
 * work at once, the words stay on the recording's timeline, and the WER of the split is within
 * MARGIN of the whole decode (each part starts a fresh context, the one thing that can cost words).
 * Needs `bash scripts/setup-whisper.sh`; without it the suite is skipped and says why.
 */
import { mkdtemp, open, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { clips } from '../../../bench/engines.js';
import { cpuSecondsOf } from '../../../bench/lib/proc.js';
import type { Transcript } from '../../../services/transcripts/transcript.js';
import { WhisperEngine, whisperUnavailable } from '../../../services/media/engines/whisper.js';
import { readWavInfo, wavHeader } from '../../../services/media/wav.js';
import { wordErrorRate } from '../../../services/media/wer.js';
import { hasTestdata } from '../../helpers/testdata.js';

const missing = whisperUnavailable() ?? (hasTestdata() ? null : 'no ../shared/testdata');
if (missing) console.warn(`whisper split integration tests skipped: ${missing}`);
const suite = missing ? describe.skip : describe;
const SLOW = 600_000;
const MARGIN = 0.03;
const GAP_SEC = 0.4;

/** The 16 kHz mono clips with references, in order, joined with GAP_SEC of silence until `minSec`. */
async function joinedRecording(dir: string, minSec: number): Promise<{ path: string; durationSec: number; reference: string }> {
  const { use } = await clips();
  const bodies: Buffer[] = [];
  const refs: string[] = [];
  const gap = Buffer.alloc(Math.round(GAP_SEC * 16000) * 2);
  let total = 0;
  for (let i = 0; total < minSec; i++) {
    const c = use[i % use.length]!;
    const info = await readWavInfo(c.path);
    const fh = await open(c.path, 'r');
    const body = Buffer.alloc(info.dataBytes);
    await fh.read(body, 0, body.length, info.dataOffset).finally(() => fh.close());
    bodies.push(body, gap);
    refs.push(c.reference.trim());
    total += info.durationSec + GAP_SEC;
  }
  const data = Buffer.concat(bodies);
  const file = path.join(dir, 'joined.wav');
  await writeFile(file, Buffer.concat([wavHeader(data.length, 16000), data]));
  return { path: file, durationSec: data.length / 2 / 16000, reference: refs.join(' ') };
}

function expectTimeline(t: Transcript, durationSec: number): void {
  for (const [i, w] of t.words.entries()) {
    expect(w.start).toBeGreaterThanOrEqual(0);
    expect(w.end).toBeGreaterThanOrEqual(w.start);
    expect(w.end).toBeLessThanOrEqual(durationSec);
    if (i > 0) expect(w.start).toBeGreaterThanOrEqual(t.words[i - 1]!.start);
  }
}

suite('WhisperEngine split across workers (real Whisper, ~3 min)', () => {
  let dir = '';
  let rec: { path: string; durationSec: number; reference: string };
  const split = new WhisperEngine({ workers: 2, threads: 2 });
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'whisper-split-'));
    rec = await joinedRecording(dir, 180);
  });
  afterAll(async () => {
    await split.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('uses both workers at once, keeps the timeline, and loses no more than MARGIN of WER', async () => {
    const whole = new WhisperEngine({ workers: 1, threads: 2 });
    let single: Transcript, wholeSec: number;
    try {
      await whole.warmUp();
      const t0 = Date.now();
      single = await whole.transcribe(rec.path);
      wholeSec = (Date.now() - t0) / 1000;
    } finally {
      await whole.close();
    }

    await split.warmUp();
    const pids = split.workerPids;
    expect(new Set(pids).size).toBe(2);
    const cpuAt = new Map(pids.map((pid) => [pid, cpuSecondsOf(pid)]));
    let bothBusy = 0;
    const watch = setInterval(() => {
      const busy = pids.filter((pid) => cpuSecondsOf(pid) > cpuAt.get(pid)!);
      for (const pid of pids) cpuAt.set(pid, cpuSecondsOf(pid));
      if (busy.length === 2) bothBusy++;
    }, 500);
    const progress: number[] = [];
    const t0 = Date.now();
    const parts = await split.transcribe(rec.path, { onProgress: (f) => progress.push(f) }).finally(() => clearInterval(watch));
    const splitSec = (Date.now() - t0) / 1000;

    const werWhole = wordErrorRate(rec.reference, single.text);
    const werSplit = wordErrorRate(rec.reference, parts.text);
    console.log(`${rec.durationSec.toFixed(0)} s recording: one worker WER ${werWhole.toFixed(3)} in ${wholeSec.toFixed(1)} s; ` +
      `split on two WER ${werSplit.toFixed(3)} in ${splitSec.toFixed(1)} s (both busy in ${bothBusy} samples of 0.5 s)`);

    expect(bothBusy).toBeGreaterThanOrEqual(2);
    expect(split.workerPids).toEqual(pids); // the same long-lived workers, no restart
    expect(parts.durationSec).toBeCloseTo(rec.durationSec, 1);
    expectTimeline(parts, rec.durationSec);
    // Words of the second half really are in the second half (shifted by the part's start).
    expect(parts.words.at(-1)!.end).toBeGreaterThan(rec.durationSec * 0.8);
    expect(werSplit).toBeLessThanOrEqual(werWhole + MARGIN);
    expect(progress.at(-1)).toBe(1);
    for (let i = 1; i < progress.length; i++) expect(progress[i]).toBeGreaterThanOrEqual(progress[i - 1]!);
  }, SLOW);

  it('an abort ends every part promptly with its reason', async () => {
    await split.warmUp();
    const ac = new AbortController();
    const reason = new Error('user cancelled');
    const p = split.transcribe(rec.path, { signal: ac.signal });
    setTimeout(() => ac.abort(reason), 2_000);
    const t0 = Date.now();
    await expect(p).rejects.toBe(reason);
    expect(Date.now() - t0).toBeLessThan(4_000);
    expect(split.workerPids).toEqual([]); // both decoders were killed, not left running
  }, SLOW);
});
