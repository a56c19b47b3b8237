/**
 * Hesitation precision and recall of a transcript against a verbatim reference text. Pure.
 *
 * Reference hesitations are the strict set of the testdata README (um, uh, er, ah, hmm, mm as whole
 * words). Hypothesis hesitations are every spelling the analysis counts (word-sets.ts `hesitation`:
 * "umm", "uhh", "hm", …). The two word sequences are aligned by a word-level Levenshtein alignment in
 * which any hesitation matches any other at no cost (an "um" heard as "uh" is still a hesitation
 * heard); an aligned pair of hesitations is a true positive, a reference one left unpaired a miss, a
 * hypothesis one left unpaired a false alarm. A hypothesis hesitation aligned to a reference "hm" (a
 * hesitation outside the strict set, two in mfa_uhum) is neither: the speaker did hesitate there.
 * Alignment rather than times: four of the clips have no word timings.
 */
import { hesitation } from '../services/analysis/metrics/word-sets.js';
import { normaliseWords } from '../services/media/wer.js';

const STRICT = new Set(['um', 'uh', 'er', 'ah', 'hmm', 'mm']);

export interface HesitationCounts {
  /** Strict hesitations in the reference. */
  ref: number;
  /** Hesitations in the hypothesis (any spelling the analysis counts). */
  hyp: number;
  tp: number;
  fp: number;
  fn: number;
}

type Kind = 'strict' | 'other' | 'word';
const refKind = (w: string): Kind => (STRICT.has(w) ? 'strict' : hesitation(w) ? 'other' : 'word');
const hypKind = (w: string): Kind => (hesitation(w.replace(/'/g, '')) ? 'strict' : 'word');

export function scoreHesitations(reference: string, hypothesis: string): HesitationCounts {
  const r = normaliseWords(reference), h = normaliseWords(hypothesis);
  const rk = r.map(refKind), hk = h.map(hypKind);
  const isHes = (k: Kind): boolean => k !== 'word';
  const same = (i: number, j: number): boolean => r[i] === h[j] || (isHes(rk[i]!) && isHes(hk[j]!));
  // A hypothesis hesitation pairs with a strict one in preference to an "hm" (a tiny extra cost).
  const cost = (i: number, j: number): number => (!same(i, j) ? 1 : rk[i] === 'other' ? 1e-3 : 0);
  // d[i][j]: edits aligning r[0..i) with h[0..j)
  const d: number[][] = Array.from({ length: r.length + 1 }, (_, i) => Array.from({ length: h.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= r.length; i++) {
    for (let j = 1; j <= h.length; j++) {
      d[i]![j] = Math.min(d[i - 1]![j - 1]! + cost(i - 1, j - 1), d[i - 1]![j]! + 1, d[i]![j - 1]! + 1);
    }
  }
  let tp = 0, neutral = 0;
  let i = r.length, j = h.length;
  while (i > 0 && j > 0) {
    if (Math.abs(d[i]![j]! - (d[i - 1]![j - 1]! + cost(i - 1, j - 1))) < 1e-9) {
      if (isHes(rk[i - 1]!) && isHes(hk[j - 1]!)) {
        if (rk[i - 1] === 'strict') tp++;
        else neutral++;
      }
      i--;
      j--;
    } else if (Math.abs(d[i]![j]! - (d[i - 1]![j]! + 1)) < 1e-9) i--;
    else j--;
  }
  const ref = rk.filter((k) => k === 'strict').length;
  const hyp = hk.filter((k) => k === 'strict').length;
  return { ref, hyp, tp, fn: ref - tp, fp: hyp - tp - neutral };
}

export function addHesitationCounts(a: HesitationCounts, b: HesitationCounts): HesitationCounts {
  return { ref: a.ref + b.ref, hyp: a.hyp + b.hyp, tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn };
}

export const ZERO_HESITATIONS: HesitationCounts = { ref: 0, hyp: 0, tp: 0, fp: 0, fn: 0 };

/** Precision and recall; null where undefined (no hypothesis / no reference hesitation). */
export function hesitationPr(c: HesitationCounts): { precision: number | null; recall: number | null } {
  return { precision: c.tp + c.fp ? c.tp / (c.tp + c.fp) : null, recall: c.ref ? c.tp / c.ref : null };
}
