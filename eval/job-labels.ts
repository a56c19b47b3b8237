/**
 * The hand labels of issue 16 (test/fixtures/jobs, written by a labeller from the vocabulary alone):
 * postings with their competencies, and covered/partial/missed for MIT training transcripts against
 * generic-internship.json. Reading and scoring only; an absent folder reads as no labels.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../test/helpers/testdata.js';

export const JOBS_DIR = path.join(repoRoot, 'test/fixtures/jobs');

export interface LabelledPosting {
  readonly file: string;
  readonly title: string;
  readonly text: string;
  readonly competencies: readonly { id: string; quote?: string }[];
}

export interface LabelledCoverage {
  readonly file: string;
  readonly transcript: string;
  readonly job: string;
  readonly coverage: readonly { id: string; status: 'covered' | 'partial' | 'missed'; quote?: string }[];
}

const readJson = <T>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T;

export function readPostings(): LabelledPosting[] {
  if (!existsSync(JOBS_DIR)) return [];
  return readdirSync(JOBS_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({ file: f, ...readJson<Omit<LabelledPosting, 'file'>>(path.join(JOBS_DIR, f)) }))
    .filter((p) => typeof p.text === 'string' && Array.isArray(p.competencies));
}

export function readCoverageLabels(): LabelledCoverage[] {
  const dir = path.join(JOBS_DIR, 'mit-coverage');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
    .map((f) => ({ file: f, ...readJson<Omit<LabelledCoverage, 'file'>>(path.join(dir, f)) }));
}

/**
 * Tune/test split of the postings, fixed before tuning: odd numbers (and the generic internship)
 * were read while the vocabulary was tuned; even numbers were not, so their figures are held out.
 */
export const postingSet = (file: string): 'tune' | 'test' => {
  const n = /^(\d+)-/.exec(file)?.[1];
  return n !== undefined && Number(n) % 2 === 0 ? 'test' : 'tune';
};

export interface PrF {
  tp: number;
  fp: number;
  fn: number;
  precision: number | null;
  recall: number | null;
  f1: number | null;
}

export function prf(tp: number, fp: number, fn: number): PrF {
  const precision = tp + fp ? tp / (tp + fp) : null;
  const recall = tp + fn ? tp / (tp + fn) : null;
  const f1 = precision !== null && recall !== null && precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : null;
  return { tp, fp, fn, precision, recall, f1 };
}

/** Cohen's kappa of two label sequences over the same items. */
export function kappa<T>(a: readonly T[], b: readonly T[]): number | null {
  if (a.length === 0) return null;
  const labels = [...new Set([...a, ...b])];
  const po = a.filter((x, i) => x === b[i]).length / a.length;
  const pe = labels.reduce((s, l) => s + (a.filter((x) => x === l).length / a.length) * (b.filter((x) => x === l).length / b.length), 0);
  return pe === 1 ? null : (po - pe) / (1 - pe);
}
