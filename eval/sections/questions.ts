/**
 * Section "questions": question detection and kinds against the hand labels of the MIT training split
 * (test/fixtures/labelled/mit-train, see its GUIDE.md). Each transcript goes through what the CLI runs
 * (`interview-buddy analyze --transcript FILE`): the untimed `Interviewer:` / `Interviewee:` text is
 * parsed by parseTranscriptFile and reported by buildReport, without AI.
 *
 *   protocol recall ("found as answers"): a labelled protocol question (Q1–Q5) is found when some
 *     report answer's question is on its line: the answer's question contains the labelled quote, or
 *     the line contains the answer's question (text compared lower-case, letters and digits only);
 *   question precision / recall: every ask the segmentation read from an interviewer turn (answered or
 *     not, follow-ups included), placed on the transcript line holding its last asking sentence,
 *     against every labelled question line;
 *   kind accuracy: over labelled questions that were detected, the kind of the exchange the ask
 *     belongs to against the labelled kind, with the confusion counts;
 *   wrongly asked: lines labelled small talk, logistics, back-channel or closing that were read as asks.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { labelSpeakers } from '../../services/analysis/speakers.js';
import { exchanges } from '../../services/analysis/content/segment.js';
import { normalise } from '../../services/analysis/content/evaluate.js';
import { QUESTION_KINDS, type QuestionKind } from '../../services/analysis/questions/kind.js';
import { buildReport } from '../../services/analysis/report.pipeline.js';
import { parseTranscriptFile } from '../../services/transcripts/parse.js';
import { hasTestdata, repoRoot, testdataPath } from '../../test/helpers/testdata.js';
import { heading, pct, table } from '../table.js';

export const labelsDir = path.join(repoRoot, 'test/fixtures/labelled/mit-train');

export interface QuestionLabels {
  readonly transcript: string;
  readonly candidate: string;
  readonly questions: readonly { line: number; quote: string; protocol: string | null; kind: QuestionKind }[];
  readonly notQuestions?: readonly { line: number; quote: string; why: string }[];
}

export function readQuestionLabels(): (QuestionLabels & { id: string })[] {
  if (!existsSync(labelsDir)) return [];
  return readdirSync(labelsDir)
    .filter((f) => f.endsWith('.json'))
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
    .map((f) => ({ id: f.replace(/\.json$/, ''), ...(JSON.parse(readFileSync(path.join(labelsDir, f), 'utf8')) as QuestionLabels) }));
}

interface Detected {
  readonly line: number;
  readonly kind: QuestionKind;
}

export interface TranscriptResult {
  readonly id: string;
  readonly candidateOk: boolean;
  readonly protocol: { readonly asked: number; readonly found: number; readonly missed: readonly string[] };
  readonly detected: readonly Detected[];
  readonly labels: QuestionLabels;
}

const tokens = (s: string): string[] => normalise(s).split(' ').filter(Boolean);

/** The first line from `from` holding (nearly) every word of `sentence`, else the one holding most. */
function lineOf(lines: readonly string[][], sentence: string, from: number): number {
  const want = tokens(sentence);
  let best = from;
  let bestShare = -1;
  for (let i = from; i < lines.length; i++) {
    const have = new Set(lines[i]);
    const share = want.filter((w) => have.has(w)).length / Math.max(1, want.length);
    if (share >= 0.8) return i;
    if (share > bestShare) [best, bestShare] = [i, share];
  }
  return best;
}

/** Each line's words when an interviewer says it, else none; an unlabelled line continues the last speaker. */
function interviewerLines(rawLines: readonly string[], candidate: string): string[][] {
  let speaker = '';
  return rawLines.map((l) => {
    speaker = /^\s*([^:]{1,40}):/u.exec(l)?.[1]?.trim() ?? speaker;
    return speaker === candidate ? [] : tokens(l);
  });
}

/** One labelled transcript through the CLI's path, with every ask placed on its line. */
export async function measureTranscript(labels: QuestionLabels & { id: string }): Promise<TranscriptResult> {
  const text = readFileSync(testdataPath(labels.transcript), 'utf8');
  const transcript = parseTranscriptFile(text, path.basename(labels.transcript));
  const report = await buildReport(transcript);
  const candidate = report.speakers.find((s) => s.role === 'candidate')?.id ?? '';
  const rawLines = text.split('\n');
  const lines = interviewerLines(rawLines, labels.candidate);
  const asks = exchanges(labelSpeakers(transcript.words).words, candidate)
    .flatMap((x) => [...x.asks, ...x.followUps].map((a) => ({ a, kind: x.kind })))
    .sort((p, q) => p.a.sentences[0]!.start - q.a.sentences[0]!.start);
  let from = 0;
  const detected = asks.map(({ a, kind }) => {
    const i = lineOf(lines, a.sentences.at(-1)!.text, from);
    from = i + 1;
    return { line: i + 1, kind };
  });
  const answers = report.answers.map((x) => normalise(x.question));
  const protocol = labels.questions.filter((q) => q.protocol !== null);
  const isFound = (q: (typeof protocol)[number]): boolean =>
    answers.some((x) => x.includes(normalise(q.quote)) || normalise(rawLines[q.line - 1] ?? '').includes(x));
  const missed = protocol.filter((q) => !isFound(q)).map((q) => `${labels.id}:${q.line} ${q.protocol} "${q.quote}"`);
  return {
    id: labels.id,
    candidateOk: candidate === labels.candidate,
    protocol: { asked: protocol.length, found: protocol.length - missed.length, missed },
    detected,
    labels,
  };
}

export interface QuestionsMeasure {
  readonly transcripts: number;
  readonly candidateOk: number;
  readonly protocolRecall: number;
  readonly protocolAsked: number;
  readonly missedProtocol: readonly string[];
  readonly precision: number;
  readonly recall: number;
  readonly truePositives: number;
  readonly detected: number;
  readonly labelled: number;
  readonly kindAccuracy: number;
  /** confusion[labelled][predicted] over detected labelled questions. */
  readonly confusion: Readonly<Record<QuestionKind, Readonly<Record<QuestionKind, number>>>>;
  readonly wronglyAsked: Readonly<Record<string, number>>;
  readonly wronglyAskedLines: readonly string[];
  readonly falsePositiveLines: readonly string[];
  readonly missedLines: readonly string[];
  readonly kindMisses: readonly string[];
}

export function summarise(results: readonly TranscriptResult[]): QuestionsMeasure {
  const zeroRow = () => Object.fromEntries(QUESTION_KINDS.map((k) => [k, 0])) as Record<QuestionKind, number>;
  const confusion = Object.fromEntries(QUESTION_KINDS.map((k) => [k, zeroRow()])) as Record<QuestionKind, Record<QuestionKind, number>>;
  const wronglyAsked: Record<string, number> = {};
  const wronglyAskedLines: string[] = [];
  const falsePositiveLines: string[] = [];
  const missedLines: string[] = [];
  const kindMisses: string[] = [];
  let tp = 0;
  let detectedLines = 0;
  let labelled = 0;
  for (const r of results) {
    const byLine = new Map(r.detected.map((d) => [d.line, d]));
    const labelledLines = new Set(r.labels.questions.map((q) => q.line));
    detectedLines += byLine.size;
    labelled += labelledLines.size;
    for (const q of r.labels.questions) {
      const d = byLine.get(q.line);
      if (!d) {
        missedLines.push(`${r.id}:${q.line} ${q.kind} "${q.quote}"`);
        continue;
      }
      tp++;
      confusion[q.kind][d.kind]++;
      if (q.kind !== d.kind) kindMisses.push(`${r.id}:${q.line} ${q.kind} → ${d.kind} "${q.quote}"`);
    }
    for (const line of byLine.keys()) if (!labelledLines.has(line)) falsePositiveLines.push(`${r.id}:${line}`);
    for (const n of r.labels.notQuestions ?? []) {
      if (!byLine.has(n.line)) continue;
      wronglyAsked[n.why] = (wronglyAsked[n.why] ?? 0) + 1;
      wronglyAskedLines.push(`${r.id}:${n.line} ${n.why} "${n.quote}"`);
    }
  }
  const asked = results.reduce((n, r) => n + r.protocol.asked, 0);
  const found = results.reduce((n, r) => n + r.protocol.found, 0);
  const rightKind = QUESTION_KINDS.reduce((n, k) => n + confusion[k][k], 0);
  return {
    transcripts: results.length,
    candidateOk: results.filter((r) => r.candidateOk).length,
    protocolRecall: asked ? found / asked : 1,
    protocolAsked: asked,
    missedProtocol: results.flatMap((r) => r.protocol.missed),
    precision: detectedLines ? tp / detectedLines : 1,
    recall: labelled ? tp / labelled : 1,
    truePositives: tp,
    detected: detectedLines,
    labelled,
    kindAccuracy: tp ? rightKind / tp : 1,
    confusion,
    wronglyAsked,
    wronglyAskedLines,
    falsePositiveLines,
    missedLines,
    kindMisses,
  };
}

export async function measureQuestions(): Promise<QuestionsMeasure> {
  const results: TranscriptResult[] = [];
  for (const labels of readQuestionLabels()) results.push(await measureTranscript(labels));
  return summarise(results);
}

export async function runQuestions(log: (s: string) => void): Promise<void> {
  log(heading('Questions: detection and kinds against the MIT training-split labels (untimed text, CLI path)'));
  if (!hasTestdata() || readQuestionLabels().length === 0) {
    log('testdata or labels not found, skipped');
    return;
  }
  const m = await measureQuestions();
  log(table(['measure', 'value'], [
    ['labelled transcripts', m.transcripts],
    ['Interviewee chosen as candidate', `${m.candidateOk} of ${m.transcripts}`],
    ['protocol questions found as answers', `${pct(m.protocolRecall)} (${m.protocolAsked - m.missedProtocol.length}/${m.protocolAsked})`],
    ['question precision', `${pct(m.precision)} (${m.truePositives}/${m.detected})`],
    ['question recall', `${pct(m.recall)} (${m.truePositives}/${m.labelled})`],
    ['kind accuracy (detected questions)', pct(m.kindAccuracy)],
    ['non-questions read as questions', Object.entries(m.wronglyAsked).map(([k, n]) => `${k} ${n}`).join(', ') || '0'],
  ]));
  const short = (k: QuestionKind) => k.replace('strengths_weaknesses', 'str_weak').replace('candidate_questions', 'cand_q');
  log('\nKind confusion (rows: labelled, columns: predicted)');
  log(table(['labelled', ...QUESTION_KINDS.map(short)], QUESTION_KINDS.map((k) => [short(k), ...QUESTION_KINDS.map((p) => m.confusion[k][p])])));
  for (const [title, xs] of [['missed protocol questions', m.missedProtocol], ['non-questions read as questions', m.wronglyAskedLines], ['labelled questions not detected', m.missedLines], ['kind disagreements', m.kindMisses], ['asks on unlabelled lines', m.falsePositiveLines]] as const) {
    if (xs.length) log(`\n${title}:\n  ${xs.join('\n  ')}`);
  }
}
