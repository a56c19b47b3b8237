/**
 * Tips: one per answer, and the three most valuable for the whole interview.
 *
 * Per answer the tip follows the kind of question. Behavioural questions expect a STAR story; STAR
 * parts are evidence (quoted sentences), not a grade, because in rated interviews they did not predict
 * the rating (README "Judgement"), so a STAR tip says what we did not hear rather than what is wrong.
 * The first rule that applies wins, in our judgement of what costs a candidate most with an interviewer:
 * no action at all (the story has no "you" in it) → no result (the most common STAR gap coaches name)
 * → far too long → only "we" actions → no situation → no task → too short. Other kinds are judged on
 * length only, with advice on the shape of a good answer of that kind; when the candidate is invited
 * to ask questions, the tip is whether they asked any. Without word times (or for a kind with no
 * range) no length is judged, and no tip mentions seconds. An answer with nothing to fix gets a
 * keep-doing-this line.
 *
 * Interview-wide: each tip kind is weighted by its rank above times how many answers it applies to;
 * missed prep points add a prep tip. The top three distinct tips are returned; when fewer apply, the
 * list is topped up with general practice advice so there are always exactly three.
 */
import type { Answer, PrepPoint } from './content.schema.js';
import type { LengthJudgement } from './length.js';
import { starExpected, type QuestionKind } from '../questions/kind.js';

export type TipKind = 'noAction' | 'noResult' | 'long' | 'noQuestions' | 'weOnly' | 'noSituation' | 'noTask' | 'short' | 'good';

export interface TipFacts {
  readonly kind: QuestionKind;
  readonly star: Answer['star'];
  /** Absent without word times, or for a kind with no recommended range. */
  readonly length?: LengthJudgement | undefined;
  /** Some sentence reports a "we" action (the team did something), even if no "I" action. */
  readonly teamAction: boolean;
  /** The answer asks the interviewer something (matters when the candidate was invited to). */
  readonly asksBack: boolean;
}

const PRIORITY: readonly TipKind[] = ['noAction', 'noResult', 'long', 'noQuestions', 'weOnly', 'noSituation', 'noTask', 'short', 'good'];

/** What a good answer of each kind contains, for length and keep-going tips. */
const SHAPE: Readonly<Record<QuestionKind, string>> = {
  introduction: 'what you do now, what led you here, and what you want next',
  behavioural: 'one sentence of context, your own actions, then the result',
  strengths_weaknesses: 'a real weakness, how it shows, and what you are doing about it',
  motivation: 'two or three reasons this role fits you, each backed by something you have done',
  technical: 'the direct answer first, then one reason or example',
  candidate_questions: 'one or two prepared questions about the role, the team or next steps',
};

export function tipKind(f: TipFacts): TipKind {
  const verdict = f.length?.verdict;
  if (f.kind === 'candidate_questions') return f.asksBack ? 'good' : 'noQuestions';
  // STAR is only expected of stories; the other kinds are judged on length.
  if (!starExpected(f.kind)) return verdict === 'long' ? 'long' : verdict === 'short' ? 'short' : 'good';
  if (!f.star.action.present && !f.teamAction) return 'noAction';
  if (!f.star.result.present) return 'noResult';
  if (verdict === 'long') return 'long';
  if (!f.star.action.present) return 'weOnly';
  if (!f.star.situation.present) return 'noSituation';
  if (!f.star.task.present) return 'noTask';
  if (verdict === 'short') return 'short';
  return 'good';
}

export function answerTip(f: TipFacts): string {
  const [min, max] = f.length?.recommendedSec ?? [0, 0];
  const shape = SHAPE[f.kind];
  switch (tipKind(f)) {
    case 'noAction':
      return 'We did not hear your own steps in this story; if you took some, walk through them with "I" and a concrete verb ("I built…", "I decided…").';
    case 'noResult':
      return 'We did not hear how this story ended; if there was an outcome, close with it, with a number if you have one ("cut load time by 30%").';
    case 'long':
      return `Trim this to about ${min}–${max} s: ${shape}.`;
    case 'noQuestions':
      return `Ask ${shape}; having none can read as low interest.`;
    case 'weOnly':
      return 'You described what "we" did; make your own contribution explicit ("I proposed…", "I wrote…").';
    case 'noSituation':
      return 'We did not hear where or when this happened; one sentence of context helps the listener follow.';
    case 'noTask':
      return 'We did not hear what you set out to do; naming your goal or responsibility ("My job was to…") frames the actions.';
    case 'short':
      return `Expand to at least ${min} s: ${shape}.`;
    case 'good':
      if (starExpected(f.kind)) return 'Clear STAR structure; keep the result first-hand and quantified.';
      if (f.kind === 'candidate_questions') return 'You asked questions of your own; keep them specific to the role and the team.';
      return f.length ? `Well-sized for this kind of question; a strong answer here gives ${shape}.` : `A strong answer here gives ${shape}.`;
  }
}

const OVERALL: Readonly<Record<Exclude<TipKind, 'good'>, (n: number, total: number) => string>> = {
  noAction: (n, t) => `In ${n} of ${t} answers we did not hear your own actions: tell each story through what you did ("I…").`,
  noResult: (n, t) => `In ${n} of ${t} answers we did not hear how the story ended: close each one with its outcome.`,
  long: (n, t) => `${n} of ${t} answers ran long: aim for 1–2 minutes on stories and under a minute on factual questions.`,
  weOnly: (n, t) => `In ${n} of ${t} answers you said "we" where the interviewer needs "I": name your own contribution.`,
  noSituation: (n, t) => `In ${n} of ${t} stories we did not hear the context: one sentence on where you were and what was at stake helps.`,
  noTask: (n, t) => `In ${n} of ${t} stories we did not hear your goal: naming it before the actions frames them.`,
  noQuestions: () => 'You asked no questions of your own when invited to: prepare two or three about the role, the team or next steps.',
  short: (n, t) => `${n} of ${t} answers were short: back each claim with a specific example.`,
};

/** General practice advice that tops the list up; the report may replace it with judged delivery advice. */
export const FALLBACK_TIPS: readonly string[] = [
  'Prepare three STAR stories (situation, task, action, result) and rehearse them aloud against a timer.',
  'Quantify at least one result in every story (time saved, money, users, percentages).',
  'Pause briefly instead of filling silence; a short pause reads as thinking, not hesitation.',
];

export function overallTips(kinds: readonly TipKind[], prep: readonly PrepPoint[] | undefined): string[] {
  const ranked: { text: string; weight: number }[] = [];
  for (const [i, kind] of PRIORITY.entries()) {
    if (kind === 'good') continue;
    const n = kinds.filter((k) => k === kind).length;
    if (n > 0) ranked.push({ text: OVERALL[kind](n, kinds.length), weight: n * (PRIORITY.length - i) });
  }
  const missed = (prep ?? []).filter((p) => p.status === 'missed');
  if (missed.length > 0) {
    const names = missed.slice(0, 2).map((p) => `"${p.point}"`).join(' and ');
    const more = missed.length > 2 ? ` and ${missed.length - 2} more` : '';
    // Planned points cost nothing to add, so they rank with a missing result.
    ranked.push({ text: `You planned to mention ${names}${more} but did not: work them into a relevant answer.`, weight: missed.length * (PRIORITY.length - 1) });
  }
  ranked.sort((a, b) => b.weight - a.weight);
  const tips = ranked.map((r) => r.text);
  for (const f of FALLBACK_TIPS) if (tips.length < 3) tips.push(f);
  return tips.slice(0, 3);
}
