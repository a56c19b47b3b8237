/**
 * Tips: one per answer, and the three most valuable for the whole interview.
 *
 * Per answer, the first rule that applies wins; the order is our judgement of what costs a candidate
 * most with an interviewer. For behavioural questions: no action at all (the story has no "you" in
 * it) → no result (the most common STAR gap coaches name) → far too long → only "we" actions → no
 * situation → no task → too short. For open and factual questions only length matters. An answer with nothing
 * to fix gets a keep-doing-this line.
 *
 * Interview-wide: each tip kind is weighted by its rank above times how many answers it applies to;
 * missed prep points add a prep tip. The top three distinct tips are returned; when fewer apply, the
 * list is topped up with general practice advice so there are always exactly three.
 */
import type { Answer, PrepPoint } from './content.schema.js';
import type { QuestionKind } from './questions.js';

export type TipKind = 'noAction' | 'noResult' | 'long' | 'weOnly' | 'noSituation' | 'noTask' | 'short' | 'good';

export interface TipFacts {
  readonly kind: QuestionKind;
  readonly star: Answer['star'];
  readonly verdict: Answer['length']['verdict'];
  readonly recommendedSec: readonly [number, number];
  /** Some sentence reports a "we" action (the team did something), even if no "I" action. */
  readonly teamAction: boolean;
}

const PRIORITY: readonly TipKind[] = ['noAction', 'noResult', 'long', 'weOnly', 'noSituation', 'noTask', 'short', 'good'];

export function tipKind(f: TipFacts): TipKind {
  // STAR is only expected of stories; open and factual questions are judged on length.
  if (f.kind !== 'behavioural') return f.verdict === 'long' ? 'long' : f.verdict === 'short' ? 'short' : 'good';
  if (!f.star.action.present && !f.teamAction) return 'noAction';
  if (!f.star.result.present) return 'noResult';
  if (f.verdict === 'long') return 'long';
  if (!f.star.action.present) return 'weOnly';
  if (!f.star.situation.present) return 'noSituation';
  if (!f.star.task.present) return 'noTask';
  if (f.verdict === 'short') return 'short';
  return 'good';
}

export function answerTip(f: TipFacts): string {
  const [min, max] = f.recommendedSec;
  switch (tipKind(f)) {
    case 'noAction':
      return 'Say what you did yourself: walk through your own steps with "I" and a concrete verb ("I built…", "I decided…").';
    case 'noResult':
      return 'End with the measurable outcome: what changed because of your actions, with a number if you have one ("cut load time by 30%").';
    case 'long':
      return `Trim this to about ${min}–${max} s: one sentence of context, your key actions, then the result.`;
    case 'weOnly':
      return 'You described what "we" did; make your own contribution explicit ("I proposed…", "I wrote…").';
    case 'noSituation':
      return 'Open with one sentence of context: where you were and what the problem was.';
    case 'noTask':
      return 'State your goal or responsibility before the actions ("My job was to…").';
    case 'short':
      return f.kind !== 'factual'
        ? `Expand to at least ${min} s with a specific example: the situation, what you did, and how it turned out.`
        : `Add a sentence of support (a reason or an example); aim for ${min}–${max} s.`;
    case 'good':
      return f.kind === 'behavioural'
        ? 'Clear STAR structure; keep the result first-hand and quantified.'
        : 'Well-sized and on topic; keep answers like this focused.';
  }
}

const OVERALL: Readonly<Record<Exclude<TipKind, 'good'>, (n: number, total: number) => string>> = {
  noAction: (n, t) => `In ${n} of ${t} answers your own actions were missing: tell each story through what you did ("I…").`,
  noResult: (n, t) => `${n} of ${t} answers ended without a result: finish every story with the measurable outcome.`,
  long: (n, t) => `${n} of ${t} answers ran long: aim for 1–2 minutes on stories and under a minute on factual questions.`,
  weOnly: (n, t) => `In ${n} of ${t} answers you said "we" where the interviewer needs "I": name your own contribution.`,
  noSituation: (n, t) => `${n} of ${t} stories started without context: open with one sentence on where you were and what was at stake.`,
  noTask: (n, t) => `${n} of ${t} stories did not say what your goal was: state it before the actions.`,
  short: (n, t) => `${n} of ${t} answers were short: back each claim with a specific example.`,
};

const FALLBACK = [
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
  for (const f of FALLBACK) if (tips.length < 3) tips.push(f);
  return tips.slice(0, 3);
}
