import type { Transcript } from '../transcripts/transcript.js';
import { InvalidTranscriptError, ReportValidationError } from './errors.js';
import { recordingDurationSec } from './metrics/duration.js';
import { detectFillers, fillerStats } from './metrics/fillers.js';
import { longestSpeechRun } from './metrics/longest-speech.js';
import { detectPauses } from './metrics/pauses.js';
import { speakingTimeSec } from './metrics/speaking-time.js';
import type { Timeline } from './metrics/timeline.js';
import { toTimeline } from './metrics/timeline.js';
import { wordCount } from './metrics/word-count.js';
import { wordsPerMinute } from './metrics/wpm.js';
import { wpmSeries } from './metrics/wpm-series.js';
import { qualityNotes } from './quality.js';
import { REFERENCE_RANGES } from './reference-ranges.js';
import type { Report, ReportMetrics } from './report.schema.js';
import { REPORT_SCHEMA_VERSION, ReportSchema } from './report.schema.js';

export interface AnalyzeOptions {
  readonly interviewId?: string;
  /** Injected clock, so a report is reproducible in tests. */
  readonly now?: () => Date;
}

/**
 * Stored numbers are rounded to what the inputs can support: engines time words to ~10 ms, so more
 * than millisecond precision is noise, and a WPM of 132.4719 claims a precision no recording has.
 */
const sec = (x: number): number => Math.round(x * 1000) / 1000;
const oneDecimal = (x: number): number => Math.round(x * 10) / 10;
const fraction = (x: number): number => Math.round(x * 10000) / 10000;

/** The speech metrics section. Separate from the report envelope so later sections sit beside it. */
export function computeMetrics(tl: Timeline, reportedDurationSec: number): ReportMetrics {
  const durationSec = recordingDurationSec(reportedDurationSec, tl);
  const words = wordCount(tl.words);
  const speakingSec = speakingTimeSec(tl);
  const fillers = fillerStats(detectFillers(tl), words, durationSec);
  const pauses = detectPauses(tl);
  return {
    durationSec: sec(durationSec),
    speakingSec: sec(speakingSec),
    wordCount: words,
    wpm: oneDecimal(wordsPerMinute(words, durationSec)),
    articulationWpm: oneDecimal(wordsPerMinute(words, speakingSec)),
    wpmSeries: wpmSeries(tl, durationSec).map((p) => ({
      t: sec(p.t),
      wpm: oneDecimal(p.wpm),
      durationSec: sec(p.durationSec),
      partial: p.partial,
    })),
    fillers: {
      count: fillers.count,
      perMinute: oneDecimal(fillers.perMinute),
      ratio: fraction(fillers.ratio),
      items: fillers.items.map((f) => ({ word: f.word, start: sec(f.start) })),
    },
    pauses: {
      count: pauses.count,
      longestSec: sec(pauses.longestSec),
      totalSec: sec(pauses.totalSec),
      silenceShare: fraction(pauses.silenceShare),
      items: pauses.items.map((p) => ({ start: sec(p.start), end: sec(p.end), durationSec: sec(p.durationSec) })),
    },
    longestSpeechSec: sec(longestSpeechRun(tl)?.durationSec ?? 0),
  };
}

function speakersOf(tl: Timeline): string[] {
  const seen = new Set<string>();
  for (const w of tl.words) if (w.speaker !== undefined && w.speaker !== '') seen.add(w.speaker);
  return [...seen];
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
 * Transcript → versioned report. Pure (the clock is injected) and O(n) after one sort the engine can
 * usually spare us. Throws InvalidTranscriptError for unusable input and ReportValidationError if the
 * result breaks the schema (a bug here: never hand a consumer a report that breaks the contract).
 */
export function analyzeTranscript(transcript: Transcript, opts: AnalyzeOptions = {}): Report {
  // Input faults are the caller's (a permanent failure of this interview), so they are reported as
  // such here rather than surfacing later as a schema failure that looks like our bug.
  if (!transcript.engine) throw new InvalidTranscriptError('transcript has no engine name');
  if (opts.interviewId === '') throw new InvalidTranscriptError('interviewId must not be empty');
  const tl = toTimeline(transcript.words);
  const metrics = computeMetrics(tl, transcript.durationSec);
  const speakers = speakersOf(tl);
  const report: Report = {
    schemaVersion: REPORT_SCHEMA_VERSION,
    ...(opts.interviewId !== undefined ? { interviewId: opts.interviewId } : {}),
    generatedAt: (opts.now ?? (() => new Date()))().toISOString(),
    engine: transcript.engine,
    ...(transcript.language ? { language: transcript.language } : {}),
    metrics,
    reference: REFERENCE_RANGES,
    quality: {
      engine: transcript.engine,
      speakers,
      notes: qualityNotes({
        engine: transcript.engine,
        reportedDurationSec: Number.isFinite(transcript.durationSec) ? Math.max(0, transcript.durationSec) : 0,
        durationSec: metrics.durationSec,
        wordCount: metrics.wordCount,
        speakers,
        meanConfidence: meanConfidence(tl),
        issues: tl.issues,
      }),
    },
  };
  const parsed = ReportSchema.safeParse(report);
  if (!parsed.success) throw new ReportValidationError(parsed.error.issues);
  return parsed.data;
}
