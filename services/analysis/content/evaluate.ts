/**
 * Scores content predictions against hand labels (test/fixtures/labelled). Pure; the eval script
 * loads files and prints.
 *
 * Matching is by text, normalised (lower case, letters/digits only, single spaces), so labels can
 * quote the transcript without timings:
 *   - a predicted answer matches a label when one question text contains the other;
 *   - its boundaries are right when the answer text starts with the label's `answerStart` quote and
 *     ends with its `answerEnd` quote;
 *   - segmentation accuracy = correctly bounded matches / (labels + unmatched predictions), so both
 *     missed and spurious questions count against it (a Jaccard-style score).
 * STAR, per component over matched answers: a label is a list of acceptable evidence quotes (present)
 * or null (absent). Precision/recall of "present", agreement = share of answers where presence agrees,
 * evidenceHit = share of true positives whose evidence sentence contains (or is contained in) one
 * of the labelled quotes.
 * Prep: share of points whose status equals the label.
 */
import type { Content, PrepPoint } from './content.schema.js';
import type { StarPart } from './star.js';
import { STAR_PARTS } from './star.js';

export interface AnswerLabel {
  readonly question: string;
  readonly answerStart: string;
  readonly answerEnd: string;
  readonly star: Readonly<Record<StarPart, readonly string[] | null>>;
}

export interface ContentLabels {
  readonly answers: readonly AnswerLabel[];
  readonly prep?: readonly { readonly point: string; readonly status: PrepPoint['status'] }[];
}

export interface PartScore {
  readonly tp: number;
  readonly fp: number;
  readonly fn: number;
  readonly tn: number;
  readonly precision: number;
  readonly recall: number;
  readonly agreement: number;
  readonly evidenceHit: number;
}

export interface ContentEvaluation {
  readonly segmentation: {
    readonly labelled: number;
    readonly predicted: number;
    readonly matchedQuestions: number;
    readonly correctBoundaries: number;
    readonly questionPrecision: number;
    readonly questionRecall: number;
    readonly accuracy: number;
  };
  readonly star: Readonly<Record<StarPart, PartScore>> & { readonly overallAgreement: number };
  readonly prep: { readonly points: number; readonly agreement: number };
}

export const normalise = (s: string): string =>
  s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

const contains = (a: string, b: string): boolean => {
  const [x, y] = [normalise(a), normalise(b)];
  return x !== '' && y !== '' && (x.includes(y) || y.includes(x));
};

const ratio = (n: number, d: number): number => (d === 0 ? 1 : n / d);

export interface EvaluationCase {
  readonly predicted: Content;
  readonly labels: ContentLabels;
}

export function evaluateContent(cases: readonly EvaluationCase[]): ContentEvaluation {
  let labelled = 0, predicted = 0, matched = 0, bounded = 0;
  const counts = Object.fromEntries(STAR_PARTS.map((p) => [p, { tp: 0, fp: 0, fn: 0, tn: 0, hit: 0 }])) as Record<StarPart, { tp: number; fp: number; fn: number; tn: number; hit: number }>;
  let prepPoints = 0, prepAgree = 0;
  for (const { predicted: content, labels } of cases) {
    labelled += labels.answers.length;
    predicted += content.answers.length;
    const used = new Set<number>();
    for (const label of labels.answers) {
      const i = content.answers.findIndex((a, k) => !used.has(k) && contains(a.question, label.question));
      if (i < 0) continue;
      used.add(i);
      matched++;
      const answer = content.answers[i]!;
      const text = normalise(answer.text);
      if (text.startsWith(normalise(label.answerStart)) && text.endsWith(normalise(label.answerEnd))) bounded++;
      for (const part of STAR_PARTS) {
        const want = label.star[part];
        const got = answer.star[part];
        const c = counts[part];
        if (want && got.present) {
          c.tp++;
          if (want.some((q) => contains(got.evidence ?? '', q))) c.hit++;
        } else if (got.present) c.fp++;
        else if (want) c.fn++;
        else c.tn++;
      }
    }
    for (const p of labels.prep ?? []) {
      prepPoints++;
      const got = content.prep?.points.find((q) => normalise(q.point) === normalise(p.point));
      if (got?.status === p.status) prepAgree++;
    }
  }
  const score = (c: (typeof counts)[StarPart]): PartScore => ({
    tp: c.tp, fp: c.fp, fn: c.fn, tn: c.tn,
    precision: ratio(c.tp, c.tp + c.fp),
    recall: ratio(c.tp, c.tp + c.fn),
    agreement: ratio(c.tp + c.tn, c.tp + c.fp + c.fn + c.tn),
    evidenceHit: ratio(c.hit, c.tp),
  });
  const star = Object.fromEntries(STAR_PARTS.map((p) => [p, score(counts[p])])) as Record<StarPart, PartScore>;
  const agreeSum = STAR_PARTS.reduce((n, p) => n + counts[p].tp + counts[p].tn, 0);
  return {
    segmentation: {
      labelled, predicted, matchedQuestions: matched, correctBoundaries: bounded,
      questionPrecision: ratio(matched, predicted),
      questionRecall: ratio(matched, labelled),
      accuracy: ratio(bounded, labelled + (predicted - matched)),
    },
    star: { ...star, overallAgreement: ratio(agreeSum, matched * STAR_PARTS.length) },
    prep: { points: prepPoints, agreement: ratio(prepAgree, prepPoints) },
  };
}
