/**
 * Word error rate: (substitutions + deletions + insertions) / reference words, by word-level
 * Levenshtein distance after normalising case and punctuation (the testdata references mix
 * punctuated and bare text). Used by the evaluation tests and the benchmark.
 */

/** Lower-case words with punctuation removed; inner apostrophes and hyphens split nothing. */
export function normaliseWords(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .split(/\s+/)
    .map((t) => t.replace(/[^a-z0-9']/g, '').replace(/^'+|'+$/g, ''))
    .filter((t) => t.length > 0);
}

/** Minimum edits turning `ref` into `hyp` (two-row dynamic programme, O(n·m) time, O(m) memory). */
export function wordEditDistance(ref: readonly string[], hyp: readonly string[]): number {
  let prev = Array.from({ length: hyp.length + 1 }, (_, j) => j);
  for (let i = 1; i <= ref.length; i++) {
    const cur = [i];
    for (let j = 1; j <= hyp.length; j++) {
      const sub = prev[j - 1]! + (ref[i - 1] === hyp[j - 1] ? 0 : 1);
      cur.push(Math.min(sub, prev[j]! + 1, cur[j - 1]! + 1));
    }
    prev = cur;
  }
  return prev[hyp.length]!;
}

export function wordErrorRate(reference: string, hypothesis: string): number {
  const ref = normaliseWords(reference);
  const hyp = normaliseWords(hypothesis);
  if (ref.length === 0) return hyp.length === 0 ? 0 : 1;
  return wordEditDistance(ref, hyp) / ref.length;
}
