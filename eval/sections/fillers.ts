/** Section "fillers": detectFillers against the hand-marked set, and against the strict regex on the MIT transcripts. */
import { detectFillers } from '../../services/analysis/metrics/fillers.js';
import { toTimeline } from '../../services/analysis/metrics/timeline.js';
import type { Word } from '../../services/transcripts/transcript.js';
import { hasTestdata, readManifest } from '../../test/helpers/testdata.js';
import { readFillerSet } from '../filler-set.js';
import { addCounts, compareFillers, prScore, totalCounts, type FillerAt, type PrCounts } from '../filler-score.js';
import { mitTranscriptWords } from '../ground-truth.js';
import { strictAgreement } from '../strict-agreement.js';
import { fixed, heading, table, verdict } from '../table.js';

const TARGET = { min: 0.95 };
const TYPE_ORDER = ['um', 'uh', 'er', 'erm', 'ah', 'hmm', 'mm', 'like', 'you know', 'i mean', 'sort of', 'kind of', 'basically'];

/** The detector's items as (word index, type); its `start` is the start of the word where it begins. */
export function predictedAt(words: readonly Word[]): FillerAt[] {
  const index = new Map(words.map((w, i) => [w.start, i]));
  return detectFillers(toTimeline(words)).map((f) => {
    const word = index.get(f.start);
    if (word === undefined) throw new Error(`filler "${f.word}" at ${f.start}s is not at a word start`);
    return { word, type: f.word };
  });
}

const context = (words: readonly Word[], i: number): string =>
  `${words.slice(Math.max(0, i - 4), i).map((w) => w.text).join(' ')} [${words.slice(i, i + 2).map((w) => w.text).join(' ')}] ${words.slice(i + 2, i + 5).map((w) => w.text).join(' ')}`;

export function runFillers(log: (s: string) => void): void {
  log(heading('Fillers: precision / recall (target ≥ 0.95 on verbatim text)'));
  const set = readFillerSet();
  const byType = new Map<string, PrCounts>();
  const errors: string[] = [];
  for (const f of set) {
    const cmp = compareFillers(f.goldAt, predictedAt(f.words));
    for (const [t, c] of cmp.byType) byType.set(t, addCounts(byType.get(t) ?? { tp: 0, fp: 0, fn: 0 }, c));
    for (const p of cmp.falsePositives) errors.push(`  FP ${f.id}: "${p.type}"  …${context(f.words, p.word)}…`);
    for (const g of cmp.falseNegatives) errors.push(`  FN ${f.id}: "${g.type}"  …${context(f.words, g.word)}…`);
  }
  const gold = set.reduce((n, f) => n + f.goldAt.length, 0);
  log(`Hand-marked verbatim set (test/fixtures/labelled-fillers): ${set.length} transcripts, ${set.reduce((n, f) => n + f.words.length, 0)} words, ${gold} marked fillers`);
  const types = [...byType.keys()].sort((a, b) => (TYPE_ORDER.indexOf(a) + 1 || 99) - (TYPE_ORDER.indexOf(b) + 1 || 99));
  const row = (name: string, c: PrCounts, judged: boolean) => {
    const s = prScore(c);
    return [name, c.tp + c.fn, c.tp, c.fp, c.fn, fixed(s.precision), fixed(s.recall),
      judged ? `${verdict(s.precision, TARGET)} / ${verdict(s.recall, TARGET)}` : ''];
  };
  const total = totalCounts(byType);
  log(table(['type', 'gold', 'TP', 'FP', 'FN', 'precision', 'recall', 'P / R vs 0.95'],
    [...types.map((t) => row(t, byType.get(t)!, false)), row('ALL', total, true)]));
  if (errors.length) log(`Disagreements (word in [brackets]):\n${errors.join('\n')}`);

  if (!hasTestdata()) {
    log('MIT transcripts: testdata not found, skipped');
    return;
  }
  const rows = readManifest().filter((r) => r.kind === 'transcript');
  let agg: PrCounts = { tp: 0, fp: 0, fn: 0 };
  for (const r of rows) {
    const a = strictAgreement(mitTranscriptWords(r.file));
    agg = addCounts(agg, { tp: a.truePositives, fp: a.falsePositives, fn: a.falseNegatives });
  }
  log(`\nMIT interview transcripts (${rows.length}, both speakers) vs the README's strict regex \\b(?:um|uh|er|ah|hmm|mm)\\b`);
  log('(regex hits inside hyphenated back-channels such as "Mm-hmm", "Uh-huh" are excluded: not hesitations)');
  log(table(['set', 'regex hits', 'TP', 'FP', 'FN', 'precision', 'recall', 'P / R vs 0.95'], [row('MIT strict', agg, true)]));
}
