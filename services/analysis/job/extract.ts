/**
 * Competencies of a job description, offline: lines → sentences (wink-nlp) → vocabulary phrases
 * (phrases.ts). Pure: same text, same result.
 *
 * - Each competency keeps the first sentence that names it as `source`, verbatim (bullet marker
 *   removed), and is ranked by importance: the number of sentences naming it, a "nice to have" /
 *   "bonus" / "preferred" sentence or section counting half; ties keep posting order.
 * - Boilerplate is skipped: sections headed benefits / perks / what we offer / compensation /
 *   about us / who we are / equal opportunity, and equal-opportunity, pay and benefit sentences
 *   anywhere. They name no competency the candidate is judged on ("we value diversity" in an EEO
 *   statement is the employer's promise, not a requirement).
 * - Language: the share of English stop words among the words. English postings, even terse bullet
 *   lists, sit at 15–45 %; other languages below 5 % (their English tech names are not stop
 *   words). Under ENGLISH_MIN_STOPWORD_SHARE with at least 15 words, a note says the text looks like
 *   another language and that only English vocabulary was matched; the extraction still runs (tech
 *   names like "Python" or "SQL" are found in any language).
 */
import { splitSentences } from '../content/nlp.js';
import type { CompetencyKind } from './job.contract.js';
import { findPhrases, tokens } from './phrases.js';
import { type CompiledVocabulary, vocabulary } from './vocabulary.js';

export const ENGLISH_MIN_STOPWORD_SHARE = 0.08;
const LANGUAGE_MIN_WORDS = 15;

export interface ExtractedCompetency {
  readonly id: string;
  readonly name: string;
  readonly kind: CompetencyKind;
  /** The sentence of the posting it came from, verbatim. */
  readonly source: string;
  /** Sentences naming it (nice-to-have ones count ½). */
  readonly importance: number;
}

export interface Extraction {
  readonly competencies: ExtractedCompetency[];
  readonly english: boolean;
  readonly notes: string[];
}

const EN_STOP = new Set(
  ('the and of to a in for with is are be will you we our your on as or that this an at by from have has it ' +
    'who what which their they can all about us into more other such than these those would should must not ' +
    'experience work working team teams ability able strong skills').split(' '),
);
const BULLET = /^\s*(?:[-*•+‣◦▪·]|\(?\d{1,3}[.)]|\(\d{1,3}\))\s+/u;
const HEADING_SKIP = /\b(?:benefits?|perks|what we offer|we offer|compensation|salary|pay range|about (?:us|the company|the team|company)|who we are|our (?:mission|story|values|culture)|equal (?:employment )?opportunit|eeo|accommodations?|how to apply|location|why join)\b/iu;
const HEADING_BONUS = /\b(?:nice to have|nice-to-have|bonus|preferred|pluses|a plus|desirable|good to have)\b/iu;
const BOILERPLATE =
  /\b(?:equal opportunity|regardless of (?:race|gender|age)|race, (?:colou?r|religion)|sexual orientation|reasonable accommodation|401\(?k\)?|health insurance|dental|paid time off|parental leave|salary range|pay range|base salary|competitive salary|stock options|visa sponsorship|we offer|pension|tuition reimbursement|relocation (?:support|assistance)|volunteer time|(?:learning|development) budget|ote of|we(?:'re| are) hiring)\b/iu;

/** A short line with no sentence punctuation (or ending with ":") reads as a section heading. */
const isHeading = (line: string): boolean => {
  const t = line.trim();
  if (t.endsWith(':')) return t.split(/\s+/u).length <= 8;
  return t.split(/\s+/u).length <= 6 && !/[.!?;,]$/u.test(t) && !BULLET.test(line) && /^[\p{Lu}#*]/u.test(t);
};

interface Sentence {
  readonly text: string;
  readonly bonus: boolean;
}

/** The posting's sentences worth reading, in order, with boilerplate sections dropped. */
export function postingSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let skip = false;
  let bonusSection = false;
  for (const raw of text.split(/\r?\n/u)) {
    if (raw.trim() === '') continue;
    if (isHeading(raw)) {
      skip = HEADING_SKIP.test(raw) && !HEADING_BONUS.test(raw);
      bonusSection = HEADING_BONUS.test(raw);
      // Headings are structure ("Requirements", "What you'll do"), not requirements.
      continue;
    }
    if (skip) continue;
    const line = raw.replace(BULLET, '').trim().replace(/^[#*_]+\s*|\s*[*_]+$/gu, '');
    for (const s of mergeFragments(line, splitSentences(line))) {
      if (BOILERPLATE.test(s)) continue;
      out.push({ text: s, bonus: bonusSection || HEADING_BONUS.test(s) });
    }
  }
  return out;
}

/**
 * wink splits "Node.js" and "e.g. dashboards" after the dot; a piece that starts in lower case
 * continues the previous sentence. Pieces are located in the line so the source stays verbatim.
 */
function mergeFragments(line: string, pieces: readonly string[]): string[] {
  const spans: [number, number][] = [];
  let cursor = 0;
  for (const p of pieces) {
    const at = line.indexOf(p, cursor);
    if (at < 0) continue;
    const end = at + p.length;
    if (spans.length > 0 && /^[\p{Ll}\p{N}(]/u.test(p)) spans[spans.length - 1]![1] = end;
    else spans.push([at, end]);
    cursor = end;
  }
  return spans.length ? spans.map(([a, b]) => line.slice(a, b)) : [line];
}

export function stopWordShare(text: string): { share: number; words: number } {
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  if (words.length === 0) return { share: 0, words: 0 };
  return { share: words.filter((w) => EN_STOP.has(w)).length / words.length, words: words.length };
}

export function extractCompetencies(text: string, vocab: CompiledVocabulary = vocabulary()): Extraction {
  const notes: string[] = [];
  const { share, words } = stopWordShare(text);
  const english = words < LANGUAGE_MIN_WORDS || share >= ENGLISH_MIN_STOPWORD_SHARE;
  if (!english) {
    notes.push(
      `The job description does not look like English (${Math.round(share * 100)}% English function words; English postings have 15–45%). ` +
        'Competencies are recognised from an English vocabulary, so only names that are the same in any language (tools such as Python or SQL) were found. Paste the English version of the posting if there is one.',
    );
  }
  const found = new Map<string, { source: string; importance: number; order: number }>();
  for (const s of postingSentences(text)) {
    const ids = new Set(findPhrases(tokens(s.text), vocab.posting.phrases, vocab.posting.index).map((m) => m.owner));
    for (const id of ids) {
      const held = found.get(id);
      const weight = s.bonus ? 0.5 : 1;
      if (held) held.importance += weight;
      else found.set(id, { source: s.text, importance: weight, order: found.size });
    }
  }
  const competencies = [...found.entries()]
    .sort((a, b) => b[1].importance - a[1].importance || a[1].order - b[1].order)
    .map(([id, f]) => {
      const e = vocab.byId.get(id)!;
      return { id, name: e.name, kind: e.kind, source: f.source, importance: f.importance };
    });
  if (competencies.length === 0 && text.trim() !== '') {
    notes.push('No competency from the vocabulary was recognised in the job description, so coverage cannot be judged. A posting with its responsibilities and requirements works best.');
  }
  return { competencies, english, notes };
}
