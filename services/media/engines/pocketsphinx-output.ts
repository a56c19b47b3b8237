/**
 * Pure parsing of `pocketsphinx_continuous -time yes` output (Debian's 5prealpha build). stdout
 * interleaves one hypothesis line per utterance with one line per token:
 *   `word(2) 0.680 0.980 0.207841`  — token, start s, end s, posterior probability.
 * Only the token lines carry timing, so only they are read.
 */
import type { Word } from '../../transcripts/transcript.js';

const TOKEN_LINE = /^(\S+) (\d+(?:\.\d+)?) (\d+(?:\.\d+)?) (-?\d+(?:\.\d+)?(?:e[-+]?\d+)?)$/i;

/** Utterance markers and silence: structure, not speech. */
const SILENCE_TOKENS = new Set(['<s>', '</s>', '<sil>']);

/**
 * The word a token stands for, or null for silence and noise. `[NOISE]`, `[SPEECH]` (and any
 * bracketed filler class a different acoustic model may define) are dropped; the dictionary's
 * alternate pronunciation suffix `(2)` is removed.
 */
export function tokenToWord(token: string): string | null {
  if (SILENCE_TOKENS.has(token) || /^\[.*\]$/.test(token) || /^\+\+?.*\+\+?$/.test(token)) return null;
  const word = token.replace(/\(\d+\)$/, '');
  return word.length > 0 ? word : null;
}

export function parsePocketsphinxTimes(stdout: string): Word[] {
  const words: Word[] = [];
  for (const line of stdout.split('\n')) {
    const m = TOKEN_LINE.exec(line.trim());
    if (!m) continue;
    const text = tokenToWord(m[1]!);
    if (text === null) continue;
    const start = Number(m[2]), end = Number(m[3]), p = Number(m[4]);
    // The posterior can exceed 1 by rounding (e.g. 1.000300 on <s>); clamp into 0..1.
    words.push({ text, start, end: Math.max(start, end), confidence: Math.min(1, Math.max(0, p)) });
  }
  return words;
}
