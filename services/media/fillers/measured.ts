/**
 * How complete the offline engines' hesitation counts are, as measured on the shared testdata clips
 * (29 strict um/uh/er/ah/hmm in the references; precision and recall by alignment, see
 * eval/hesitation-score.ts). Measured by:
 *
 *   npm run eval -- --only hesitations      (per clip, the Whisper default; warns when these differ)
 *   npm run eval -- --only engines          (every offline engine and model)
 *
 * The report's quality note (services/analysis/quality.ts) quotes these, so update them together.
 */

/** Whisper base, default options (verbatim prompt + FILLER_HOTWORDS): 28 of 29 found, 2 false. */
export const WHISPER_HESITATION_RECALL = 28 / 29;
export const WHISPER_HESITATION_PRECISION = 28 / 30;

/** pocketsphinx (Debian's en-us model; its dictionary has "um" and "uh"): 3 of 29 found, 2 false. */
export const POCKETSPHINX_HESITATION_RECALL = 3 / 29;

/** "about 9 in 10" from 0.93: the recall as a share a reader takes in at a glance. */
export function inTen(share: number): string {
  const n = Math.round(share * 10);
  return n >= 10 ? 'nearly all' : n <= 0 ? 'almost none' : `about ${n} in 10`;
}
