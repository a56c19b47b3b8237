/**
 * Which of the job's competencies the candidate's answers showed. Pure.
 *
 * Each answer is split into sentences (wink-nlp) and searched for the competency's synonyms and
 * spoken cues (vocabulary.ts: "I led", "taught myself", "the outage"). The candidate's own questions
 * (sentences ending in "?", answers to "any questions for me?") are not evidence of anything.
 * A sentence that matches is
 *   strong when it is about the candidate's own doing: it has "I", "me", "my" or "myself";
 *   weak otherwise ("we fixed the outage", "the team did a lot of testing").
 * Status: covered = at least one strong sentence; partial = only weak ones; missed = none.
 * The evidence is the matching sentence, verbatim (a long unpunctuated ASR sentence is cut to a
 * window of QUOTE_WORDS words around the match, still a verbatim substring), preferring strong
 * sentences, then the one with the most matches, then the earliest.
 * coverage = (covered + ½ · partial) ÷ competencies: a partial counts half.
 */
import { splitSentences } from '../content/nlp.js';
import type { ExtractedCompetency } from './extract.js';
import type { CoverageStatus, JobCompetency } from './job.contract.js';
import { findPhrases, tokens } from './phrases.js';
import { type CompiledVocabulary, vocabulary } from './vocabulary.js';

export const QUOTE_WORDS = 40;
const FIRST_PERSON = new Set(['i', 'me', 'my', 'myself', 'mine']);

export interface CoverageAnswer {
  readonly text: string;
  /** Question kind; answers to "any questions for me?" are skipped. */
  readonly kind?: string;
}

interface Hit {
  readonly answer: number | undefined;
  readonly order: number;
  readonly quote: string;
  readonly strong: boolean;
  readonly matches: number;
}

/** Verbatim sentences of `text`: wink's sentences located in the text (a piece not found is skipped). */
export function verbatimSentences(text: string): string[] {
  const out: string[] = [];
  let cursor = 0;
  for (const piece of splitSentences(text)) {
    const at = text.indexOf(piece, cursor);
    if (at < 0) continue;
    out.push(piece);
    cursor = at + piece.length;
  }
  return out;
}

/** The sentence, or for a long one a window of QUOTE_WORDS words around its first match: verbatim. */
export function quoteAround(sentence: string, firstNorm: string): string {
  const words = [...sentence.matchAll(/\S+/gu)];
  if (words.length <= QUOTE_WORDS) return sentence;
  const at = Math.max(0, words.findIndex((w) => w[0].toLowerCase().replace(/[^\p{L}\p{N}+#']/gu, '').startsWith(firstNorm.replace(/[^\p{L}\p{N}+#']/gu, ''))));
  const from = Math.max(0, Math.min(at - Math.floor(QUOTE_WORDS / 3), words.length - QUOTE_WORDS));
  const first = words[from]!;
  const last = words[Math.min(words.length, from + QUOTE_WORDS) - 1]!;
  return sentence.slice(first.index, last.index + last[0].length);
}

/**
 * @param answers the report's answers, in order (their indexes are the `answers` of the result)
 * @param extra candidate sentences outside any answer (used when no question/answer was found)
 */
export function judgeCoverage(
  competencies: readonly ExtractedCompetency[],
  answers: readonly CoverageAnswer[],
  extra: readonly string[] = [],
  vocab: CompiledVocabulary = vocabulary(),
): { competencies: JobCompetency[]; coverage: number } {
  const wanted = new Set(competencies.map((c) => c.id));
  const hits = new Map<string, Hit[]>();
  const sentences: { answer: number | undefined; text: string }[] = [
    ...answers.flatMap((a, i) => (a.kind === 'candidate_questions' ? [] : verbatimSentences(a.text).map((text) => ({ answer: i as number | undefined, text })))),
    ...extra.map((text) => ({ answer: undefined, text })),
  ];
  sentences.forEach((s, order) => {
    if (/\?\s*$/u.test(s.text)) return;
    const toks = tokens(s.text);
    const strong = toks.some((t) => FIRST_PERSON.has(t.norm));
    const byOwner = new Map<string, { n: number; firstNorm: string }>();
    for (const m of findPhrases(toks, vocab.speech.phrases, vocab.speech.index)) {
      if (!wanted.has(m.owner)) continue;
      const held = byOwner.get(m.owner);
      if (held) held.n++;
      else byOwner.set(m.owner, { n: 1, firstNorm: m.firstNorm });
    }
    for (const [id, { n, firstNorm }] of byOwner) {
      const list = hits.get(id) ?? hits.set(id, []).get(id)!;
      list.push({ answer: s.answer, order, quote: quoteAround(s.text, firstNorm), strong, matches: n });
    }
  });

  const judged = competencies.map((c): JobCompetency => {
    const list = hits.get(c.id) ?? [];
    const base = { id: c.id, name: c.name, kind: c.kind, source: c.source };
    if (list.length === 0) return { ...base, status: 'missed' };
    const status: CoverageStatus = list.some((h) => h.strong) ? 'covered' : 'partial';
    const best = [...list].sort((a, b) => Number(b.strong) - Number(a.strong) || b.matches - a.matches || a.order - b.order)[0]!;
    const idx = [...new Set(list.map((h) => h.answer).filter((a): a is number => a !== undefined))].sort((a, b) => a - b);
    return { ...base, status, evidence: best.quote, ...(idx.length > 0 && { answers: idx }) };
  });
  return { competencies: judged, coverage: coverageShare(judged) };
}

export function coverageShare(list: readonly { status: CoverageStatus }[]): number {
  if (list.length === 0) return 0;
  const score = list.reduce((s, c) => s + (c.status === 'covered' ? 1 : c.status === 'partial' ? 0.5 : 0), 0);
  return Math.round((score / list.length) * 1000) / 1000;
}
