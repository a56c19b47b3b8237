/** Analysis stage: transcript artifact → report artifact. */
import type { AiCache, AiProviders } from '../ai/index.js';
import { buildReport } from '../analysis/report.pipeline.js';
import type { Report } from '../analysis/report.schema.js';
import { type Artifacts, artifactKeys } from '../shared/artifacts.js';
import { PermanentError } from '../shared/errors.js';
import type { Transcript } from '../transcripts/transcript.js';
import type { StageWork } from './stage.worker.js';

export function analysisWork(d: {
  artifacts: Artifacts;
  ai?: { providers: AiProviders; cache: AiCache };
  /** The owner's saved model preference (settings), used when the interview names none. */
  preferenceOf: (ownerUid: string) => Promise<string | undefined>;
}): StageWork {
  return {
    stage: 'analysis',
    async run(state, progress) {
      if (!state.transcript) throw new PermanentError('no_transcript', 'the interview has no transcript to analyse');
      const transcript = await d.artifacts.get<Transcript>(state.transcript.key);
      progress(0.5);
      const aiPreference = state.analysis?.aiPreference ?? (await d.preferenceOf(state.ownerUid));
      const report = await buildReport(transcript, {
        interviewId: state.id,
        ...(state.prepNotes && { prepNotes: state.prepNotes }),
        ...(state.jobDescription && { jobDescription: state.jobDescription }),
        ...(state.analysis?.candidateSpeaker && { candidateSpeaker: state.analysis.candidateSpeaker }),
        // The practised set's kinds were chosen with the questions; inferring them from the words can differ.
        ...(state.practice?.questions && { knownQuestions: state.practice.questions }),
        ...(aiPreference && { aiPreference }),
        ...(d.ai && { ai: d.ai }),
      });
      const key = artifactKeys.report(state.id);
      await d.artifacts.put(key, report);
      return { type: 'analyzed', eventId: '', key, transcriptKey: state.transcript.key, headline: headlineOf(report) };
    },
    discard: (id) => d.artifacts.removePrefix(artifactKeys.report(id)),
  };
}

/** The numbers lists and trends show, kept in the actor so they never read every report. */
export function headlineOf(report: Report): Record<string, number> {
  const m = report.metrics;
  // Time-based numbers are absent for transcripts without times; trends simply skip them.
  const all: Record<string, number | undefined> = {
    readiness: report.readiness?.score,
    wpm: m.wpm,
    fillersPerMinute: m.fillers.perMinute,
    fillerRatio: m.fillers.ratio,
    hedgesPerMinute: m.hedges.perMinute,
    pauses: m.pauses?.count,
    longestMonologueSec: m.longestMonologueSec,
    vocabularyMattr: m.vocabulary.mattr,
    weRatio: m.pronouns.weRatio,
    talkRatio: m.talkRatio ?? m.talkRatioByWords,
    wordCount: m.wordCount,
    answers: report.answers.length,
  };
  const h: Record<string, number> = Object.fromEntries(Object.entries(all).filter((e): e is [string, number] => e[1] !== undefined));
  if (report.answers.length) {
    const parts = report.answers.flatMap((a) => Object.values(a.star).map((p) => (p.present ? 1 : 0)));
    h.starCoverage = Math.round((parts.reduce<number>((x, y) => x + y, 0) / parts.length) * 1000) / 1000;
  }
  return h;
}
