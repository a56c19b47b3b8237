/**
 * The kind of an interview question, which decides its recommended answer length (content/length.ts)
 * and whether a STAR story is expected (only for behavioural questions: the other kinds ask for an
 * overview, a self-assessment, a pitch or a fact, not an episode).
 *
 * Kinds are recognised by topic cues in the asking text (every asking sentence of the exchange), in
 * this order, so the more specific topic wins when a question mixes them ("change one thing about
 * yourself" is about a weakness, not an introduction):
 *   candidate_questions  an invitation to ask: "do you have any questions for me?"
 *   strengths_weaknesses weakness, strength, flaw, "change / improve one thing about yourself", "what
 *                        are you doing to overcome it"
 *   motivation           why you / why us / why this job: "why should we hire you", "why do you think
 *                        you should get the job", "what makes you a good fit", career goals
 *   introduction         about yourself, your background / resume / story / life
 *   behavioural          a time / an example / a situation; how did you handle / solve / resolve;
 *                        competencies interviewers probe with stories (leadership, team player,
 *                        conflict, challenge, failure, mistake, pressure)
 *   technical            everything else: factual and technical questions and factual follow-ups
 *                        ("what year are you in?", "which language did you use?")
 * A follow-up with no cue of its own ("Can you be more specific?", "Career goals?") belongs to the
 * exchange it follows up and takes its kind (content/segment.ts).
 */
import { QUESTION_KINDS, type QuestionKind } from '../../contract/content.js';
import { plain } from './acts.js';

// The kinds cross the wire (report answers, question sets), so the contract owns the list.
export { QUESTION_KINDS, type QuestionKind };

/** STAR (situation, task, action, result) is the expected shape only of behavioural answers. */
export const starExpected = (kind: QuestionKind): boolean => kind === 'behavioural';

const CUES: readonly (readonly [QuestionKind, RegExp])[] = [
  [
    'candidate_questions',
    /\b(?:any|some) (?:other |more |further |final |last )?questions (?:for|about|you(?:'d| would)? (?:like|want))|\bany questions$|\banything (?:else )?(?:you(?:'d| would)? (?:like|want) to|to) (?:ask|know)\b|\bwhat (?:questions|would you like to (?:ask|know)) (?:do you have|about)|\bquestions (?:for|about) (?:me|us|the (?:role|company|team|job))\b/u,
  ],
  [
    'strengths_weaknesses',
    /\b(?:weak(?:ness|nesses)?|weak (?:point|spot|area)s?|strengths?|shortcomings?|flaws?|areas? (?:of|for|to) (?:improvement|improve|development|grow)|(?:change|improve) (?:one thing|something|anything|a thing) about yourself|(?:one thing|something) (?:about yourself )?(?:that )?you(?:'d| would)? (?:like to )?(?:change|improve)|need to (?:improve|work on)|what (?:would|could|do|might) you (?:like to |want to )?(?:change|improve)|improve (?:up)?on|(?:are|have) you (?:been )?doing to (?:overcome|improve|work on|address|fix)|(?:best|worst) (?:quality|qualities|trait|traits)|what would (?:your|others|people|friends|colleagues|manager|boss) (?:say|describe))\b/u,
  ],
  [
    'motivation',
    /\bwhy\b.{0,60}\b(?:hire|job|position|role|company|firm|organi[sz]ation|here|apply|applied|get into|admit|accept|deserve|school|program|programme|fit|candidate|join|field|industry|career|work for)\b|\bwhy (?:us|this (?:job|role|company|position|field|school|program))\b|\bwhat makes you (?:a good|the (?:best|right|ideal)|qualified|stand out|unique|different|a strong)|\bwhat (?:can|would|will) you bring\b|\bcareer (?:goals?|plans?|aspirations?)\b|\bwhere do you see yourself\b|\bwhat (?:are you looking for|interests you|attracted you|draws you)\b|\b(?:job|position|role) (?:that )?you(?:'d| would)? (?:like|love|want)\b/u,
  ],
  [
    'introduction',
    /\b(?:about yourself|about you$|yourself in (?:a few|one|two|three|\w+) words|your (?:background|resume|résumé|cv|story|life|career so far|journey)|introduce yourself|describe yourself|who (?:are you|you are))\b/u,
  ],
  [
    'behavioural',
    /\b(?:a time|the time|one time|an? (?:example|instance|situation|occasion|story|experience|project) (?:of|where|when|in which|that|you|from)|(?:how|what) did you (?:do|handle|deal|manage|solve|resolve|approach|overcome|respond|lead|react|go about|end up|fix|learn)|how (?:would|do) you go about|when you (?:had|were|faced|disagreed|failed|made|led|worked|demonstrated)|demonstrat\w*|leader\w*|team ?player|teamwork|conflicts?|challeng\w*|difficult (?:situation|person|decision|problem|time)|mistakes?|failures?|under pressure|deadlines?|proud\w*|accomplishments?|achievements?|disagree\w*)\b/u,
  ],
];

/** The kind the asking text names by its topic, if any. */
export function cueKind(text: string): QuestionKind | undefined {
  const p = plain(text);
  return CUES.find(([, cue]) => cue.test(p))?.[0];
}

/**
 * The topic an ask names: by its asking words, else by the rest of its turn ("Think about the job
 * you'd like to have. Might be a rep or something else. Do you have something in mind?").
 */
export const askTopic = (ask: { readonly text: string; readonly context: string }): QuestionKind | undefined =>
  cueKind(ask.text) ?? cueKind(ask.context);

/** Kind of a question on its own: its cue, else technical (see segment.ts for follow-ups). */
export const questionKind = (text: string): QuestionKind => cueKind(text) ?? 'technical';
