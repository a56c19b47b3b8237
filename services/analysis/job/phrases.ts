/**
 * Phrase matching for the competency vocabulary, on wink-nlp tokens (content/nlp.ts).
 *
 * Text and phrases are normalised the same way before tokenising: lower case; tech names whose
 * punctuation a tokenizer splits are joined ("c++" → cplusplus, "c#" → csharp, ".net" → dotnet,
 * "node.js" → nodejs); hyphens and slashes become spaces ("cross-functional" = "cross functional",
 * "CI/CD" = "ci cd"); the articles a/an/the are dropped ("led the team" = "led a team").
 * A phrase token matches a text token when their lemmas or their written forms agree, so "led
 * teams" matches "lead team" and "dashboards" matches "dashboard".
 *
 * Overlaps: a match inside a longer one is dropped ("lead generation" is sales, not leadership;
 * "computer vision" is machine learning, not strategic "vision"); a match with a
 * negation just before it ("never", "not", "no", "n't", "without") is dropped.
 */
import { analyseTokens } from '../content/nlp.js';

export interface Tok {
  readonly norm: string;
  readonly lemma: string;
}

const JOINED: readonly [RegExp, string][] = [
  [/c\+\+/gu, ' cplusplus '],
  [/c#/gu, ' csharp '],
  [/\.net\b/gu, ' dotnet '],
  [/\bnode\.js\b/gu, ' nodejs '],
  [/\bp&l\b/gu, ' pnl '],
  [/[-‐‑–—/]/gu, ' '],
];
const ARTICLES = new Set(['a', 'an', 'the']);
const NEGATIONS = new Set(['never', 'not', "n't", 'no', 'without', 'nor']);

export function normalise(text: string): string {
  let t = text.toLowerCase();
  for (const [re, to] of JOINED) t = t.replace(re, to);
  return t;
}

export function tokens(text: string): Tok[] {
  return analyseTokens(normalise(text))
    .filter((t) => !ARTICLES.has(t.norm))
    .map((t) => ({ norm: t.norm, lemma: t.lemma }));
}

const same = (p: Tok, t: Tok) => p.lemma === t.lemma || p.norm === t.norm || p.lemma === t.norm || p.norm === t.lemma;

export interface Phrase<T> {
  readonly toks: readonly Tok[];
  readonly owner: T;
}

export interface Match<T> {
  readonly owner: T;
  readonly start: number;
  readonly end: number;
  /** The first word of the match as written (lower case), to place a quote window. */
  readonly firstNorm: string;
}

/**
 * Every phrase occurrence in `toks`, overlaps resolved longest-first (earliest on ties), negated
 * ones dropped. Phrases are few hundred and sentences short, so a direct scan is fast enough
 * (a 20,000-character posting matches in well under 100 ms).
 */
export function findPhrases<T>(toks: readonly Tok[], phrases: readonly Phrase<T>[], byFirst?: ReadonlyMap<string, Phrase<T>[]>): Match<T>[] {
  const found: Match<T>[] = [];
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    const candidates = byFirst ? [...(byFirst.get(t.lemma) ?? []), ...(t.norm !== t.lemma ? (byFirst.get(t.norm) ?? []) : [])] : phrases;
    for (const p of candidates) {
      const n = p.toks.length;
      if (n === 0 || i + n > toks.length) continue;
      let ok = true;
      for (let j = 0; j < n && ok; j++) ok = same(p.toks[j]!, toks[i + j]!);
      if (ok) found.push({ owner: p.owner, start: i, end: i + n, firstNorm: t.norm });
    }
  }
  found.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const taken: Match<T>[] = [];
  for (const m of found) {
    // Inside a longer match: the longer phrase is what was meant. Partly overlapping matches both
    // stand ("I led a team of" is leadership and people management).
    if (taken.some((k) => k.start <= m.start && m.end <= k.end)) continue;
    const before = toks.slice(Math.max(0, m.start - 3), m.start);
    if (before.some((b) => NEGATIONS.has(b.norm))) continue;
    taken.push(m);
  }
  return taken.sort((a, b) => a.start - b.start);
}

/** Index phrases by both forms of their first token, so a scan only tries plausible phrases. */
export function indexByFirst<T>(phrases: readonly Phrase<T>[]): Map<string, Phrase<T>[]> {
  const m = new Map<string, Phrase<T>[]>();
  for (const p of phrases) {
    const f = p.toks[0];
    if (!f) continue;
    for (const key of new Set([f.lemma, f.norm])) (m.get(key) ?? m.set(key, []).get(key)!).push(p);
  }
  return m;
}
