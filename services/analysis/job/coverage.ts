/**
 * Which of the job's competencies the candidate's answers showed. Pure.
 *
 * Each answer is split into sentences (wink-nlp) and searched for the competency's synonyms and
 * spoken cues (vocabulary.ts: "I led", "taught myself", "the outage"). The candidate's own questions
 * (sentences ending in "?", answers to "any questions for me?") are not evidence of anything.
 * A sentence that matches is
 *   strong when it reports the candidate's own deed: "I" followed by an action verb, past or a
 *     present habit ("I led", "I've built", "I spearhead the auction"; see ownDeed);
 *   weak otherwise: the team's deed ("we fixed the outage"), a claim or a self-description ("I'm
 *     a leader", "I learn really quickly", "I would be committed"), a role ("I was president"),
 *     an admitted weakness ("I have trouble meeting deadlines"), a plan.
 * The question asked counts too: an answer to a question that names the competency in a posting's
 * words, its synonyms ("a time you demonstrated leadership", "working on a team … how did you
 * solve that problem"; not the spoken cues: "how do you plan to improve" is no event planning) shows it,
 * strongly when its STAR action is the candidate's own deed, weakly otherwise (answers of at least
 * QUESTION_MIN_WORDS words; the evidence is the STAR action sentence, else the answer's first one).
 * Status: covered = at least one strong sentence; partial = only weak ones; missed = none.
 * The evidence is the matching sentence, verbatim (a long unpunctuated ASR sentence is cut to a
 * window of QUOTE_WORDS words around the match, still a verbatim substring), preferring strong
 * sentences, then the one with the most matches, then the earliest.
 * coverage = (covered + ½ · partial) ÷ competencies: a partial counts half.
 */
import { analyseTokens, splitSentences } from '../content/nlp.js';
import type { ExtractedCompetency } from './extract.js';
import type { CoverageStatus, JobCompetency } from './job.contract.js';
import { findPhrases, tokens } from './phrases.js';
import { type CompiledVocabulary, vocabulary } from './vocabulary.js';

export const QUOTE_WORDS = 40;
export const QUESTION_MIN_WORDS = 15;
/** Verbs that state a mind or a mood, not a deed ("I liked", "I thought", "I wanted"). */
const NOT_DEEDS = new Set(['think', 'feel', 'like', 'love', 'want', 'hope', 'guess', 'know', 'believe', 'mean', 'try', 'tend', 'wish', 'enjoy', 'need', 'say', 'suppose', 'imagine', 'get', 'be', 'have']);
/** Present-tense verbs that describe the speaker rather than report a habit of doing ("I learn quickly", "I work hard"). */
const PRESENT_CLAIMS = new Set(['learn', 'work', 'care', 'do', 'bring', 'can', 'will', 'would', 'struggle', 'procrastinate']);
/** Hedges and fillers between "I" and its verb: "I sort of took", "I kinda organize", "I basically set up". */
const BETWEEN = new Set(['sort', 'kind', 'of', 'kinda', 'sorta', 'like', 'um', 'uh', 'uhh', 'umm', 'ah', 'also', 'just', 'actually', 'basically', 'really', 'then', 'personally', 'individually', 'eventually', 'finally']);
const PERFECT = new Set(['have', "'ve", 've', 'had', "'d"]);

/**
 * "I" followed, within five words (hedges, adverbs and have/had skipped), by a deed: a past-tense
 * action verb ("I led", "I've built", "what I did was…") or a present habit ("I spearhead the
 * auction every year"), not a verb of mind ("I think") or a self-description ("I learn quickly").
 */
export function ownDeed(sentence: string): boolean {
  const toks = analyseTokens(sentence);
  for (let i = 0; i < toks.length; i++) {
    if (toks[i]!.norm !== 'i') continue;
    let perfect = false;
    for (let j = i + 1; j < Math.min(toks.length, i + 6); j++) {
      const t = toks[j]!;
      if (BETWEEN.has(t.norm) || t.pos === 'ADV' || t.pos === 'PART' || t.pos === 'INTJ') continue;
      if (PERFECT.has(t.norm)) {
        perfect = true;
        continue;
      }
      if (t.norm === 'did') {
        const next = toks.slice(j + 1).find((n) => !BETWEEN.has(n.norm) && n.pos !== 'ADV');
        if (next?.pos === 'VERB') continue;
        return true;
      }
      if (t.pos !== 'VERB' || NOT_DEEDS.has(t.lemma) || t.norm.endsWith('ing')) break;
      if (t.norm !== t.lemma) return true;
      // "I have trouble…" is not "I have built…": after have/had only a participle is a deed.
      if (!perfect && !PRESENT_CLAIMS.has(t.lemma)) return true;
      break;
    }
  }
  return false;
}

export interface CoverageAnswer {
  readonly text: string;
  /** Question kind; answers to "any questions for me?" are skipped. */
  readonly kind?: string;
  /** The interviewer's question: a competency it names is what the answer is about. */
  readonly question?: string;
  readonly wordCount?: number;
  readonly star?: { readonly action: { readonly present: boolean; readonly evidence?: string } };
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
    const byOwner = new Map<string, { n: number; firstNorm: string }>();
    for (const m of findPhrases(toks, vocab.speech.phrases, vocab.speech.index)) {
      if (!wanted.has(m.owner)) continue;
      const held = byOwner.get(m.owner);
      if (held) held.n++;
      else byOwner.set(m.owner, { n: 1, firstNorm: m.firstNorm });
    }
    if (byOwner.size === 0) return;
    const strong = ownDeed(s.text);
    for (const [id, { n, firstNorm }] of byOwner) {
      const list = hits.get(id) ?? hits.set(id, []).get(id)!;
      list.push({ answer: s.answer, order, quote: quoteAround(s.text, firstNorm), strong, matches: n });
    }
  });
  answers.forEach((a, i) => {
    if (!a.question || a.kind === 'candidate_questions') return;
    const words = a.wordCount ?? a.text.split(/\s+/u).length;
    if (words < QUESTION_MIN_WORDS) return;
    const asked = new Set(findPhrases(tokens(a.question), vocab.posting.phrases, vocab.posting.index).map((m) => m.owner).filter((id) => wanted.has(id)));
    if (asked.size === 0) return;
    const action = a.star?.action.present ? a.star.action.evidence : undefined;
    const quote = action && a.text.includes(action) ? action : verbatimSentences(a.text)[0];
    if (!quote) return;
    const strong = action !== undefined && ownDeed(action);
    for (const id of asked) {
      const list = hits.get(id) ?? hits.set(id, []).get(id)!;
      list.push({ answer: i, order: sentences.length + i, quote: quoteAround(quote, ''), strong, matches: 0 });
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
