/**
 * A long recording made of the real testdata clips (../shared/testdata, read in place): the 16 kHz
 * mono WAVs with references, repeated in order until the length is reached, joined by ffmpeg and
 * encoded as AAC in .m4a (what a phone or browser uploads), in a directory the caller owns.
 * The reference text is the clips' references in the same order, for a word error rate.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { runTool } from '../../services/media/run-tool.js';
import { clips } from '../engines.js';

export interface LongRecording {
  path: string;
  /** Sum of the clips' durations (at least the requested length; whole clips only). */
  durationSec: number;
  reference: string;
  clipCount: number;
}

export async function longRecording(minutes: number, dir: string): Promise<LongRecording> {
  const { use } = await clips();
  if (use.length === 0) throw new Error('no 16 kHz mono clips with references in the testdata');
  const picked = [];
  let total = 0;
  for (let i = 0; total < minutes * 60; i++) {
    const c = use[i % use.length]!;
    picked.push(c);
    total += c.durationSec;
  }
  const list = path.join(dir, `list-${minutes}.txt`);
  await fs.writeFile(list, picked.map((c) => `file '${c.path.replace(/'/g, "'\\''")}'`).join('\n'));
  const out = path.join(dir, `recording-${minutes}min.m4a`);
  const res = await runTool('ffmpeg', ['-v', 'error', '-y', '-f', 'concat', '-safe', '0', '-i', list, '-c:a', 'aac', '-b:a', '64k', out]);
  if (res.code !== 0) throw new Error(`ffmpeg could not join the clips: ${res.stderr}`);
  return { path: out, durationSec: total, reference: picked.map((c) => c.reference.trim()).join(' '), clipCount: picked.length };
}
