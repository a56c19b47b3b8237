/** Analysis stage: transcript artifact → report artifact. */
import { analyzeTranscript } from '../analysis/analyze.js';
import { type Artifacts, artifactKeys } from '../shared/artifacts.js';
import { PermanentError } from '../shared/errors.js';
import type { Transcript } from '../transcripts/transcript.js';
import type { StageWork } from './stage.worker.js';

export function analysisWork(d: { artifacts: Artifacts }): StageWork {
  return {
    stage: 'analysis',
    async run(state, progress) {
      if (!state.transcript) throw new PermanentError('no_transcript', 'the interview has no transcript to analyse');
      const transcript = await d.artifacts.get<Transcript>(state.transcript.key);
      progress(0.5);
      const report = analyzeTranscript(transcript, { interviewId: state.id });
      const key = artifactKeys.report(state.id);
      await d.artifacts.put(key, report);
      return { type: 'analyzed', eventId: '', key, transcriptKey: state.transcript.key };
    },
    discard: (id) => d.artifacts.removePrefix(artifactKeys.report(id)),
  };
}
