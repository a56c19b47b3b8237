/**
 * STAR detection measured against the hand labels of the MIT training split
 * (test/fixtures/labelled/mit-train, guide in GUIDE.md there), answer by answer.
 *
 * Loading: each labelled answer (Q2 leadership, Q3 team challenge) is cut out of its transcript as the
 * label bounds it — the Interviewee lines from the one holding `answerStart` (first such line after the
 * question) to the one holding `answerEnd` — with Interviewer lines and [annotations] dropped. The
 * Interviewer lines still end a turn, and turns are split into sentences by the analyzer's own
 * splitSentences, so detectStar sees the sentences it would see in `analyze`.
 *
 * Scoring is pure (scoreStar) and takes the detector as a parameter, so the eval can compare the
 * current rules with the ones at the start of tuning. Per part: precision and recall of "present",
 * agreement (share of answers where presence agrees), Cohen's kappa (agreement beyond what the two
 * raters' base rates give by chance: on these answers most parts are present, so raw agreement
 * flatters a detector that says "present" every time) and evidence hit (share of true positives whose
 * evidence sentence contains, or is contained in, a labelled quote, both normalised).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Star } from '../services/analysis/content/content.schema.js';
import { normalise } from '../services/analysis/content/evaluate.js';
import { STAR_PARTS, type StarPart } from '../services/analysis/content/star.js';
import { splitSentences, toTokens } from '../services/analysis/content/turns.js';
import { testdataPath } from '../test/helpers/testdata.js';
import { labelledDir } from './labelled.js';
import { wordsFromText } from './synthetic-words.js';

/**
 * Participants the rules may be tuned on, and those kept untouched until the final measurement
 * (fixed before tuning began; both are training-split participants, the held-out ones are not here).
 */
export const TUNE_PARTICIPANTS: ReadonlySet<number> = new Set([1, 4, 8, 10, 15, 16, 20, 21, 25, 52, 56, 57, 59, 64, 65, 67, 70, 71]);
export const TEST_PARTICIPANTS: ReadonlySet<number> = new Set([29, 30, 33, 34, 35, 45, 47, 48, 49, 73, 74, 80, 81, 83, 84, 85, 89]);

export type StarLabel = Readonly<Record<StarPart, readonly string[] | null>>;
export type Detector = (sentences: readonly string[]) => Star;

export interface LabelledStarAnswer {
  /** Transcript id ("p15", "pp15") and the participant number it belongs to. */
  readonly id: string;
  readonly participant: number;
  readonly protocol: string;
  readonly sentences: readonly string[];
  readonly star: StarLabel;
}

interface RawLabels {
  readonly transcript: string;
  readonly star?: readonly {
    readonly protocol: string;
    readonly questionLine: number;
    readonly answerStart: string;
    readonly answerEnd: string;
    readonly star: StarLabel;
  }[];
}

export const mitTrainLabelDir = path.join(labelledDir, 'mit-train');

/** A speaker label, typos included ("Inerviewee:", "Intrviewer:", a truncated "r:"). */
const SPEAKER = /^\s*(in[a-z]*e|in[a-z]*r|r)\s*:/iu;
const ANNOTATION = /\[[^\]]*\]/gu;

interface Line {
  readonly speaker: 'Interviewee' | 'Interviewer';
  readonly text: string;
}

/** Transcript lines with their speaker; an unlabelled line continues the previous speaker. */
export function parseTranscript(text: string): Line[] {
  let speaker: Line['speaker'] = 'Interviewer';
  return text.split('\n').map((raw) => {
    const label = SPEAKER.exec(raw);
    if (label) speaker = /e$/iu.test(label[1]!) ? 'Interviewee' : 'Interviewer';
    return { speaker, text: raw.replace(SPEAKER, '') };
  });
}

/** Index of the first Interviewee line at or after `from` whose text holds `quote`, or -1. */
function findLine(lines: readonly Line[], quote: string, from: number): number {
  const q = normalise(quote);
  return lines.findIndex((l, i) => i >= from && l.speaker === 'Interviewee' && normalise(l.text).includes(q));
}

/**
 * The answer's sentences: Interviewee lines between the bounding lines, one turn per run of
 * consecutive Interviewee lines, each turn split as the analyzer splits it.
 */
export function cutAnswer(lines: readonly Line[], questionLine: number, answerStart: string, answerEnd: string): string[] {
  const first = findLine(lines, answerStart, questionLine - 1);
  const last = first < 0 ? -1 : findLine(lines, answerEnd, first);
  if (last < 0) throw new Error(`answer "${answerStart}" … "${answerEnd}" not found after line ${questionLine}`);
  const turns: string[][] = [];
  let run: string[] | null = null;
  for (const line of lines.slice(first, last + 1)) {
    if (line.speaker === 'Interviewer') {
      run = null;
      continue;
    }
    if (!run) turns.push((run = []));
    run.push(line.text.replace(ANNOTATION, ' '));
  }
  return turns.flatMap((t) => splitSentences(toTokens(wordsFromText(t.join(' ')))).map((s) => s.text));
}

const participantOf = (id: string): number => Number(/^p+(\d+)$/u.exec(id)?.[1] ?? NaN);

/** Every labelled Q2/Q3 answer in the label files present now, cut from its transcript. */
export function readStarAnswers(dir = mitTrainLabelDir): LabelledStarAnswer[] {
  return readdirSync(dir)
    .filter((f) => /^p+\d+\.json$/u.test(f))
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
    .flatMap((f) => {
      const labels = JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as RawLabels;
      const id = f.replace(/\.json$/u, '');
      const lines = parseTranscript(readFileSync(testdataPath(labels.transcript), 'utf8'));
      return (labels.star ?? []).map((a) => ({
        id, participant: participantOf(id), protocol: a.protocol, star: a.star,
        sentences: cutAnswer(lines, a.questionLine, a.answerStart, a.answerEnd),
      }));
    });
}

export type StarSet = 'tune' | 'test' | 'other';
export const setOf = (a: LabelledStarAnswer): StarSet =>
  TUNE_PARTICIPANTS.has(a.participant) ? 'tune' : TEST_PARTICIPANTS.has(a.participant) ? 'test' : 'other';

/** How the detector did on one part of one answer. */
export interface PartOutcome {
  readonly labelled: boolean;
  readonly detected: boolean;
  /** For a true positive: the evidence matches a labelled quote. */
  readonly hit: boolean;
  readonly evidence?: string;
}

const overlaps = (a: string, b: string): boolean => {
  const [x, y] = [normalise(a), normalise(b)];
  return x !== '' && y !== '' && (x.includes(y) || y.includes(x));
};

export function compareAnswer(answer: LabelledStarAnswer, detect: Detector): Record<StarPart, PartOutcome> {
  const star = detect(answer.sentences);
  return Object.fromEntries(STAR_PARTS.map((p) => {
    const quotes = answer.star[p];
    const { present, evidence } = star[p];
    // Quotes are copied from the transcript, annotations included; the analyzer's text has none.
    const hit = present && quotes !== null && quotes.some((q) => overlaps(evidence ?? '', q.replace(ANNOTATION, ' ')));
    return [p, { labelled: quotes !== null, detected: present, hit, ...(evidence ? { evidence } : {}) }];
  })) as Record<StarPart, PartOutcome>;
}

export interface StarPartFigures {
  readonly n: number;
  readonly tp: number;
  readonly fp: number;
  readonly fn: number;
  readonly tn: number;
  readonly precision: number | null;
  readonly recall: number | null;
  readonly agreement: number | null;
  readonly kappa: number | null;
  readonly evidenceHit: number | null;
}

const share = (n: number, d: number): number | null => (d === 0 ? null : n / d);

/** Cohen's kappa of two binary raters from their 2×2 table; null when chance agreement is total. */
export function cohenKappa(tp: number, fp: number, fn: number, tn: number): number | null {
  const n = tp + fp + fn + tn;
  if (n === 0) return null;
  const observed = (tp + tn) / n;
  const chance = ((tp + fp) * (tp + fn) + (fn + tn) * (fp + tn)) / (n * n);
  return chance === 1 ? null : (observed - chance) / (1 - chance);
}

export function partFigures(outcomes: readonly PartOutcome[]): StarPartFigures {
  const count = (f: (o: PartOutcome) => boolean): number => outcomes.filter(f).length;
  const tp = count((o) => o.labelled && o.detected);
  const fp = count((o) => !o.labelled && o.detected);
  const fn = count((o) => o.labelled && !o.detected);
  const tn = count((o) => !o.labelled && !o.detected);
  return {
    n: outcomes.length, tp, fp, fn, tn,
    precision: share(tp, tp + fp),
    recall: share(tp, tp + fn),
    agreement: share(tp + tn, outcomes.length),
    kappa: cohenKappa(tp, fp, fn, tn),
    evidenceHit: share(count((o) => o.hit), tp),
  };
}

export type StarFigures = Readonly<Record<StarPart, StarPartFigures>> & {
  readonly answers: number;
  /** Answers with all four parts found by the detector, and by the labels. */
  readonly allFour: number;
  readonly labelledAllFour: number;
};

/** Per-part figures of `detect` over `answers`, and how often all four parts are there. */
export function scoreStar(answers: readonly LabelledStarAnswer[], detect: Detector): StarFigures {
  const outcomes = answers.map((a) => compareAnswer(a, detect));
  const parts = Object.fromEntries(STAR_PARTS.map((p) => [p, partFigures(outcomes.map((o) => o[p]))])) as Record<StarPart, StarPartFigures>;
  const all = (f: (o: PartOutcome) => boolean): number => outcomes.filter((o) => STAR_PARTS.every((p) => f(o[p]))).length;
  return { ...parts, answers: answers.length, allFour: all((o) => o.detected), labelledAllFour: all((o) => o.labelled) };
}
