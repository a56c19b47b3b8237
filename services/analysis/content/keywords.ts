/**
 * Content keywords for matching prep notes to speech: wink-nlp lemmas with stop words and fillers
 * dropped, folded through a small synonym table ("synonyms-lite": near-synonyms and derivations a
 * stemmer does not join, such as reduction/reduce or cut/reduce), then Porter2-stemmed so "migrated"
 * and "migration" meet. Numbers are kept: "40%" in a note should match "forty percent" only if
 * spoken as digits, which ASR engines usually do.
 */
import { analyseTokens, stemWord } from './nlp.js';

const STOP = new Set(
  ('a an the and or but if so to of in on at for with by from as is are was were be been being am do does did done ' +
    'have has had i me my mine we us our you your he she it its they them their this that these those there here ' +
    'what which who whom when where why how not no yes very just really also too then than about into over under ' +
    'up down out off again more most some any all each other such only own same can could will would should may ' +
    'might must shall one thing things stuff get got make made like kind sort mention talk say tell point example story stories time discuss bring highlight ' +
    'um uh er ah hmm uhm mm okay ok yeah well know mean basically actually literally maybe lot lots bit ' +
    '\'s n\'t \'m \'re \'ve \'ll \'d').split(/\s+/u),
);

/** Each row: canonical form first, then words (lemmas) that count as the same idea. */
const SYNONYMS: readonly (readonly string[])[] = [
  ['reduce', 'reduction', 'cut', 'decrease', 'lower', 'shrink', 'drop', 'minimise', 'minimize', 'fewer'],
  ['increase', 'boost', 'raise', 'grow', 'growth', 'improve', 'improvement', 'higher', 'more', 'double', 'triple'],
  ['lead', 'leader', 'leadership', 'manage', 'manager', 'management', 'head', 'spearhead', 'run', 'direct', 'organize', 'organise', 'coordinate'],
  ['build', 'create', 'develop', 'implement', 'design', 'write', 'code', 'prototype', 'set'],
  ['fix', 'resolve', 'solve', 'solution', 'debug', 'repair', 'troubleshoot'],
  ['problem', 'issue', 'bug', 'incident', 'outage', 'failure', 'challenge'],
  ['customer', 'client', 'user'],
  ['team', 'group', 'squad', 'colleague', 'teammate', 'coworker'],
  ['money', 'revenue', 'sale', 'sales', 'profit', 'cost', 'budget', 'dollar', 'fund', 'fundraise', 'fundraising'],
  ['fast', 'faster', 'quick', 'quickly', 'speed', 'latency', 'performance', 'slow'],
  ['teach', 'mentor', 'coach', 'train', 'tutor', 'tutoring', 'training'],
  ['conflict', 'disagreement', 'disagree', 'argument', 'dispute'],
  ['percent', '%', 'percentage'],
  ['deadline', 'schedule', 'timeline', 'late', 'delay'],
  ['communicate', 'communication', 'explain', 'present', 'presentation'],
  ['learn', 'lesson', 'learning'],
  ['automate', 'automation', 'automatic', 'script'],
  ['test', 'testing', 'qa', 'quality'],
  ['weakness', 'weak'],
];

const CANONICAL = new Map<string, string>();
for (const row of SYNONYMS) for (const w of row) if (!CANONICAL.has(w)) CANONICAL.set(w, row[0]!);

const STEMMED_CANONICAL = new Map<string, string>();

/** Canonical stem of a lemma (memoised: the synonym table is tiny, lookups are many). */
function canonicalStem(lemma: string): string {
  const canonical = CANONICAL.get(lemma) ?? lemma;
  let stem = STEMMED_CANONICAL.get(canonical);
  if (stem === undefined) {
    stem = stemWord(canonical);
    STEMMED_CANONICAL.set(canonical, stem);
  }
  return stem;
}

export function keywords(text: string): Set<string> {
  const out = new Set<string>();
  for (const t of analyseTokens(text)) {
    if (STOP.has(t.norm) || STOP.has(t.lemma) || !/[\p{L}\p{N}%]/u.test(t.norm)) continue;
    if (t.pos === 'PRON' || t.pos === 'DET' || t.pos === 'ADP' || t.pos === 'CCONJ' || t.pos === 'AUX' || t.pos === 'PART') continue;
    out.add(canonicalStem(t.lemma));
  }
  return out;
}
