/**
 * What each service role registers on the runtime: actor types, pipeline workers and lifecycle
 * subscribers. Each function is a no-op for a role this process does not run.
 */
import path from 'node:path';
import { interviewActor } from '../../actors/interview.actor.js';
import { defaultPolicy, type LifecyclePolicy } from '../../actors/interview.types.js';
import { userActor } from '../../actors/user.actor.js';
import type { EventHandler } from '../../dapr/ports/pubsub.js';
import { selectEngine } from '../media/engine-select.js';
import { analysisWork } from '../workers/analysis.work.js';
import { stageWorker } from '../workers/stage.worker.js';
import { transcriptionWork } from '../workers/transcription.work.js';
import type { Base, Core } from './core.js';

/** Api-role actor types. One app-id hosts each actor type: daprd keys actor state by the hosting app-id. */
export function registerApiActors({ config, has, runtime }: Base): void {
  if (!has('api')) return;
  const policy: LifecyclePolicy = {
    maxAttempts: config.STAGE_MAX_ATTEMPTS,
    budgetMs: { ...defaultPolicy.budgetMs, transcription: config.TRANSCRIPTION_BUDGET_MS, analysis: config.ANALYSIS_BUDGET_MS },
  };
  runtime.actors.register(interviewActor(policy));
  runtime.actors.register(userActor);
}

/** Media-role actor types (hosted by the media app only). */
export function registerMediaActors({ has }: Base): void {
  if (!has('media')) return;
}

const workerDeps = ({ service, log, metrics }: Core) => ({ service, log, metrics });

/** Media role: uploaded interviews → transcription. */
export function wireMediaWorkers(core: Core): void {
  const { config, opts, log, has, uploads, artifacts, sub } = core;
  if (!has('media')) return;
  const engineFor = (requested: string | undefined) =>
    opts.engine ?? selectEngine(requested, { log: log.child({ component: 'engine' }), maxUploadBytes: config.MAX_UPLOAD_BYTES, whisperWorkers: config.MEDIA_CONCURRENCY });
  sub(
    'interview.uploaded',
    // An injected engine (tests, benchmarks) runs without the diarizer: its transcript stays as given.
    stageWorker(transcriptionWork({ uploads, artifacts, workDir: path.join(config.dataDir, 'work'), maxDurationSec: config.MAX_DURATION_SEC, engineFor, ...(opts.engine && { diarizer: null }) }), workerDeps(core)),
    { concurrency: config.MEDIA_CONCURRENCY },
  );
}

/** Analysis role: transcribed interviews → report. */
export function wireAnalysisWorker(core: Core): void {
  const { has, service, artifacts, ai, sub } = core;
  if (!has('analysis')) return;
  const preferenceOf = async (uid: string) => (await service.settings(uid)).analysisModel;
  sub('interview.transcribed', stageWorker(analysisWork({ artifacts, ai, preferenceOf }), workerDeps(core)));
}

/** Lifecycle topics: the api erases and logs, notify fans out (webhooks, notifications). */
export function wireLifecycle({ log, has, service, notify, lifecycle, sub }: Core): void {
  const erase: EventHandler = async ({ data }) => {
    const { id, ownerUid } = data as { id: string; ownerUid: string };
    await service.finishErase(ownerUid, id);
    return 'SUCCESS';
  };
  sub('interview.deleted', lifecycle('interview.deleted', has('api') ? erase : undefined));
  for (const topic of ['interview.completed', 'interview.failed', 'interview.deadletter']) {
    const logIt: EventHandler = async (e) => {
      log.info({ topic, interviewId: (e.data as { id?: string }).id }, 'lifecycle event');
      return 'SUCCESS';
    };
    sub(topic, lifecycle(topic, has('api') ? logIt : undefined));
  }
  if (has('notify')) for (const [topic, handler] of Object.entries(notify.topics)) sub(topic, handler);
}

/** Upload role: the cron input binding that removes expired partial uploads. */
export function wireUploadExpiry({ log, has, runtime, uploads }: Core): void {
  if (!has('upload')) return;
  runtime.bindings.onInput('upload-expiry', async () => {
    const n = await uploads.removeExpired();
    if (n) log.info({ removed: n }, 'expired uploads removed');
  });
}
