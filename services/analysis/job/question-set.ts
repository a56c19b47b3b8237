/**
 * A practice question set for a job (issue 16, point 4). Pure and offline: the team's bank
 * (data/questions.json) in, questions out, same input same set.
 *
 * Order of competencies: with a report, missed ones first, then partial, then covered, each group in
 * the posting's order of importance (extract.ts); without one, importance alone. Each competency in
 * turn takes the bank's best unused question for it: one whose first (main) competency it is before
 * one that only touches it, behavioural questions for behaviours and responsibilities, technical
 * ones for skills, then bank order. A chosen question counts for every competency it is tagged with,
 * so a competency already asked about is skipped on the first pass. Passes repeat until `count`
 * questions; a job with fewer competencies than that (or none: another language, a bare title) is
 * filled with the bank's general questions (introduction, motivation, strengths and weaknesses).
 * A competency the bank has no question for gets a generic one built from its name.
 *
 * Follow-ups, on top of `count`, one per weak behavioural answer of the report:
 *   team only ("we" did it, no "I"): "You said "…we fixed it…". What did you do yourself?"
 *   no action at all:                "What did you do yourself? Walk me through your own steps."
 *   no result:                       "How did it end? What was the result, and how do you know?"
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { QUESTION_KINDS, type QuestionKind } from '../questions/kind.js';
import bankJson from './data/questions.json' with { type: 'json' };
import { verbatimSentences } from './coverage.js';
import type { ExtractedCompetency } from './extract.js';
import { type CoverageStatus, QUESTION_SET_DEFAULT_COUNT, type QuestionSet, type SetQuestion } from './job.contract.js';

const BankQuestionSchema = z.strictObject({
  id: z.string().regex(/^q-[a-z0-9-]+$/u),
  text: z.string().min(1),
  kind: z.enum(QUESTION_KINDS),
  competencies: z.array(z.string().min(1)).min(1),
});
export type BankQuestion = z.infer<typeof BankQuestionSchema>;
export const BankSchema = z.array(BankQuestionSchema);

let bank: BankQuestion[] | undefined;
export const questionBank = (): BankQuestion[] => (bank ??= BankSchema.parse(bankJson));

/** The general questions that fill a set, in this order. */
const FILL_KINDS: readonly QuestionKind[] = ['introduction', 'motivation', 'strengths_weaknesses', 'candidate_questions'];
const FIRST_PERSON = /\b(?:I|I'm|I've|I'd|me|my|myself)\b/u;
const TEAM = /\b(?:we|we're|we've|the team|they)\b/iu;

export interface JobCompetencyInput extends Pick<ExtractedCompetency, 'id' | 'name' | 'kind'> {
  /** From the interview's report; absent when there is none. */
  readonly status?: CoverageStatus;
}

export interface AnswerInput {
  readonly question: string;
  readonly text: string;
  readonly kind: QuestionKind;
  readonly starExpected: boolean;
  readonly star: { readonly action: { present: boolean; evidence?: string }; readonly result: { present: boolean } };
}

export interface QuestionSetInput {
  readonly competencies: readonly JobCompetencyInput[];
  readonly answers?: readonly AnswerInput[];
  readonly count?: number;
  readonly notes?: readonly string[];
  readonly bank?: readonly BankQuestion[];
}

const clip = (s: string, n: number) => (s.length <= n ? s : `${s.slice(0, n - 1).trimEnd()}…`);
const STATUS_ORDER: Record<CoverageStatus, number> = { missed: 0, partial: 1, covered: 2 };

const preferredKind = (c: JobCompetencyInput): QuestionKind => (c.kind === 'skill' ? 'technical' : 'behavioural');

function rankFor(c: JobCompetencyInput, q: BankQuestion, index: number): number {
  const main = q.competencies[0] === c.id ? 0 : 1;
  const kind = q.kind === preferredKind(c) ? 0 : 1;
  return main * 1e6 + kind * 1e5 + index;
}

function genericQuestion(c: JobCompetencyInput): BankQuestion {
  const text =
    c.kind === 'skill'
      ? `Tell me about a project where you used ${c.name.toLowerCase()}. What was your part and what came of it?`
      : `Tell me about a time you showed ${c.name.toLowerCase()}. What did you do yourself, and what was the result?`;
  return { id: `q-${c.id}-generic`, text, kind: preferredKind(c), competencies: [c.id] };
}

const reasonOf = (c: JobCompetencyInput): SetQuestion['reason'] =>
  c.status === 'missed' ? 'missed' : c.status === 'partial' ? 'partial' : 'job';

/** The follow-up question for a weak behavioural answer, or none when the answer is not weak. */
export function followUpFor(a: AnswerInput, index: number): SetQuestion | undefined {
  if (!a.starExpected) return undefined;
  const base = { id: `f-${index}`, kind: a.kind, reason: 'follow_up' as const, answer: index };
  const action = a.star.action;
  const ownAction = action.present && action.evidence !== undefined && FIRST_PERSON.test(action.evidence);
  if (!ownAction) {
    const team = action.present && action.evidence ? action.evidence : verbatimSentences(a.text).find((s) => TEAM.test(s) && !FIRST_PERSON.test(s));
    if (team) return { ...base, competency: 'ownership', text: `You said "${clip(team.trim().replace(/[.!]+$/u, ''), 110)}". What did you do yourself, step by step?` };
    return { ...base, competency: 'ownership', text: `In your answer to "${clip(a.question.trim(), 90)}", what did you do yourself? Walk me through your own steps.` };
  }
  if (!a.star.result.present) {
    return { ...base, competency: 'results-orientation', text: `How did "${clip(a.question.trim(), 90)}" end? What was the result, and how do you know?` };
  }
  return undefined;
}

/** The set's content hash: the same questions in the same wording give the same id. */
export const questionSetId = (questions: readonly Pick<SetQuestion, 'id' | 'text'>[]): string =>
  `qs_${createHash('sha256').update(JSON.stringify(questions.map((q) => [q.id, q.text]))).digest('hex').slice(0, 24)}`;

export function buildQuestionSet(input: QuestionSetInput): QuestionSet {
  const pool = [...(input.bank ?? questionBank())];
  const count = input.count ?? QUESTION_SET_DEFAULT_COUNT;
  const ordered = input.competencies
    .map((c, i) => ({ c, i }))
    .sort((a, b) => STATUS_ORDER[a.c.status ?? 'covered'] - STATUS_ORDER[b.c.status ?? 'covered'] || a.i - b.i)
    .map((x) => x.c);
  const used = new Set<string>();
  const asked = new Set<string>();
  const chosen: SetQuestion[] = [];
  const take = (q: BankQuestion, competency: string, reason: SetQuestion['reason']) => {
    used.add(q.id);
    for (const id of q.competencies) asked.add(id);
    chosen.push({ id: q.id, text: q.text, kind: q.kind, competency, reason });
  };

  for (let pass = 0; chosen.length < count && pass < 3; pass++) {
    let progressed = false;
    for (const c of ordered) {
      if (chosen.length >= count) break;
      if (pass === 0 && asked.has(c.id)) continue;
      const options = pool
        .map((q, i) => ({ q, r: rankFor(c, q, i) }))
        .filter(({ q }) => !used.has(q.id) && q.competencies.includes(c.id))
        .sort((a, b) => a.r - b.r);
      const q = options[0]?.q ?? (pass === 0 ? genericQuestion(c) : undefined);
      if (!q || used.has(q.id)) continue;
      take(q, c.id, reasonOf(c));
      progressed = true;
    }
    if (!progressed && pass > 0) break;
  }
  for (const kind of FILL_KINDS) {
    for (const q of pool) {
      if (chosen.length >= count) break;
      if (q.kind === kind && !used.has(q.id)) {
        take(q, q.competencies[0]!, 'job');
        break;
      }
    }
  }
  // Still short (a tiny custom bank): any unused question.
  for (const q of pool) {
    if (chosen.length >= count) break;
    if (!used.has(q.id)) take(q, q.competencies[0]!, 'job');
  }

  const followUps = (input.answers ?? []).flatMap((a, i) => followUpFor(a, i) ?? []);
  const questions = [...chosen, ...followUps];
  return {
    id: questionSetId(questions),
    questions,
    competencies: input.competencies.map((c) => ({ id: c.id, name: c.name, ...(c.status && { status: c.status }) })),
    ...(input.notes && input.notes.length > 0 && { notes: [...input.notes] }),
  };
}

/** What most interviews test whatever the job: one story each, before the general questions. */
const GENERAL_COMPETENCIES: readonly JobCompetencyInput[] = [
  { id: 'teamwork', name: 'Teamwork', kind: 'behaviour' },
  { id: 'problem-solving', name: 'Problem solving', kind: 'behaviour' },
  { id: 'conflict-resolution', name: 'Conflict resolution', kind: 'behaviour' },
  { id: 'leadership', name: 'Leadership', kind: 'behaviour' },
];
/** An interview's usual arc: who you are, stories, self-assessment, why here, your questions. */
const ARC: readonly QuestionKind[] = ['introduction', 'behavioural', 'technical', 'strengths_weaknesses', 'motivation', 'candidate_questions'];

/** A question set for practising without a job description (live practice, issue 17). */
export function generalQuestionSet(count = QUESTION_SET_DEFAULT_COUNT, bank: readonly BankQuestion[] = questionBank()): QuestionSet {
  // Half general questions (the arc's frame), the rest one story per competency.
  const general = FILL_KINDS.slice(0, Math.max(2, count - GENERAL_COMPETENCIES.length)).flatMap((kind) => bank.find((q) => q.kind === kind) ?? []);
  const stories = buildQuestionSet({ competencies: GENERAL_COMPETENCIES, count: count - general.length, bank: bank.filter((q) => !general.includes(q)) }).questions;
  const questions = [...general.map((q) => ({ id: q.id, text: q.text, kind: q.kind, competency: q.competencies[0]!, reason: 'general' as const })), ...stories.map((q) => ({ ...q, reason: 'general' as const }))]
    .map((q, i) => ({ q, i }))
    .sort((a, b) => ARC.indexOf(a.q.kind) - ARC.indexOf(b.q.kind) || a.i - b.i)
    .map((x) => x.q);
  return { id: questionSetId(questions), questions, competencies: [] };
}
