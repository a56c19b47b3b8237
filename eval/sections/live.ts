/**
 * Section "live": what the live practice captions hear (issue 17) on the testdata clips, for each
 * decoder prompt measured. Each clip is played through the live path's own parts as the browser
 * sends it: 400 ms slices into the Segmenter (services/media/live/segmenter.ts), every final
 * window decoded by the WhisperLiveRecognizer (tiny.en, 10 s minimum context), the captions joined.
 * Scored like the offline engines: pooled WER, and hesitation precision / recall by alignment
 * (eval/hesitation-score.ts). The fillers nudge can only count the fillers the captions hold.
 *
 *   npm run eval -- --only live
 */
import { clips } from '../../bench/engines.js';
import { finalWindows } from '../../bench/lib/live-windows.js';
import { FILLER_HOTWORDS, VERBATIM_PROMPT, whisperUnavailable } from '../../services/media/engines/whisper.js';
import { LIVE_PROMPT, LIVE_WHISPER_MODEL, WhisperLiveRecognizer } from '../../services/media/live/recognizer.js';
import { normaliseWords, wordEditDistance } from '../../services/media/wer.js';
import { hasTestdata } from '../../test/helpers/testdata.js';
import { addHesitationCounts, hesitationPr, scoreHesitations, ZERO_HESITATIONS, type HesitationCounts } from '../hesitation-score.js';
import { fixed, heading, pct, table } from '../table.js';

/** The browser's MediaRecorder timeslice, as samples of 16 kHz audio. */
const SLICE = 16000 * 0.4;

const PROMPTS: readonly { name: string; prompt: string | null }[] = [
  { name: 'no prompt', prompt: null },
  { name: 'hotwords text', prompt: FILLER_HOTWORDS },
  { name: 'verbatim prompt', prompt: VERBATIM_PROMPT },
];


export async function runLive(log: (s: string) => void): Promise<void> {
  log(heading('Live captions: what the live practice hears (tiny.en windows)'));
  if (!hasTestdata()) return log('testdata not found, skipped');
  const missing = whisperUnavailable({ model: LIVE_WHISPER_MODEL });
  if (missing) return log(`whisper ${LIVE_WHISPER_MODEL}: not installed (${missing}), skipped`);
  const { use } = await clips();
  const windows = await Promise.all(use.map((c) => finalWindows(c.path, SLICE)));
  const rows: (string | number)[][] = [];
  for (const { name, prompt } of PROMPTS) {
    const rec = new WhisperLiveRecognizer({ prompt });
    let edits = 0, refWords = 0, hes: HesitationCounts = ZERO_HESITATIONS;
    const t0 = performance.now();
    try {
      for (const [i, c] of use.entries()) {
        const text = (await Promise.all(windows[i]!.map((w) => rec.transcribe(w)))).flat().map((w) => w.text).join(' ');
        const ref = normaliseWords(c.reference);
        edits += wordEditDistance(ref, normaliseWords(text));
        refWords += ref.length;
        hes = addHesitationCounts(hes, scoreHesitations(c.reference, text));
      }
    } finally {
      await rec.close();
    }
    const pr = hesitationPr(hes);
    const audioSec = use.reduce((s, c) => s + c.durationSec, 0);
    rows.push([`${name}${prompt === LIVE_PROMPT ? ' (default)' : ''}`, pct(edits / refWords, 1), `${hes.tp} / ${hes.fp}`, fixed(pr.precision, 2), fixed(pr.recall, 2), fixed((performance.now() - t0) / 1000 / audioSec, 3)]);
  }
  log(`${use.length} clips, ${windows.flat().length} final windows; hesitations in the references: the strict set (um, uh, er, ah, hmm, mm)`);
  log(table(['decoder prompt', 'pooled WER', 'hesitations found / false', 'precision', 'recall', 'wall ÷ audio'], rows));
}
