/**
 * Section "wer": word error rate of each available offline engine on every testdata clip with a
 * reference, by bench/engines.ts (the engine benchmark; reused, not duplicated). It prints the
 * per-clip table; this adds the summary with what was skipped.
 */
import { main as benchEngines } from '../../bench/engines.js';
import { whisperUnavailable } from '../../services/media/engines/whisper.js';
import { hasTestdata } from '../../test/helpers/testdata.js';
import { fixed, heading, pct, table } from '../table.js';

/** The engines a user can run: the default local engine and the verbatim-prompted Whisper models. */
const WHISPER_IDS = ['whisper-base', 'whisper-tiny.en'];

export async function runWer(log: (s: string) => void): Promise<void> {
  log(heading('WER per engine on the testdata clips (no target; measured)'));
  if (!hasTestdata()) {
    log('testdata not found, skipped');
    return;
  }
  const missing = whisperUnavailable();
  if (missing) log(`whisper: not installed (${missing})`);
  const ids = ['pocketsphinx', ...(missing ? [] : WHISPER_IDS)];
  const { summary } = await benchEngines(['--engines', ids.join(',')]);
  log('\nWER summary (case and punctuation normalised; fillers grouped as um/uh/hm sounds)');
  log(table(['engine', 'mean WER', 'pooled WER', 'filler recall', 'fillers in hyp', 'wall ÷ audio'], summary.map((s) => [
    s.engine, pct(s.meanWer, 1), pct(s.pooledWer, 1), `${fixed(s.fillerRecall, 2)} (${s.fillersHit}/${s.fillersRef})`, s.fillersHyp, fixed(s.realTimeFactor, 3),
  ])));
  log('Clips: every 16 kHz mono WAV with a reference; jfk.mp3 and mfa_acoustic_corpus.mp4 repeat WAV clips in other containers, and the 2-channel WAV repeats the mono one.');
}
