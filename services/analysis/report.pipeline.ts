/**
 * The whole report for one transcript: delivery metrics, the local content analysis (Q&A, STAR,
 * prep notes), then optional LLM enrichment. The LLM only ever improves what the local analyzer
 * produced; with no provider configured (or all failing) the report is complete offline.
 */
import { enrichContent, parsePreference, type AiCache, type AiProviders } from '../ai/index.js';
import type { AiUsage } from '../ai/ai.schema.js';
import type { Transcript } from '../transcripts/transcript.js';
import { analyzeTranscript } from './analyze.js';
import { analyzeContent, candidateSentences } from './content/analyze-content.js';
import type { Extraction } from './job/extract.js';
import type { KnownQuestion } from './questions/known.js';
import { refineForReport } from './job/job-ai.js';
import { withJobSection } from './job/job-report.js';
import type { Report } from './report.schema.js';
import { labelSpeakers } from './speakers.js';

export interface ReportOptions {
  interviewId?: string;
  prepNotes?: string;
  /** The job posting: adds the report's `job` section (services/analysis/job) and its tip. */
  jobDescription?: string;
  /** The user's choice of candidate; ignored (with a note) if no such speaker exists. */
  candidateSpeaker?: string;
  /** The questions asked, with their kinds (a live practice's set): detected asks of them take the given kind. */
  knownQuestions?: readonly KnownQuestion[];
  /** auto | economy | premium | a model id. */
  aiPreference?: string;
  ai?: { providers: AiProviders; cache: AiCache };
  signal?: AbortSignal;
}

const hasProvider = (p: AiProviders) => Object.keys(p.clients).length > 0;

export async function buildReport(transcript: Transcript, opts: ReportOptions = {}): Promise<Report> {
  const notes: string[] = [...(transcript.notes ?? [])];
  const labelled = labelSpeakers(transcript.words).words;
  const speakerIds = new Set(labelled.map((w) => w.speaker));
  let override = opts.candidateSpeaker;
  if (override !== undefined && !speakerIds.has(override)) {
    notes.push(`The chosen candidate speaker "${override}" does not occur in this transcript; the candidate was chosen automatically.`);
    override = undefined;
  }
  const base = { ...(opts.interviewId && { interviewId: opts.interviewId }) };
  // A first pass decides who the candidate is (cheap: milliseconds for an hour of speech).
  const first = analyzeTranscript(transcript, { ...base, ...(override && { candidateSpeaker: override }) });
  const candidate = first.speakers.find((s) => s.role === 'candidate')?.id ?? labelled[0]?.speaker ?? 'speaker';
  let content = analyzeContent({ words: labelled, candidate, timed: transcript.timed !== false, ...(opts.prepNotes && { prepNotes: opts.prepNotes }), ...(opts.knownQuestions && { knownQuestions: opts.knownQuestions }) });

  // Always present, so the report can say "no AI was used, cost $0" as plainly as the opposite.
  let ai: AiUsage = { models: [], totalCostUsd: 0 };
  let jobExtraction: Extraction | undefined;
  if (opts.ai && hasProvider(opts.ai.providers)) {
    let preference;
    try {
      preference = parsePreference(opts.aiPreference ?? 'auto', opts.ai.providers.models);
    } catch {
      notes.push(`The model preference "${opts.aiPreference}" is not configured; models were chosen automatically.`);
      preference = 'auto' as const;
    }
    const enriched = await enrichContent(
      { transcriptText: transcript.text, answers: content.answers, summary: content.summary, tips: content.tips },
      { preference, cache: opts.ai.cache, providers: opts.ai.providers, ...(opts.signal && { signal: opts.signal }) },
    );
    content = { ...content, answers: enriched.answers, summary: enriched.summary, tips: enriched.tips };
    ai = enriched.ai;
    notes.push(...enriched.notes);
    if (opts.jobDescription?.trim()) {
      const job = await refineForReport(opts.jobDescription, ai, {
        preference, cache: opts.ai.cache, providers: opts.ai.providers, transcriptText: transcript.text, ...(opts.signal && { signal: opts.signal }),
      });
      ({ extraction: jobExtraction, ai } = job);
      notes.push(...job.notes);
    }
  }

  // The second pass pins the first pass's candidate; only a valid override means the user chose.
  const analysed = analyzeTranscript(transcript, { ...base, candidateSpeaker: candidate, candidateChosenBy: override !== undefined ? 'user' : 'auto', content, ai });
  const report = withJobSection(analysed, opts.jobDescription, () => candidateSentences(labelled, candidate, []), jobExtraction);
  return notes.length ? { ...report, quality: { ...report.quality, notes: [...report.quality.notes, ...notes] } } : report;
}
