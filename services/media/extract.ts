/**
 * Decodes the first audio stream to 16 kHz mono s16le WAV, the format every local engine wants.
 *
 * Why a length check on top of the exit code: an MP4 whose index (moov) is at the front but whose
 * media data was cut off (an interrupted upload of a "faststart" file) probes fine with its full
 * duration, and ffmpeg decodes what is there, logs "partial file" and still exits 0. Decision: the
 * decoded audio must cover at least MIN_COVERAGE of the probed duration (or fall short by less than
 * SLACK_SEC, for short clips and encoder padding); otherwise the file is `corrupt_media`. A file
 * missing only a sliver at the end passes with the audio it has, which is what a user would want.
 * We do not use `-xerror`: one damaged frame in a long phone recording should not reject it.
 */
import { StorageFullError } from '../shared/storage-full.js';
import { mediaError, toolError } from './errors.js';
import { lastLine, localFileUrl, runTool } from './run-tool.js';
import { readWavInfo, WavFormatError, type WavInfo } from './wav.js';

export const TARGET_SAMPLE_RATE = 16000;
const MIN_COVERAGE = 0.9;
const SLACK_SEC = 1.0;

/** Pure: is `decodedSec` of audio a plausible decode of a file probed at `expectedSec`? */
export function isPlausibleDecode(decodedSec: number, expectedSec: number): boolean {
  if (!(decodedSec > 0)) return false;
  return decodedSec >= expectedSec * MIN_COVERAGE || expectedSec - decodedSec < SLACK_SEC;
}

export async function extractPcmWav(
  inputPath: string,
  outPath: string,
  opts: { expectedDurationSec: number; signal?: AbortSignal },
): Promise<WavInfo> {
  const args = [
    '-nostdin', '-hide_banner', '-v', 'error', '-y',
    '-i', localFileUrl(inputPath),
    '-map', '0:a:0', '-vn', '-sn', '-dn',
    '-ac', '1', '-ar', String(TARGET_SAMPLE_RATE), '-c:a', 'pcm_s16le',
    '-map_metadata', '-1', '-f', 'wav', localFileUrl(outPath),
  ];
  const res = await runTool('ffmpeg', args, { signal: opts.signal });
  if (res.code === null) throw toolError('tool_crashed', `ffmpeg was killed by ${res.signal ?? 'a signal'}`);
  // A full disk under the work directory is not the recording's fault: retry, do not fail it.
  // Checked before the exit code: a short file whose only failed write is the trailer exits 0.
  if (/No space left on device|Disk quota exceeded/i.test(res.stderr)) throw new StorageFullError('no space left to decode the recording');
  if (res.code !== 0) {
    throw mediaError('corrupt_media', `The audio could not be decoded: ${lastLine(res.stderr) || `ffmpeg exit ${res.code}`}`);
  }
  let info: WavInfo;
  try {
    info = await readWavInfo(outPath);
  } catch (e) {
    if (e instanceof WavFormatError) throw mediaError('corrupt_media', `The audio could not be decoded: ${e.message}`);
    throw e;
  }
  if (!isPlausibleDecode(info.durationSec, opts.expectedDurationSec)) {
    throw mediaError(
      'corrupt_media',
      `The file looks truncated: ${info.durationSec.toFixed(1)} s of audio decoded, ${opts.expectedDurationSec.toFixed(1)} s expected`,
      { decodedSec: info.durationSec, expectedSec: opts.expectedDurationSec },
    );
  }
  return info;
}
