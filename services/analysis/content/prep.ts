/**
 * Prep notes against what the candidate actually said.
 *
 * Points: every line of the notes that starts with a bullet ("-", "*", "•", "+") or a number ("1.",
 * "2)", "(3)"), marker removed. Notes with no such line are read one point per non-empty line, so a
 * plain list still works.
 *
 * Coverage: a point's keywords (see keywords.ts) are compared with each candidate sentence and with
 * each window of up to PREP_WINDOW (4) consecutive candidate sentences: a story spreads its points
 * over a few sentences ("…a hackathon. … We won second place."). The share of the point's
 * keywords found in the best window decides the status:
 *   covered ≥ COVERED_SHARE (0.6), partial ≥ PARTIAL_SHARE (0.3), else missed.
 * With 1–3 keywords that means all / any / none, 1 of 2 is partial and 2 of 3 covered; with more
 * keywords roughly "most of it" vs "some of it". The evidence is the single sentence of the best
 * window that matches most keywords, verbatim.
 */
import type { PrepPoint } from './content.schema.js';
import { keywords } from './keywords.js';

export const COVERED_SHARE = 0.6;
export const PARTIAL_SHARE = 0.3;
/** Consecutive candidate sentences a point may be spread over (about half a minute of speech). */
export const PREP_WINDOW = 4;

const MARKER = /^\s*(?:[-*•+‣◦▪]|\(?\d{1,3}[.)]|\(\d{1,3}\))\s+(.+?)\s*$/u;

export function parsePrepNotes(notes: string): string[] {
  const lines = notes.split(/\r?\n/u);
  const marked = lines.map((l) => MARKER.exec(l)?.[1]).filter((p): p is string => p !== undefined && p !== '');
  if (marked.length > 0) return marked;
  return lines.map((l) => l.trim()).filter((l) => /[\p{L}\p{N}]/u.test(l));
}

const overlap = (point: ReadonlySet<string>, said: ReadonlySet<string>): number => {
  let n = 0;
  for (const k of point) if (said.has(k)) n++;
  return n;
};

/** Covered/partial/missed for each point, given the candidate's sentences in spoken order. */
export function matchPrepPoints(points: readonly string[], candidateSentences: readonly string[]): PrepPoint[] {
  const said = candidateSentences.map((s) => ({ text: s, keys: keywords(s) }));
  return points.map((point) => {
    const want = keywords(point);
    let bestShare = 0;
    let evidence: string | undefined;
    for (let i = 0; i < said.length && want.size > 0; i++) {
      const window = said.slice(i, i + PREP_WINDOW);
      const keys = new Set(window.flatMap((s) => [...s.keys]));
      const share = overlap(want, keys) / want.size;
      if (share > bestShare) {
        bestShare = share;
        // The window's sentence with the most matched keywords, earliest on ties.
        evidence = window.reduce((a, b) => (overlap(want, b.keys) > overlap(want, a.keys) ? b : a)).text;
      }
    }
    const status = bestShare >= COVERED_SHARE ? 'covered' : bestShare >= PARTIAL_SHARE ? 'partial' : 'missed';
    return status === 'missed' ? { point, status } : { point, status, evidence: evidence! };
  });
}
