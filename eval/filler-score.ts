/**
 * Precision and recall of filler detection against gold labels. A filler is identified by the word
 * where it begins and its type; predictions and labels are matched as multisets of (word, type), so
 * a right place with the wrong type counts as one false positive and one false negative.
 */

export interface FillerAt {
  /** Index of the word where the filler begins. */
  readonly word: number;
  readonly type: string;
}

export interface PrCounts {
  readonly tp: number;
  readonly fp: number;
  readonly fn: number;
}

export interface PrScore extends PrCounts {
  /** null when nothing was predicted (no basis for a precision). */
  readonly precision: number | null;
  /** null when nothing was labelled. */
  readonly recall: number | null;
}

export const prScore = ({ tp, fp, fn }: PrCounts): PrScore => ({
  tp, fp, fn,
  precision: tp + fp > 0 ? tp / (tp + fp) : null,
  recall: tp + fn > 0 ? tp / (tp + fn) : null,
});

export const addCounts = (a: PrCounts, b: PrCounts): PrCounts => ({ tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn });

export interface FillerComparison {
  readonly byType: ReadonlyMap<string, PrCounts>;
  readonly falsePositives: readonly FillerAt[];
  readonly falseNegatives: readonly FillerAt[];
}

const key = (f: FillerAt): string => `${f.word}\u0000${f.type}`;

export function compareFillers(gold: readonly FillerAt[], predicted: readonly FillerAt[]): FillerComparison {
  const open = new Map<string, FillerAt[]>();
  for (const g of gold) open.set(key(g), [...(open.get(key(g)) ?? []), g]);
  const byType = new Map<string, { tp: number; fp: number; fn: number }>();
  const bump = (type: string, field: 'tp' | 'fp' | 'fn'): void => {
    const c = byType.get(type) ?? { tp: 0, fp: 0, fn: 0 };
    c[field]++;
    byType.set(type, c);
  };
  const falsePositives: FillerAt[] = [];
  for (const p of predicted) {
    const waiting = open.get(key(p));
    if (waiting && waiting.length > 0) {
      waiting.pop();
      bump(p.type, 'tp');
    } else {
      falsePositives.push(p);
      bump(p.type, 'fp');
    }
  }
  const falseNegatives = [...open.values()].flat().sort((a, b) => a.word - b.word);
  for (const g of falseNegatives) bump(g.type, 'fn');
  return { byType, falsePositives, falseNegatives };
}

export function totalCounts(byType: ReadonlyMap<string, PrCounts>): PrCounts {
  return [...byType.values()].reduce(addCounts, { tp: 0, fp: 0, fn: 0 });
}
