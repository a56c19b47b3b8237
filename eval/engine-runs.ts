/**
 * Runs the offline engines over the testdata clips (every 16 kHz mono WAV with a reference, from
 * bench/engines.ts `clips`) and scores each run: WER, hesitation precision/recall
 * (eval/hesitation-score.ts) and wall time ÷ audio time. Shared by the eval sections "engines" and
 * "hesitations"; a configuration is run once per process.
 *
 * A Whisper configuration with `audioFillers` is measured in one decode: the Whisper words (scored
 * as the configuration without the audio pass) and then the audio pass over them (its time added).
 */
import { clips, type Clip } from '../bench/engines.js';
import type { TranscriptionEngine } from '../services/media/engines/engine.js';
import { LocalPocketsphinxEngine } from '../services/media/engines/local.js';
import { WhisperEngine, whisperUnavailable } from '../services/media/engines/whisper.js';
import { normaliseWords, wordEditDistance } from '../services/media/wer.js';
import { transcriptText, type Word } from '../services/transcripts/transcript.js';
import { addHesitationCounts, scoreHesitations, ZERO_HESITATIONS, type HesitationCounts } from './hesitation-score.js';

export interface EngineConfig {
  id: string;
  label: string;
  engine: 'pocketsphinx' | 'whisper';
  model?: string;
  prompt?: boolean;
  hotwords?: boolean;
  audioFillers?: boolean;
}

export interface ClipRun {
  clip: string;
  audioSec: number;
  wallSec: number;
  refWords: number;
  edits: number;
  hes: HesitationCounts;
  text: string;
  words: Word[];
}

export interface ConfigRun {
  config: EngineConfig;
  clips: ClipRun[];
  pooledWer: number;
  hes: HesitationCounts;
  realTimeFactor: number;
  loadSec?: number;
}

const cache = new Map<string, Promise<ConfigRun[]>>();

function score(c: Clip, words: Word[], wallSec: number): ClipRun {
  const text = transcriptText(words);
  const ref = normaliseWords(c.reference);
  return {
    clip: c.file.replace(/^audio\//, ''), audioSec: c.durationSec, wallSec, refWords: ref.length,
    edits: wordEditDistance(ref, normaliseWords(text)), hes: scoreHesitations(c.reference, text), text, words,
  };
}

function summarise(config: EngineConfig, runs: ClipRun[], loadSec?: number): ConfigRun {
  return {
    config, clips: runs,
    pooledWer: runs.reduce((s, r) => s + r.edits, 0) / runs.reduce((s, r) => s + r.refWords, 0),
    hes: runs.reduce((a, r) => addHesitationCounts(a, r.hes), ZERO_HESITATIONS),
    realTimeFactor: runs.reduce((s, r) => s + r.wallSec, 0) / runs.reduce((s, r) => s + r.audioSec, 0),
    ...(loadSec !== undefined && { loadSec }),
  };
}

/**
 * The runs of one configuration: [without the audio pass] or, with `audioFillers`, [without, with].
 * Throws when Whisper is needed and not installed (check `whisperUnavailable()` first).
 */
export function runConfig(config: EngineConfig): Promise<ConfigRun[]> {
  const key = JSON.stringify({ ...config, id: '', label: '' });
  let p = cache.get(key);
  if (!p) {
    p = run(config);
    cache.set(key, p);
  }
  return p;
}

async function run(config: EngineConfig): Promise<ConfigRun[]> {
  const { use } = await clips();
  if (config.engine === 'pocketsphinx') {
    const engine: TranscriptionEngine = new LocalPocketsphinxEngine();
    const runs: ClipRun[] = [];
    for (const c of use) {
      const t0 = performance.now();
      const t = await engine.transcribe(c.path);
      runs.push(score(c, t.words, (performance.now() - t0) / 1000));
    }
    return [summarise(config, runs)];
  }
  const missing = whisperUnavailable({ model: config.model });
  if (missing) throw new Error(missing);
  const engine = new WhisperEngine({
    model: config.model, audioFillers: false,
    ...(config.prompt === false && { initialPrompt: null }),
    ...(config.hotwords === false && { hotwords: null }),
  });
  try {
    await engine.warmUp();
    const plain: ClipRun[] = [], heard: ClipRun[] = [];
    for (const c of use) {
      const t0 = performance.now();
      const t = await engine.transcribe(c.path);
      const decodeSec = (performance.now() - t0) / 1000;
      plain.push(score(c, t.words, decodeSec));
      if (config.audioFillers) {
        const t1 = performance.now();
        const words = await engine.hearFillers(c.path, t.words, t.durationSec);
        heard.push(score(c, words, decodeSec + (performance.now() - t1) / 1000));
      }
    }
    const base = summarise({ ...config, audioFillers: false, id: config.id.replace(/\+audio$/, ''), label: config.label.replace(/ \+ audio pass$/, '') }, plain, engine.loadSec);
    return config.audioFillers ? [base, summarise(config, heard, engine.loadSec)] : [base];
  } finally {
    await engine.close();
  }
}
