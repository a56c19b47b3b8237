/** The CLI as users run it: a real process, real media tools, exit codes and output. */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from '@jest/globals';
import { whisperUnavailable } from '../../../services/media/engines/whisper.js';
import { makeTextFileNamedMp4 } from '../../helpers/audio.js';
import { repoRoot, testdataPath } from '../../helpers/testdata.js';

const run = async (...args: string[]) => {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [path.join(repoRoot, 'bin/interview-buddy.js'), ...args], {
      env: { ...process.env, NODE_OPTIONS: '' },
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
};

describe('interview-buddy analyze', () => {
  it('prints the report JSON of a recording with --json', async () => {
    const r = await run('analyze', testdataPath('audio/jfk.mp3'), '--json');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.schemaVersion).toBe(3);
    // The best installed offline engine: Whisper after scripts/setup-whisper.sh, else pocketsphinx.
    const whisper = whisperUnavailable() === null;
    expect(report.engine).toBe(whisper ? 'whisper' : 'local');
    expect(report.metrics.durationSec).toBeCloseTo(11, 0);
    if (whisper) expect(Math.abs(report.metrics.wordCount - 22)).toBeLessThanOrEqual(2); // the reference has 22 words
    else expect(report.metrics.wordCount).toBeGreaterThan(10);
  }, 60_000);

  it('prints a readable summary by default', async () => {
    const r = await run('analyze', testdataPath('audio/mfa_acoustic_corpus.wav'));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Pace\s+\d+ WPM/);
    expect(r.stdout).toMatch(/Pauses/);
  }, 60_000);

  it('analyses an imported transcript with speaker names instead of transcribing', async () => {
    const vtt = path.join(repoRoot, 'test/fixtures/transcripts/short-interview.vtt');
    const r = await run('analyze', '--json', '--transcript', vtt);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.engine).toBe('import');
    expect(report.metrics.fillers.count).toBe(3);
  });

  it('fails with a code for a file that is not media, and with usage for bad arguments', async () => {
    const bad = await run('analyze', await makeTextFileNamedMp4(), '--json');
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stderr).error.code).toBe('unsupported_format');
    expect((await run('analyze', '/no/such/file.mp4')).stderr).toMatch(/file_not_found|ENOENT/);
    expect((await run('analyze')).code).toBe(2);
    expect((await run('frobnicate')).code).toBe(2);
  }, 60_000);
});
