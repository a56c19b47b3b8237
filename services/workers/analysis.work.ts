/** Analysis stage: transcript artifact → report artifact. */
import type { AiCache, AiProviders } from '../ai/index.js';
import { buildReport } from '../analysis/report.pipeline.js';
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
        ...(state.analysis?.candidateSpeaker && { candidateSpeaker: state.analysis.candidateSpeaker }),
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

/** The few numbers lists and trends show, kept in the actor so they never read every report. */
export function headlineOf(report: { metrics: { wpm: number; wordCount: number; fillers: { perMinute: number; ratio: number }; pauses: { count: number } } }): Record<string, number> {
  const m = report.metrics;
  return { wpm: m.wpm, fillersPerMinute: m.fillers.perMinute, fillerRatio: m.fillers.ratio, pauses: m.pauses.count, wordCount: m.wordCount };
}
