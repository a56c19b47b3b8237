/**
 * A live practice recording is MediaRecorder's WebM: streamed, so it has no Duration element (and
 * one cut short by a lost session ends mid-Cluster). The probe counts its length instead of
 * refusing it as `corrupt_media`.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { probeMedia } from '../../../services/media/probe.js';
import { makeSpeech } from '../../helpers/audio.js';

const run = promisify(execFile);
let dir: string;
let webm: string;
let wavSec: number;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'probe-live-'));
  const speech = await makeSpeech({ text: 'I would start by asking what the users need. Then I would build the smallest thing.', format: 'wav' });
  wavSec = (await probeMedia(speech.path, { maxDurationSec: 3600 })).durationSec;
  webm = path.join(dir, 'live.webm');
  // As MediaRecorder writes it: live WebM (no Duration, no Cues), 250 ms Clusters.
  await run('ffmpeg', ['-nostdin', '-v', 'error', '-y', '-i', speech.path, '-c:a', 'libopus', '-b:a', '32k', '-live', '1', '-cluster_time_limit', '250', '-f', 'webm', webm]);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('probeMedia on a streamed WebM/Opus recording', () => {
  it('has no duration in its header, yet probes to the length of its audio', async () => {
    const { stdout } = await run('ffprobe', ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', webm]);
    expect(stdout.trim()).toBe('N/A');
    const info = await probeMedia(webm, { maxDurationSec: 3600 });
    expect(info).toMatchObject({ container: 'matroska,webm', audioCodec: 'opus' });
    expect(Math.abs(info.durationSec - wavSec)).toBeLessThan(0.1);
  });

  it('a recording cut off mid-Cluster probes to what it holds; the length limit still applies', async () => {
    const bytes = await readFile(webm);
    const cut = path.join(dir, 'cut.webm');
    await writeFile(cut, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const info = await probeMedia(cut, { maxDurationSec: 3600 });
    expect(info.durationSec).toBeGreaterThan(wavSec * 0.3);
    expect(info.durationSec).toBeLessThan(wavSec * 0.7);
    await expect(probeMedia(webm, { maxDurationSec: 1 })).rejects.toMatchObject({ code: 'duration_too_long' });
  });
});
