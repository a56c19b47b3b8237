/** Section "content": Q/A segmentation and STAR agreement on the labelled sets via evaluateContent. */
import { analyzeContent } from '../../services/analysis/content/analyze-content.js';
import { evaluateContent, type ContentEvaluation } from '../../services/analysis/content/evaluate.js';
import { STAR_PARTS } from '../../services/analysis/content/star.js';
import { hasTestdata } from '../../test/helpers/testdata.js';
import { mitTranscriptWords } from '../ground-truth.js';
import { fixtureWords, readLabelledFixtures, readMitLabels } from '../labelled.js';
import { fixed, heading, table } from '../table.js';

export function ownEvaluation(): ContentEvaluation {
  return evaluateContent(readLabelledFixtures().map((f) => ({
    predicted: analyzeContent({ words: fixtureWords(f.turns, f.wpm), candidate: f.candidate, ...(f.prepNotes ? { prepNotes: f.prepNotes } : {}) }),
    labels: f.labels,
  })));
}

export function mitEvaluation(): ContentEvaluation {
  return evaluateContent(readMitLabels().map((l) => ({ predicted: analyzeContent({ words: mitTranscriptWords(l.transcript), candidate: l.candidate }), labels: l })));
}

export function runContent(log: (s: string) => void): void {
  log(heading('Content: Q/A segmentation and STAR agreement with labels (no numeric target in the issue)'));
  const sets: [string, ContentEvaluation][] = [['own (test/fixtures/labelled)', ownEvaluation()]];
  if (hasTestdata()) sets.push(['MIT p1 + p30 (labels only)', mitEvaluation()]);
  else log('MIT labels: testdata not found, skipped');
  const col = (f: (e: ContentEvaluation) => string) => sets.map(([, e]) => f(e));
  const seg = (e: ContentEvaluation) => e.segmentation;
  log(table(['measure', ...sets.map(([n]) => n)], [
    ['labelled answers', ...col((e) => String(seg(e).labelled))],
    ['predicted answers', ...col((e) => String(seg(e).predicted))],
    ['question precision', ...col((e) => fixed(seg(e).questionPrecision))],
    ['question recall', ...col((e) => fixed(seg(e).questionRecall))],
    ['segmentation accuracy', ...col((e) => `${fixed(seg(e).accuracy)} (${seg(e).correctBoundaries}/${seg(e).labelled + seg(e).predicted - seg(e).matchedQuestions})`)],
    ...STAR_PARTS.map((p) => [`STAR ${p} agreement`, ...col((e) => `${fixed(e.star[p].agreement)} (P ${fixed(e.star[p].precision, 2)} R ${fixed(e.star[p].recall, 2)})`)]),
    ['STAR overall agreement', ...col((e) => fixed(e.star.overallAgreement))],
    ...STAR_PARTS.map((p) => [`evidence hit: ${p}`, ...col((e) => fixed(e.star[p].evidenceHit))]),
    ['prep status agreement', ...col((e) => (e.prep.points ? `${fixed(e.prep.agreement)} (${e.prep.points} points)` : '–'))],
  ]));
  log('Segmentation accuracy = correctly bounded answers ÷ (labelled + spurious); agreement = share of matched answers where presence agrees.');
}
