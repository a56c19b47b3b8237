/**
 * Section "wpm": the analyzer's WPM against a known truth, (a) on verbatim aligned transcripts of
 * real clips (audio/ref/*.words.tsv, corrected per the README's known discrepancies) and (b) end to
 * end on generated speech of known text through the offline engines (transcribeMedia + analyze).
 */
import { readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { analyzeTranscript } from '../../services/analysis/analyze.js';
import type { TranscriptionEngine } from '../../services/media/engines/engine.js';
import { LocalPocketsphinxEngine } from '../../services/media/engines/local.js';
import { WhisperEngine, whisperUnavailable } from '../../services/media/engines/whisper.js';
import { transcribeMedia } from '../../services/media/pipeline.js';
import { wordErrorRate } from '../../services/media/wer.js';
import { transcriptText, type Transcript, type Word } from '../../services/transcripts/transcript.js';
import { makeSpeech } from '../../test/helpers/audio.js';
import { hasTestdata, testdataPath } from '../../test/helpers/testdata.js';
import { manifestRow, readWordTimings } from '../ground-truth.js';
import { SPEECH_CASES } from '../speech-texts.js';
import { fixed, heading, pct, table, verdict } from '../table.js';
import { applyPatches, CLIP_PATCHES } from '../testdata-corrections.js';
import { errorSummary, relativeError, truthWpm } from '../wpm-error.js';

const TARGET = { max: 0.03 };
const now = (): Date => new Date(0);
const asTranscript = (words: Word[], durationSec: number): Transcript => ({ engine: 'import', durationSec, words, text: transcriptText(words) });

function verbatim(log: (s: string) => void): void {
  const clips = readdirSync(testdataPath('audio/ref')).filter((f) => f.endsWith('.words.tsv')).map((f) => f.replace(/\.words\.tsv$/, '')).sort();
  const rows = [];
  const errs: number[] = [];
  for (const clip of clips) {
    const ref = manifestRow(`audio/${clip}.wav`);
    const duration = ref.durationSec!;
    const truth = truthWpm(ref.wordCount, duration);
    const raw = readWordTimings(clip);
    const fixedWords = applyPatches(raw, CLIP_PATCHES[clip] ?? []);
    const wpmRaw = analyzeTranscript(asTranscript(raw, duration), { now }).metrics.wpm ?? 0;
    const m = analyzeTranscript(asTranscript(fixedWords, duration), { now }).metrics;
    const err = relativeError(m.wpm ?? 0, truth);
    errs.push(err);
    rows.push([clip, ref.wordCount, raw.length, m.wordCount, fixed(truth, 1), fixed(wpmRaw, 1), pct(relativeError(wpmRaw, truth), 2), fixed(m.wpm ?? null, 1), pct(err, 2), verdict(err, TARGET)]);
  }
  log('(a) Verbatim aligned transcripts (audio/ref/*.words.tsv); truth = reference words ÷ duration (README)');
  log(table(['clip', 'ref words', 'aligned', 'corrected', 'truth WPM', 'WPM aligned', 'err', 'WPM corrected', 'err', 'vs 3%'], rows));
  const s = errorSummary(errs);
  log(`corrected = README "known discrepancies" applied (acoustic: + the missing "uh"; cold: "uh uh" → "uh"). Mean error ${pct(s.mean, 2)}, max ${pct(s.max, 2)}: ${verdict(s.max, TARGET)}`);
}

interface EngineChoice {
  readonly id: string;
  readonly make: () => TranscriptionEngine & { close?: () => Promise<void> };
}

export function offlineEngines(log: (s: string) => void): EngineChoice[] {
  const engines: EngineChoice[] = [{ id: 'local (pocketsphinx)', make: () => new LocalPocketsphinxEngine({ concurrency: 2 }) }];
  const missing = whisperUnavailable();
  if (missing) log(`whisper: not installed (${missing})`);
  else engines.push({ id: 'whisper base', make: () => new WhisperEngine({ model: 'base', threads: 2 }) });
  return engines;
}

async function generated(log: (s: string) => void): Promise<void> {
  log('\n(b) Generated speech of known text (espeak-ng) → transcribeMedia → analyzeTranscript; truth = known words ÷ audio duration');
  const speech = await Promise.all(SPEECH_CASES.map(async (c) => ({ c, s: await makeSpeech({ text: c.text, wpm: c.wpm, silenceSecBetweenSentences: c.silenceSecBetweenSentences }) })));
  const workDir = await mkdtemp(path.join(tmpdir(), 'eval-wpm-'));
  const rows = [];
  try {
    for (const e of offlineEngines(log)) {
      const engine = e.make();
      const errs: number[] = [];
      try {
        for (const { c, s } of speech) {
          const t = await transcribeMedia(s.path, { workDir, engine });
          const m = analyzeTranscript(t, { now }).metrics;
          const truth = truthWpm(s.wordCount, s.durationSec);
          const err = relativeError(m.wpm ?? 0, truth);
          errs.push(err);
          rows.push([e.id, c.id, fixed(s.durationSec, 2), s.wordCount, m.wordCount, fixed(truth, 1), fixed(m.wpm ?? null, 1), pct(err, 2), fixed(wordErrorRate(c.text, t.text), 3), verdict(err, TARGET)]);
        }
      } finally {
        await engine.close?.();
      }
      const sum = errorSummary(errs);
      rows.push([e.id, 'mean | max', '', '', '', '', '', `${pct(sum.mean, 2)} | ${pct(sum.max, 2)}`, '', verdict(sum.max, TARGET)]);
    }
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
  log(table(['engine', 'speech', 'sec', 'words', 'recognised', 'truth WPM', 'WPM', 'err', 'WER', 'vs 3%'], rows));
  log('The 3% target applies to verbatim transcripts (a); (b) shows what the engines do to it.');
}

export async function runWpm(log: (s: string) => void): Promise<void> {
  log(heading('WPM error against the truth (target ≤ 3% on verbatim transcripts)'));
  if (hasTestdata()) verbatim(log);
  else log('(a) testdata not found, skipped');
  await generated(log);
}
