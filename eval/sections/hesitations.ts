/**
 * Section "hesitations": hesitation precision and recall of the offline Whisper engine per testdata
 * clip (strict um/uh/er/ah/hmm of the references; alignment scoring, eval/hesitation-score.ts), for
 * the options measured: the old default (verbatim prompt only), the new default (prompt + hotwords
 * on every window), each with and without the acoustic pass over the gaps (audioFillers).
 * Targets (issue 15): recall ≥ 0.8, precision ≥ 0.9, pooled WER no worse than the old default.
 */
import { whisperUnavailable } from '../../services/media/engines/whisper.js';
import { inTen, WHISPER_HESITATION_PRECISION, WHISPER_HESITATION_RECALL } from '../../services/media/fillers/measured.js';
import { hasTestdata } from '../../test/helpers/testdata.js';
import { runConfig, type ConfigRun, type EngineConfig } from '../engine-runs.js';
import { hesitationPr } from '../hesitation-score.js';
import { fixed, heading, pct, table, verdict } from '../table.js';

export const OLD_DEFAULT: EngineConfig = { id: 'base prompt', label: 'base, prompt (old default)', engine: 'whisper', model: 'base', hotwords: false, audioFillers: true };
export const NEW_DEFAULT: EngineConfig = { id: 'base prompt+hotwords', label: 'base, prompt + hotwords (default)', engine: 'whisper', model: 'base', audioFillers: true };

const cell = (r: ConfigRun, clip: string): string => {
  const c = r.clips.find((x) => x.clip === clip)!.hes;
  return c.ref || c.hyp ? `${c.tp}${c.fp ? ` +${c.fp}` : ''}` : '';
};

export async function runHesitations(log: (s: string) => void): Promise<void> {
  log(heading('Hesitations from audio: precision / recall per clip (targets R ≥ 0.8, P ≥ 0.9)'));
  if (!hasTestdata()) return log('testdata not found, skipped');
  const missing = whisperUnavailable();
  if (missing) return log(`whisper: not installed (${missing}), skipped`);
  const runs = [...(await runConfig(OLD_DEFAULT)), ...(await runConfig(NEW_DEFAULT))];
  const names = ['prompt', 'prompt +audio', 'prompt+hotwords', 'prompt+hotwords +audio'];
  const clipNames = runs[0]!.clips.map((c) => c.clip);
  log('Cells: hesitations found (TP), +N false ones (FP). Whisper base, int8, 2 CPUs. Default: prompt+hotwords.');
  log(table(['clip', 'ref', ...names], clipNames.map((clip) => [clip, runs[0]!.clips.find((x) => x.clip === clip)!.hes.ref, ...runs.map((r) => cell(r, clip))])));
  const rows = runs.map((r, i) => {
    const pr = hesitationPr(r.hes);
    return [names[i]!, r.hes.ref, r.hes.tp, r.hes.fp, r.hes.fn, fixed(pr.precision, 2), fixed(pr.recall, 2),
      `${verdict(pr.precision, { min: 0.9 })} / ${verdict(pr.recall, { min: 0.8 })}`, pct(r.pooledWer, 1), fixed(r.realTimeFactor, 3)];
  });
  log('\nPooled over the clips (mfa_two_speakers_mono repeats the audio of the two mfa_*_corpus clips, so their hesitations count twice)');
  log(table(['whisper options', 'ref', 'TP', 'FP', 'FN', 'precision', 'recall', 'P / R', 'pooled WER', 'wall ÷ audio'], rows));
  const def = hesitationPr(runs[2]!.hes);
  const drift = Math.abs((def.recall ?? 0) - WHISPER_HESITATION_RECALL) > 0.03 || Math.abs((def.precision ?? 0) - WHISPER_HESITATION_PRECISION) > 0.03;
  log(`\nThe report's note quotes recall ${fixed(WHISPER_HESITATION_RECALL, 2)} ("${inTen(WHISPER_HESITATION_RECALL)}"), precision ${fixed(WHISPER_HESITATION_PRECISION, 2)} (services/media/fillers/measured.ts)` +
    (drift ? `: WARNING, measured now ${fixed(def.recall, 2)} / ${fixed(def.precision, 2)}; update the constants.` : ': matches this run.'));
}
