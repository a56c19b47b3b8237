import type { AiUsage } from '../ai/ai.schema.js';
import type { Transcript } from '../transcripts/transcript.js';
import { analyzeSpeech, sec } from './candidate-metrics.js';
import type { Content } from './content/content.schema.js';
import { InvalidTranscriptError, ReportValidationError } from './errors.js';
import { metricCards } from './metric-cards.js';
import type { Timeline } from './metrics/timeline.js';
import { toTimeline } from './metrics/timeline.js';
import { qualityNotes } from './quality.js';
import { scoreReadiness } from './readiness/model.js';
import { READINESS_WEIGHTS } from './readiness/weights.js';
import type { Report } from './report.schema.js';
import { REPORT_SCHEMA_VERSION, ReportSchema } from './report.schema.js';
import { labelSpeakers, speakerList } from './speakers.js';
import { mergeTips, summaryFromMetrics, tipsFromCards } from './tips.js';

export interface AnalyzeOptions {
  readonly interviewId?: string;
  /** Injected clock, so a report is reproducible in tests. */
  readonly now?: () => Date;
  /**
   * The user's choice of candidate: a speaker label of the transcript. Overrides the automatic choice
   * (speakers.ts `chooseCandidate`); a label the transcript does not have is an InvalidTranscriptError.
   */
  readonly candidateSpeaker?: string;
  /**
   * Who chose `candidateSpeaker`: the user (the default when it is given) or an earlier automatic
   * pass (report.pipeline.ts), so the report never says "as you chose" when nobody chose.
   */
  readonly candidateChosenBy?: 'user' | 'auto';
  /** Display names by speaker label ("spk_0" → "Dana"). */
  readonly speakerNames?: Readonly<Record<string, string>>;
  /**
   * Answers, prep coverage, tips and summary from the content analyzer (services/analysis/content).
   * Without it the report has no answers, tips from the metric cards and a summary of the metrics.
   */
  readonly content?: Content;
  /** LLM calls made for this report, with their cost. */
  readonly ai?: AiUsage;
}

function meanConfidence(tl: Timeline): number | undefined {
  let sum = 0;
  let n = 0;
  for (const w of tl.words) {
    if (w.confidence === undefined || !Number.isFinite(w.confidence)) continue;
    sum += w.confidence;
    n++;
  }
  return n > 0 ? sum / n : undefined;
}

/**
 * Transcript → versioned (v2) report. Pure (the clock is injected); O(n) after one sort, plus one POS
 * tagging pass when the candidate says "like". Throws InvalidTranscriptError for unusable input
 * (including an unknown `candidateSpeaker`) and ReportValidationError if the result breaks the schema
 * (a bug here: never hand a consumer a report that breaks the contract).
 */
export function analyzeTranscript(transcript: Transcript, opts: AnalyzeOptions = {}): Report {
  // Input faults are the caller's (a permanent failure of this interview), so they are reported as
  // such here rather than surfacing later as a schema failure that looks like our bug.
  if (!transcript.engine) throw new InvalidTranscriptError('transcript has no engine name');
  if (opts.interviewId === '') throw new InvalidTranscriptError('interviewId must not be empty');
  const labelled = labelSpeakers(transcript.words);
  const tl = toTimeline(labelled.words);
  const timed = transcript.timed !== false;
  const { candidate, facts, metrics } = analyzeSpeech(tl, transcript.durationSec, opts.candidateSpeaker, timed);
  // The model learnt from two-person interviews (talk share is one of its features), so a solo
  // practice run gets no score rather than one it was never validated on.
  const readiness = facts.length > 1 ? scoreReadiness(metrics, timed ? 'timed' : 'untimed', READINESS_WEIGHTS) : undefined;
  const multiSpeaker = facts.length > 1;
  const cards = metricCards(metrics, candidate, multiSpeaker);
  const content = opts.content
    ? { ...opts.content, tips: mergeTips(opts.content.tips, cards) }
    : { answers: [], tips: tipsFromCards(cards), summary: summaryFromMetrics(metrics, cards, multiSpeaker) };
  const report: Report = {
    schemaVersion: REPORT_SCHEMA_VERSION,
    ...(opts.interviewId !== undefined ? { interviewId: opts.interviewId } : {}),
    generatedAt: (opts.now ?? (() => new Date()))().toISOString(),
    engine: transcript.engine,
    ...(transcript.language ? { language: transcript.language } : {}),
    speakers: speakerList(facts, candidate, opts.speakerNames, sec),
    metrics,
    metricCards: cards,
    ...content,
    ...(readiness ? { readiness } : {}),
    ...(opts.ai ? { ai: opts.ai } : {}),
    quality: {
      engine: transcript.engine,
      assumedSingleSpeaker: labelled.assumedSingleSpeaker,
      notes: qualityNotes({
        engine: transcript.engine,
        reportedDurationSec: Number.isFinite(transcript.durationSec) ? Math.max(0, transcript.durationSec) : 0,
        durationSec: metrics.durationSec ?? 0,
        timed,
        wordCount: metrics.wordCount,
        speakers: facts.map((f) => f.id),
        candidate,
        candidateChosenBy: opts.candidateSpeaker === undefined ? 'auto' : (opts.candidateChosenBy ?? 'user'),
        assumedSingleSpeaker: labelled.assumedSingleSpeaker,
        inheritedSpeakerWords: labelled.inherited,
        meanConfidence: meanConfidence(tl),
        issues: tl.issues,
      }),
    },
  };
  const parsed = ReportSchema.safeParse(report);
  if (!parsed.success) throw new ReportValidationError(parsed.error.issues);
  return parsed.data;
}
