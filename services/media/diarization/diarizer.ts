/**
 * Runs python/diarize.py in the Whisper venv (scripts/setup-whisper.sh installs what it needs):
 * one short-lived process per recording. Loading its models takes ~0.3 s, small beside the
 * recording itself, so no long-lived worker is kept (unlike Whisper's).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { toolError } from '../errors.js';
import { lastLine, runTool } from '../run-tool.js';
import { diarizationSchema, type Diarization } from './result.js';
import type { SpeakerCount } from './speakers.js';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const DIARIZE_SCRIPT = path.join(REPO_ROOT, 'services/media/engines/python/diarize.py');

/** The port the media stage uses (tests inject fakes). */
export interface Diarizer {
  diarize(wavPath: string, speakers: SpeakerCount, opts?: { signal?: AbortSignal }): Promise<Diarization>;
}

export interface LocalDiarizerOptions {
  /** Where setup-whisper.sh installed the venv; default $WHISPER_CACHE_DIR or <repo>/.cache/whisper. */
  cacheDir?: string;
  python?: string;
  /**
   * BLAS threads for the voice encoder; default 1. Its matrices are small (a batch of windows ×
   * 256 × 1024 per LSTM step): a second thread measured 3–4× slower on a busy 2-core machine.
   */
  threads?: number;
}

export function diarizerPython(opts: LocalDiarizerOptions = {}): string {
  const cacheDir = opts.cacheDir ?? process.env.WHISPER_CACHE_DIR ?? path.join(REPO_ROOT, '.cache/whisper');
  return opts.python ?? path.join(cacheDir, 'venv/bin/python');
}

/** Why offline diarization cannot run here, or null when it can. Does no process work. */
export function diarizerUnavailable(opts: LocalDiarizerOptions = {}): string | null {
  const python = diarizerPython(opts);
  if (!existsSync(python)) return `${python} is missing: run scripts/setup-whisper.sh`;
  const site = path.join(path.dirname(path.dirname(python)), 'lib');
  // The stamp lists resemblyzer once setup has installed the diarizer's weights.
  const stamp = path.join(path.dirname(path.dirname(path.dirname(python))), '.installed');
  if (existsSync(stamp) && !/resemblyzer==/.test(readText(stamp))) return `the diarizer's voice encoder is not installed in ${site}: run scripts/setup-whisper.sh`;
  return null;
}

function readText(p: string): string {
  try {
    return readFileSync(p, 'utf8');
  } catch {
    return '';
  }
}

export class LocalDiarizer implements Diarizer {
  private readonly python: string;

  constructor(private readonly opts: LocalDiarizerOptions = {}) {
    this.python = diarizerPython(opts);
  }

  async diarize(wavPath: string, speakers: SpeakerCount, opts: { signal?: AbortSignal } = {}): Promise<Diarization> {
    const threads = String(Math.max(1, Math.floor(this.opts.threads ?? 1)));
    const args = ['-u', DIARIZE_SCRIPT, path.resolve(wavPath), '--speakers', speakers, '--threads', threads];
    const res = await runTool(this.python, args, { signal: opts.signal, maxStderrBytes: 8 * 1024 });
    const line = res.stdout.trim().split('\n').at(-1) ?? '';
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      const why = res.code === null ? `killed by ${res.signal ?? 'a signal'}` : `exit ${res.code}`;
      throw toolError(res.code === null ? 'tool_crashed' : 'tool_failed', `diarizer failed (${why}): ${lastLine(res.stderr)}`);
    }
    if (parsed && typeof parsed === 'object' && 'error' in parsed) throw toolError('tool_failed', `diarizer failed: ${String((parsed as { error: unknown }).error)}`);
    const ok = diarizationSchema.safeParse(parsed);
    if (!ok.success) throw toolError('tool_failed', `diarizer printed an unexpected result: ${ok.error.message.slice(0, 300)}`);
    return ok.data;
  }
}
