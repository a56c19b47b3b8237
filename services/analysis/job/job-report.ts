/**
 * The report's `job` section and its tip, from a job description and the report's answers. Pure.
 * The tip names the most important missed competency (extract.ts ranks by how often the posting
 * asks for it) and leads the report's three tips: the job's gap is the advice that matters most.
 */
import { type CoverageAnswer, judgeCoverage } from './coverage.js';
import { type Extraction, extractCompetencies } from './extract.js';
import { type JobCompetency, type JobSection, JobSectionSchema } from './job.contract.js';
import { type CompiledVocabulary, vocabulary } from './vocabulary.js';

const clip = (s: string, n: number) => (s.length <= n ? s : `${s.slice(0, n - 1).trimEnd()}…`);

export function missedTip(c: Pick<JobCompetency, 'name' | 'source'>): string {
  return `The job asks for ${c.name.toLowerCase()} ("${clip(c.source, 140)}") and none of your answers showed it: prepare a short story where you did it yourself, and tell it when a question gives you the chance.`;
}

export function buildJobSection(
  jobDescription: string,
  answers: readonly CoverageAnswer[],
  extra: readonly string[] = [],
  vocab: CompiledVocabulary = vocabulary(),
  /** The LLM-refined list (job-ai.ts); the offline extraction otherwise. */
  extraction: Extraction = extractCompetencies(jobDescription, vocab),
): { job: JobSection; tip?: string } {
  const { competencies, coverage } = judgeCoverage(extraction.competencies, answers, extra, vocab);
  // Parsed, so a bug here fails loudly instead of handing out a report that breaks its schema.
  const job: JobSection = JobSectionSchema.parse({ competencies, coverage, ...(extraction.notes.length > 0 && { notes: extraction.notes }) });
  const missed = competencies.find((c) => c.status === 'missed');
  return missed ? { job, tip: missedTip(missed) } : { job };
}

/** The job tip first, then the report's own tips, still three. */
export const leadWithTip = (tips: readonly string[], tip: string | undefined): string[] =>
  tip ? [tip, ...tips.filter((t) => t !== tip)].slice(0, 3) : [...tips];

/** The report with its `job` section and the job tip leading; unchanged without a job description. */
export function withJobSection<R extends { answers: readonly CoverageAnswer[]; tips: string[] }>(
  report: R,
  jobDescription: string | undefined,
  extraSentences: () => readonly string[],
  extraction?: Extraction,
): R & { job?: JobSection } {
  if (jobDescription === undefined || jobDescription.trim() === '') return report;
  const extra = report.answers.length === 0 ? extraSentences() : [];
  const { job, tip } = buildJobSection(jobDescription, report.answers, extra, vocabulary(), extraction);
  return { ...report, job, tips: leadWithTip(report.tips, tip) };
}
