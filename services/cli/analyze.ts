/**
 * `interview-buddy analyze <file> [--json] [--transcript file.vtt]`: the same media and analysis
 * code as the server, with no server. With --transcript the given VTT/SRT is analysed instead of
 * transcribing the recording (the file may then be omitted). --speakers says how many people speak
 * (1: no speaker separation; 2; 3+; auto, the default: one voice or two clearly different ones).
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createAiProviders, MemoryAiCache } from '../ai/index.js';
import { buildReport } from '../analysis/report.pipeline.js';
import { formatReportText } from '../analysis/summary.js';
import { speakerCountFor } from '../media/diarization/speakers.js';
import { offlineEngine } from '../media/engine-select.js';
import { transcribeMedia } from '../media/pipeline.js';
import { isAppError } from '../shared/errors.js';
import { parseTranscriptFile } from '../transcripts/parse.js';
import type { Transcript } from '../transcripts/transcript.js';

export const USAGE =
  'usage: interview-buddy analyze <recording> [--json] [--transcript file.vtt|file.srt] [--prep notes.txt] [--job posting.txt] [--candidate speaker] [--model auto|economy|premium|<id>] [--speakers 1|2|3+|auto]';

export interface CliIO {
  out: (text: string) => void;
  err: (text: string) => void;
}

/** Runs the command; returns the process exit code (0 ok, 1 analysis failed, 2 usage). */
export async function runAnalyze(argv: string[], io: CliIO): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { json: { type: 'boolean' }, transcript: { type: 'string' }, prep: { type: 'string' }, job: { type: 'string' }, candidate: { type: 'string' }, model: { type: 'string' }, speakers: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  } catch (err) {
    io.err(`${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.out(USAGE);
    return 0;
  }
  const file = positionals[0];
  if ((!file && !values.transcript) || positionals.length > 1) {
    io.err(USAGE);
    return 2;
  }
  let speakers;
  try {
    speakers = speakerCountFor(values.speakers);
  } catch (err) {
    io.err(`${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  try {
    let transcript: Transcript;
    if (values.transcript) {
      transcript = parseTranscriptFile(await fs.readFile(values.transcript, 'utf8'), values.transcript);
    } else {
      const workDir = await fs.mkdtemp(path.join(os.tmpdir(), 'ib-cli-'));
      try {
        transcript = await transcribeMedia(file!, { workDir, engine: offlineEngine(), diarization: { speakers }, onProgress: (p) => !values.json && process.stderr.isTTY && process.stderr.write(`\rtranscribing… ${Math.round(p * 100)}%`) });
        if (!values.json && process.stderr.isTTY) process.stderr.write('\r\x1b[K');
      } finally {
        await fs.rm(workDir, { recursive: true, force: true });
      }
    }
    // LLM enrichment runs only when a provider key is in the environment; offline otherwise.
    const report = await buildReport(transcript, {
      ...(values.prep && { prepNotes: await fs.readFile(values.prep, 'utf8') }),
      ...(values.job && { jobDescription: await fs.readFile(values.job, 'utf8') }),
      ...(values.candidate && { candidateSpeaker: values.candidate }),
      ...(values.model && { aiPreference: values.model }),
      ai: { providers: createAiProviders(process.env), cache: new MemoryAiCache() },
    });
    io.out(values.json ? JSON.stringify(report, null, 2) : formatReportText(report));
    return 0;
  } catch (err) {
    if (isAppError(err)) {
      io.err(values.json ? JSON.stringify({ error: { code: err.code, message: err.message } }) : `error (${err.code}): ${err.message}`);
      return 1;
    }
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      io.err(`error (file_not_found): ${(err as Error).message}`);
      return 1;
    }
    throw err;
  }
}
