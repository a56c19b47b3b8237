/**
 * Section "star": STAR detection against the hand labels of the MIT training split
 * (eval/star-labels.ts), for the rules as they were before they were tuned on spoken answers
 * (BASELINE_COMMIT, loaded from git so the comparison runs on whatever label files exist now) and
 * for the current rules, on the tune participants, the untouched test participants, and both.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { detectStar, STAR_PARTS } from '../../services/analysis/content/star.js';
import { hasTestdata, repoRoot } from '../../test/helpers/testdata.js';
import { readStarAnswers, scoreStar, setOf, type Detector, type LabelledStarAnswer, type StarFigures } from '../star-labels.js';
import { fixed, heading, table } from '../table.js';

/** The last commit with the STAR rules written on polished example answers. */
export const BASELINE_COMMIT = '80af186f49e99a27468957864baabf265e8c574f';
const BASELINE_FILES = ['services/analysis/content/star.ts', 'services/analysis/content/nlp.ts'];

/**
 * The baseline detector, or null when git cannot show it (a shallow clone). Its files go under
 * node_modules/.cache so their package imports (wink-nlp) resolve as in the repo.
 */
async function baselineDetector(): Promise<Detector | null> {
  const dir = path.join(repoRoot, 'node_modules/.cache/star-baseline');
  try {
    mkdirSync(dir, { recursive: true });
    for (const file of BASELINE_FILES) {
      const source = execFileSync('git', ['show', `${BASELINE_COMMIT}:${file}`], { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
      writeFileSync(path.join(dir, path.basename(file)), source);
    }
  } catch {
    return null;
  }
  const mod = (await import(pathToFileURL(path.join(dir, 'star.ts')).href)) as { detectStar: Detector };
  return mod.detectStar;
}

const MEASURES: readonly [string, (f: StarFigures[(typeof STAR_PARTS)[number]]) => number | null][] = [
  ['precision', (f) => f.precision],
  ['recall', (f) => f.recall],
  ['agreement', (f) => f.agreement],
  ['kappa', (f) => f.kappa],
  ['evidence hit', (f) => f.evidenceHit],
];

export async function runStar(log: (s: string) => void): Promise<void> {
  log(heading('STAR detection vs hand labels (MIT training split, Q2 + Q3 answers)'));
  if (!hasTestdata()) {
    log('testdata not found, skipped');
    return;
  }
  const answers = readStarAnswers();
  const sets: [string, LabelledStarAnswer[]][] = [
    ['tune', answers.filter((a) => setOf(a) === 'tune')],
    ['test', answers.filter((a) => setOf(a) === 'test')],
    ['all', answers],
  ];
  const baseline = await baselineDetector();
  const detectors: [string, Detector][] = [...(baseline ? [['before', baseline] as [string, Detector]] : []), ['now', detectStar]];
  const columns = sets.flatMap(([set, a]) => detectors.map(([name, d]) => [`${set} ${name}`, scoreStar(a, d)] as const));
  log(table(['measure', ...columns.map(([n]) => n)], [
    ['answers', ...columns.map(([, f]) => f.answers)],
    ['all four parts found', ...columns.map(([, f]) => `${f.allFour} (labels ${f.labelledAllFour})`)],
    ...STAR_PARTS.flatMap((p) => MEASURES.map(([m, get]) => [`${p} ${m}`, ...columns.map(([, f]) => fixed(get(f[p])))])),
  ]));
  if (!baseline) log(`"before" columns missing: git could not show ${BASELINE_COMMIT.slice(0, 7)}.`);
  const other = answers.length - sets[0]![1].length - sets[1]![1].length;
  if (other) log(`${other} answers of participants in neither list count in "all" only.`);
  log('before = rules at the start of tuning; tune = participants the rules were tuned on; test = participants not looked at until the final figures.');
}
