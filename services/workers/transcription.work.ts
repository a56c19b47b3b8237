/** Transcription stage: finished upload → validated, extracted, transcribed → transcript artifact. */
import path from 'node:path';
import fs from 'node:fs/promises';
import type { TranscriptionEngine } from '../media/engines/engine.js';
import type { Diarizer } from '../media/diarization/diarizer.js';
import { speakerCountFor } from '../media/diarization/speakers.js';
import { transcribeMedia } from '../media/pipeline.js';
import { type Artifacts, artifactKeys } from '../shared/artifacts.js';
import { practiceTranscript } from '../transcripts/practice-script.js';
import { PermanentError } from '../shared/errors.js';
import { sealUpload, type UploadStore } from '../upload/upload.store.js';
import type { StageWork } from './stage.worker.js';

export function transcriptionWork(d: {
  uploads: UploadStore;
  artifacts: Artifacts;
  workDir: string;
  maxDurationSec: number;
  /** Picks the engine for an upload (its metadata's `engine`, else the configured default). */
  engineFor: (requested: string | undefined) => TranscriptionEngine;
  /** Offline diarizer; default the local one when installed, null for none. */
  diarizer?: Diarizer | null;
}): StageWork {
  return {
    stage: 'transcription',
    async run(state, progress) {
      if (!state.media) throw new PermanentError('no_media', 'the interview has no uploaded recording');
      // A gone upload is answered by openLocal below; other storage failures are worth a retry.
      if (state.source === 'live') await sealUpload(d.uploads.tus, state.media.key).catch(throwUnlessNotFound);
      const media = await d.uploads.openLocal(state.media.key).catch(() => {
        throw new PermanentError('media_missing', 'the uploaded recording is no longer available; upload it again');
      });
      const workDir = path.join(d.workDir, state.id);
      await fs.mkdir(workDir, { recursive: true });
      const live = state.source === 'live';
      try {
        const heard = await transcribeMedia(media.path, {
          workDir,
          maxDurationSec: d.maxDurationSec,
          onProgress: progress,
          engine: d.engineFor(state.media.engine),
          // The upload's speaker count (validated at upload; absent means auto). A live practice
          // records the user's microphone only: one voice, never split.
          diarization: { speakers: live ? '1' : speakerCountFor(state.media.speakers), ...(d.diarizer !== undefined && { diarizer: d.diarizer }) },
        });
        // The practised questions were shown and read by the browser, not recorded: put them back.
        const transcript = live ? practiceTranscript(heard, state.practice) : heard;
        const key = artifactKeys.transcript(state.id, 'media');
        await d.artifacts.put(key, transcript);
        return { type: 'transcribed', eventId: '', key, durationSec: transcript.durationSec };
      } finally {
        await media.release();
        await fs.rm(workDir, { recursive: true, force: true });
      }
    },
    discard: (id) => d.artifacts.removePrefix(artifactKeys.transcript(id, 'media')),
  };
}

const throwUnlessNotFound = (err: unknown): void => {
  if ((err as { status_code?: unknown } | null)?.status_code !== 404) throw err;
};
