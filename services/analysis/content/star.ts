/**
 * STAR tagging of one answer, sentence by sentence. Each sentence gets a score per component from
 * cue phrases (weights below); a component is present when its best sentence reaches
 * STAR_THRESHOLD, and that sentence, verbatim, is the evidence. Ties go to the earliest sentence for
 * Situation and Task (context comes first) and to the latest for Action and Result (the outcome comes
 * last). One sentence may evidence several parts ("At my last job I cut build time by 40%").
 *
 *   Situation — setting the scene: "at my last job", "when I was", "last semester", "we had a
 *     problem", "the situation was", "a few years ago", "I was working at/on" (2); weak cues "there
 *     was", "we were", "our team", "one time" (1).
 *   Task — goal or responsibility: "my role/job/goal was", "I was responsible for / in charge of /
 *     tasked with", "the goal was", "I/we needed to", "I had to", "it was my job" (2); "in order to",
 *     "so that" (1).
 *   Action — what the speaker did: "I" followed (within two adverbs/auxiliaries: "then", "actually",
 *     "kinda") by a non-stative verb, past or habitual present, found with wink-nlp POS tags and lemmas
 *     (2); "what I did was" (3); "we" + such a verb (1: a team action, weaker evidence of the
 *     candidate's own contribution). Stative and hedge verbs (think, guess, feel, mean, know, want, be,
 *     have, like) are not actions.
 *   Result — outcome: a metric (a number with %, "percent", $, "x", "times", "by <number>") (2);
 *     "as a result", "which led to", "resulted in", "in the end", "ultimately", "the outcome", "we/it
 *     ended up", "so we were able to" (2); outcome verbs ("reduced", "increased", "saved", "improved",
 *     "shipped", "launched", "won", "doubled"…) (1); "after that", "since then", "it worked",
 *     "eventually", "successfully", "I/we learned", "no more", "zero/fewer/no <noun>" (1).
 */
import type { Star } from './content.schema.js';
import { analyseTokens } from './nlp.js';

export type StarPart = keyof Star;
export const STAR_PARTS: readonly StarPart[] = ['situation', 'task', 'action', 'result'];
export const STAR_THRESHOLD = 2;

type Cue = readonly [RegExp, number];

const SITUATION: readonly Cue[] = [
  [/\b(?:at|in) my (?:last|previous|current|old|first|former|summer) (?:job|company|role|position|internship|team|employer|school)\b/iu, 2],
  [/\b(?:when|while) (?:i|we) (?:was|were|worked|started|joined|interned)\b/iu, 2],
  [/\b(?:last|this past) (?:year|semester|summer|spring|fall|winter|term|quarter|month)\b/iu, 2],
  [/\b(?:a (?:few|couple(?: of)?) |two |three |several )?(?:years|months|weeks) ago\b/iu, 2],
  [/\b(?:we|i|the team|our team|the company|they) (?:had|faced|ran into|were facing|were dealing with) (?:a|an|this|some|one|the) (?:\w+ )?(?:problem|issue|situation|challenge|outage|bug|crisis|deadline|conflict)\b/iu, 2],
  [/\bthe (?:situation|context|background|problem|issue|challenge) was\b/iu, 2],
  [/\bi (?:was|am) (?:working|interning|studying) (?:at|on|as|for|in)\b|\bi worked (?:at|on|as|for|in)\b/iu, 2],
  [/\b(?:back (?:when|in)|during my|in (?:19|20)\d\d)\b/iu, 2],
  [/\b(?:we|i|they) had (?:a|an) (?:\w+ )?(?:client|customer|project|product|launch|deadline)\b/iu, 2],
  [/\b(?:i'm|i am|i was) (?:currently |now )?(?:at|with) (?:a|an|the)\b/iu, 2],
  // Who the speaker was: "I'm a course 6 major", "I was the vice president", "I was in APO".
  [/\b(?:i'm|im|i am|i was) (?:a |an |the )?(?:\w+ ){0,3}(?:major|student|intern|member|president|engineer|manager|developer|analyst|designer|captain|volunteer|freshman|sophomore|junior|senior)\b|\bi was (?:in(?! charge)|part of) \w+/iu, 2],
  [/\b(?:there was|there were|we were|our team|one time|once,)\b/iu, 1],
];

const TASK: readonly Cue[] = [
  [/\bmy (?:role|job|task|responsibility|goal|objective|assignment|part|mission) (?:was|is|there was)\b/iu, 2],
  [/\bi was (?:responsible|in charge|tasked|asked|assigned|supposed|expected|hired|brought in|the one)\b/iu, 2],
  [/\bthe (?:goal|task|objective|aim|mission|plan|ask|idea) was\b/iu, 2],
  [/\b(?:i|we) (?:needed|had|wanted|were trying|was trying|were asked|was asked|have to|need to|had to) to\b|\b(?:i|we) had to\b/iu, 2],
  [/\bit was (?:my|our) (?:job|responsibility|task)\b/iu, 2],
  [/\bin order to\b|\bso that (?:we|i) could\b/iu, 1],
];

const RESULT: readonly Cue[] = [
  [/\d\s*(?:%|percent\b|x\b|times\b)|\bper ?cent\b|[$€£]\s?\d|\bby (?:\d|half|a third|a quarter|double)/iu, 2],
  [/\b(?:as a result|which led to|that led to|this led to|resulted in|in the end|at the end of the day|ultimately|the outcome|the result was|the impact|we ended up|it ended up|so we were able to|we were able to|i was able to|paid off)\b/iu, 2],
  // Completion verbs report an outcome on their own; change verbs ("reduced the scope") can be actions.
  [/\b(?:shipped|launched|delivered|won|doubled|tripled|halved|completed|achieved|exceeded|got promoted|finished on time|on time)\b/iu, 2],
  [/\b(?:reduced|increased|saved|improved|grew|cut down|boosted|decreased|dropped|went (?:up|down))\b/iu, 1],
  [/\b(?:after that|since then|from then on|it worked|eventually|successfully|(?:i|we) learned)\b/iu, 1],
  [/\b(?:no more|no longer|(?:had|have|with|got) (?:zero|no|fewer|less) \w+)\b/iu, 1],
];

/** Verbs that state, hedge or want rather than do. */
const NON_ACTION = new Set([
  'be', 'have', 'think', 'guess', 'feel', 'mean', 'know', 'want', 'like', 'love', 'hope', 'believe',
  'suppose', 'remember', 'imagine', 'need', 'wish', 'seem', 'say', 'get', 'kind', 'kinda', 'do', 'would', 'will',
  'can', 'could', 'should', 'may', 'might', 'must', 'am', 'was',
  // "I worked at / studied at" sets the scene (Situation) rather than reporting an action.
  'work', 'study', 'intern', 'live',
  // Ownership states a responsibility (Task); learning is reflection (a weak Result cue).
  'own', 'learn',
]);
const BETWEEN = new Set(['then', 'also', 'actually', 'just', 'really', 'basically', 'kinda', 'kind', 'of', 'personally',
  'individually', 'quickly', 'immediately', 'eventually', 'finally', 'first', 'uh', 'um', 'ah', 'uhm', 'myself', 'and']);

/** Words ASR text puts after "I" that the tagger calls nouns but are not verbs ("should I alright so"). */
const DISCOURSE = new Set(['alright', 'okay', 'ok', 'yeah', 'yes', 'no', 'so', 'um', 'uh', 'uhm', 'ah', 'like']);

const cueScore = (sentence: string, cues: readonly Cue[]): number =>
  cues.reduce((sum, [re, w]) => (re.test(sentence) ? sum + w : sum), 0);

/**
 * 2 for "I" + action verb, plus 0.25 per further "I" action so the sentence listing most of the
 * candidate's steps wins as evidence; 1 for "we" + action verb only; 3 for "what I did was".
 */
export function actionScore(sentence: string): number {
  if (/\bwhat i (?:did|decided|ended up doing) (?:was|is)\b|\bso i (?:went ahead and|decided to)\b/iu.test(sentence)) return 3;
  const tokens = analyseTokens(sentence);
  let mine = 0;
  let ours = 0;
  tokens.forEach((t, i) => {
    if (t.norm !== 'i' && t.norm !== 'we') return;
    for (let j = i + 1; j < Math.min(tokens.length, i + 4); j++) {
      const v = tokens[j]!;
      // A "noun" right after a subject pronoun is a verb the tagger did not know ("we rewrote").
      const verb = v.pos === 'VERB' || (v.pos === 'NOUN' && j === i + 1 && !DISCOURSE.has(v.norm));
      if (verb && !NON_ACTION.has(v.lemma) && !v.norm.endsWith('ing')) {
        if (t.norm === 'i') mine++;
        else ours++;
        return;
      }
      if (!(BETWEEN.has(v.norm) || v.pos === 'ADV')) return;
    }
  });
  if (mine > 0) return 2 + 0.25 * (mine - 1);
  return ours > 0 ? 1 : 0;
}

export interface SentenceStarScores {
  readonly situation: number;
  readonly task: number;
  readonly action: number;
  readonly result: number;
}

export function scoreSentence(sentence: string): SentenceStarScores {
  return {
    situation: cueScore(sentence, SITUATION),
    task: cueScore(sentence, TASK),
    action: actionScore(sentence),
    result: cueScore(sentence, RESULT),
  };
}

/** STAR presence and evidence for one answer's sentences (verbatim texts). */
export function detectStar(sentences: readonly string[]): Star {
  const scores = sentences.map(scoreSentence);
  const part = (name: StarPart): Star[StarPart] => {
    let bestIdx = -1;
    let best = 0;
    scores.forEach((s, i) => {
      const v = s[name];
      const later = name === 'action' || name === 'result';
      if (v > best || (later && v === best && v > 0)) [best, bestIdx] = [v, i];
    });
    return best >= STAR_THRESHOLD ? { present: true, evidence: sentences[bestIdx]! } : { present: false };
  };
  return { situation: part('situation'), task: part('task'), action: part('action'), result: part('result') };
}

/** True when some sentence reports a team action ("we rebuilt…"), which the tips treat apart from none. */
export const hasTeamAction = (sentences: readonly string[]): boolean => sentences.some((s) => actionScore(s) >= 1);
