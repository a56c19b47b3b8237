/**
 * The seed's production scale in the embedded state store, through the real actor code paths:
 *   npm run bench -- scale [--interviews=100000] [--per-user=10] [--levels=1000,10000,100000]
 *                          [--samples=300] [--with-transcripts] [--transcribe-speed=X] [--upload-mbs=Y]
 * Each interview is created by InterviewService (UserActor index + InterviewActor) and walked through
 * the whole lifecycle by the same actor events the workers send, ending `completed` with a real
 * report (the local analysis of a testdata MIT interview) in the artifacts binding. At each level:
 * list / get / report latency with cold actors (the runtime is reopened first; the OS page cache
 * stays warm), state bytes per interview (SQLite), JSON bytes, and the same actor state loaded into
 * a real redis-server (the sidecar mode's store). Then an extrapolation to the seed's target
 * (10,000 users, 100,000 interviews) with pods per stage at several upload rates.
 * Baseline for the latency ratios: get latency at the first level (flat = ratio ≈ 1).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { InterviewClient } from '../actors/interview.client.js';
import { interviewActor } from '../actors/interview.actor.js';
import { defaultPolicy } from '../actors/interview.types.js';
import { userActor } from '../actors/user.actor.js';
import { createEmbeddedRuntime, type EmbeddedRuntime } from '../dapr/embedded/runtime.js';
import { Components } from '../dapr/ports/runtime.js';
import { InterviewService } from '../services/interviews/interview.service.js';
import { mapLimit } from '../services/media/engines/map-limit.js';
import { transcribeMedia } from '../services/media/pipeline.js';
import { LocalPocketsphinxEngine } from '../services/media/engines/local.js';
import { Artifacts, artifactKeys } from '../services/shared/artifacts.js';
import type { Report } from '../services/analysis/report.schema.js';
import { createLogger } from '../services/shared/logger.js';
import { LocalUploadStore } from '../services/upload/upload.store.js';
import { headlineOf } from '../services/workers/analysis.work.js';
import { podsPerStage, type Throughputs } from './lib/capacity.js';
import { parseFlags } from './lib/flags.js';
import { longRecording } from './lib/long-recording.js';
import { mitReport, mitTranscript } from './lib/mit-transcript.js';
import { redisFootprint } from './lib/redis-footprint.js';
import { ms, printTable, ratio, summarize, timed, type Latency } from './lib/stats.js';

const TOPICS = ['interview.progress', 'interview.uploaded', 'interview.transcribed', 'interview.completed', 'interview.failed', 'interview.deleted'];
const TARGET = { users: 10_000, interviews: 100_000 };

interface Opened { runtime: EmbeddedRuntime; service: InterviewService; client: InterviewClient; artifacts: Artifacts }

/** The runtime as the app builds it; lifecycle topics get no-op consumers so the outbox drains as in production. */
function open(dataDir: string): Opened {
  const runtime = createEmbeddedRuntime({ dataDir: path.join(dataDir, 'runtime'), actorIdleTimeoutMs: 2000 });
  runtime.actors.register(interviewActor(defaultPolicy));
  runtime.actors.register(userActor);
  for (const t of TOPICS) runtime.pubsub(Components.pubsub).subscribe(t, async () => 'SUCCESS', { concurrency: 16 });
  const client = new InterviewClient(runtime.actors);
  const artifacts = new Artifacts(runtime.bindings);
  const uploads = new LocalUploadStore(path.join(dataDir, 'uploads'), 24 * 3_600_000);
  const service = new InterviewService({ interviews: client, actors: runtime.actors, artifacts, uploads, log: createLogger('silent') });
  return { runtime, service, client, artifacts };
}

interface Fixture { report: Report; headline: Record<string, number>; transcriptJson: string; durationSec: number }

async function populate(o: Opened, ids: string[], from: number, to: number, perUser: number, f: Fixture, withTranscripts: boolean): Promise<void> {
  await mapLimit(Array.from({ length: to - from }, (_, k) => from + k), 16, async (i) => {
    const uid = `user-${Math.floor(i / perUser)}`;
    const { id } = await o.service.create(uid, { title: `Interview ${i}`, role: 'Software engineer', company: 'Acme', prepNotes: '- leadership\n- teamwork' });
    ids[i] = id;
    const step = async (cmd: Parameters<InterviewClient['dispatch']>[1]) => {
      const res = await o.client.dispatch(id, cmd);
      if (res.outcome !== 'applied') throw new Error(`${cmd.type} on ${id}: ${res.outcome}`);
    };
    const upload = `${id}--bench`;
    const tKey = artifactKeys.transcript(id, 'media');
    const rKey = artifactKeys.report(id);
    await step({ type: 'uploadStarted', eventId: `up:${id}` });
    await step({ type: 'uploadCompleted', eventId: `done:${id}`, key: upload, size: 250 * 1024 * 1024, filename: 'interview.m4a', engine: 'local' });
    await step({ type: 'stageStarted', eventId: `t:${id}`, stage: 'transcription' });
    if (withTranscripts) await o.artifacts.put(tKey, JSON.parse(f.transcriptJson));
    await step({ type: 'transcribed', eventId: `td:${id}`, key: tKey, durationSec: f.durationSec });
    await step({ type: 'stageStarted', eventId: `a:${id}`, stage: 'analysis' });
    await o.artifacts.put(rKey, { ...f.report, interviewId: id });
    await step({ type: 'analyzed', eventId: `ad:${id}`, key: rKey, transcriptKey: tKey, headline: f.headline });
  });
}

/** Distinct random picks from [0, n). */
const pick = (n: number, k: number): number[] => {
  const out = new Set<number>();
  while (out.size < Math.min(n, k)) out.add(Math.floor(Math.random() * n));
  return [...out];
};

async function timeEach(items: number[], fn: (i: number) => Promise<unknown>): Promise<Latency> {
  const t: number[] = [];
  for (const i of items) {
    const t0 = performance.now();
    await fn(i);
    t.push(performance.now() - t0);
  }
  return summarize(t);
}

function diskBytes(dir: string): { apparent: number; onDisk: number; files: number } {
  let apparent = 0, onDisk = 0, files = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!e.isFile()) continue;
    const st = fs.statSync(path.join(e.parentPath, e.name));
    apparent += st.size;
    onDisk += st.blocks * 512;
    files++;
  }
  return { apparent, onDisk, files };
}

interface Level {
  count: number;
  list: Latency; get: Latency; getWarm: Latency; report: Latency;
  dbFile: number; dbLive: number; tables: Record<string, number>; overflow: number;
  stateJson: number; indexJson: number; blobs: ReturnType<typeof diskBytes>;
  redis: Awaited<ReturnType<typeof redisFootprint>>;
  ingestPerSec: number;
}

async function measure(dataDir: string, ids: string[], count: number, perUser: number, samples: number, ingestPerSec: number): Promise<Level> {
  const uidOf = (i: number) => `user-${Math.floor(i / perUser)}`;
  const fresh = async <T>(fn: (o: Opened) => Promise<T>): Promise<T> => {
    const o = open(dataDir);
    await o.runtime.start();
    try {
      return await fn(o);
    } finally {
      await o.runtime.stop();
    }
  };
  const gets = pick(count, samples);
  const [get, getWarm] = await fresh(async (o) => [
    await timeEach(gets, (i) => o.service.get(uidOf(i), ids[i]!)),
    await timeEach(gets, (i) => o.service.get(uidOf(i), ids[i]!)),
  ]);
  const report = await fresh((o) => timeEach(pick(count, samples), (i) => o.service.report(uidOf(i), ids[i]!)));
  const list = await fresh((o) => timeEach(pick(Math.ceil(count / perUser), samples), async (u) => {
    const items = await o.service.list(`user-${u}`);
    if (items.length !== Math.min(perUser, count - u * perUser)) throw new Error(`user-${u} lists ${items.length} interviews`);
  }));
  const dbPath = path.join(dataDir, 'runtime', 'runtime.sqlite');
  const db = new Database(dbPath, { readonly: true });
  const one = <T>(sql: string) => db.prepare(sql).get() as T;
  const pages = one<{ n: number }>('SELECT page_count * page_size - freelist_count * page_size AS n FROM pragma_page_count(), pragma_page_size(), pragma_freelist_count()').n;
  const tables = Object.fromEntries((db.prepare('SELECT name, SUM(pgsize) AS bytes FROM dbstat GROUP BY name').all() as { name: string; bytes: number }[]).map((r) => [r.name, r.bytes]));
  // Rows over ~1 KB in a WITHOUT ROWID table on 4 KB pages spill their tail into an overflow page of their own.
  const overflow = one<{ n: number | null }>("SELECT SUM(pgsize) AS n FROM dbstat WHERE name = 'actor_state' AND pagetype = 'overflow'").n ?? 0;
  const stateJson = one<{ n: number }>("SELECT SUM(length(value)) AS n FROM actor_state WHERE type = 'InterviewActor'").n / count;
  const indexJson = one<{ n: number }>("SELECT SUM(length(value)) AS n FROM actor_state WHERE type = 'UserActor'").n / count;
  db.close();
  return {
    count, list, get, getWarm, report, dbFile: fs.statSync(dbPath).size, dbLive: pages, tables, overflow, stateJson, indexJson,
    blobs: diskBytes(path.join(dataDir, 'runtime', 'blobs')), redis: await redisFootprint(dbPath), ingestPerSec,
  };
}

/** Events published but not yet handled (a reader beside the runtime's own connection; WAL allows it). */
function outboxRows(dataDir: string): number {
  const db = new Database(path.join(dataDir, 'runtime', 'runtime.sqlite'), { readonly: true });
  try {
    return (db.prepare('SELECT COUNT(*) AS n FROM pubsub_outbox').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

/** Audio ÷ wall of the local engine on a real recording (every core), unless given. */
async function transcribeSpeed(given: number | undefined, minutes: number): Promise<number> {
  if (given !== undefined) return given;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ib-bench-scale-media-'));
  try {
    const rec = await longRecording(minutes, dir);
    const t0 = performance.now();
    const t = await transcribeMedia(rec.path, { workDir: dir, engine: new LocalPocketsphinxEngine() });
    return t.durationSec / ((performance.now() - t0) / 1000);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function main(argv: readonly string[] = []): Promise<Level[]> {
  const flags = parseFlags(argv);
  const total = flags.num('interviews', TARGET.interviews);
  const perUser = flags.num('per-user', TARGET.interviews / TARGET.users);
  const levels = flags.list('levels', [1000, 10_000, 100_000]).filter((l) => l <= total);
  const samples = flags.num('samples', 300);
  const withTranscripts = flags.has('with-transcripts');
  const transcript = mitTranscript();
  const report = await mitReport(transcript); // also warms up (JIT, NLP model)
  const runs: number[] = [];
  for (let i = 0; i < 3; i++) runs.push((await timed(() => mitReport(transcript)))[1] / 1000);
  const analysisSec = runs.sort((a, b) => a - b)[1]!;
  const fixture: Fixture = { report, headline: headlineOf(report), transcriptJson: JSON.stringify(transcript), durationSec: transcript.durationSec };
  const reportBytes = Buffer.byteLength(JSON.stringify(report));
  console.log(`report fixture: ${(reportBytes / 1024).toFixed(1)} KB JSON (local analysis ${(analysisSec * 1000).toFixed(0)} ms), transcript ${(fixture.transcriptJson.length / 1024).toFixed(0)} KB ` +
    `for ${(transcript.durationSec / 60).toFixed(1)} min; ${perUser} interviews per user; transcripts ${withTranscripts ? 'written' : 'not written (counted per minute below)'}`);

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ib-bench-scale-'));
  const ids: string[] = [];
  const results: Level[] = [];
  try {
    let done = 0;
    for (const level of levels) {
      const o = open(dataDir);
      await o.runtime.start();
      const p0 = performance.now();
      await populate(o, ids, done, level, perUser, fixture, withTranscripts);
      const ingestPerSec = (level - done) / ((performance.now() - p0) / 1000);
      const backlog = outboxRows(dataDir);
      await o.runtime.settle();
      await o.runtime.stop();
      done = level;
      const r = await measure(dataDir, ids, level, perUser, samples, ingestPerSec);
      results.push(r);
      console.log(`level ${level}: ingested at ${ingestPerSec.toFixed(0)} interviews/s (8 actor turns + artifact writes each; ${backlog} events still in the outbox at the end)`);
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }

  const first = results[0]!;
  printTable('scale: latency in ms with cold actors (ratio = p50 ÷ the same at the first level)',
    ['interviews', 'users', 'list p50', 'list p95', 'get p50', 'get p95', 'get warm p50', 'report p50', 'report p95', 'get p50 ratio', 'list p50 ratio'],
    results.map((r) => [String(r.count), String(Math.ceil(r.count / perUser)), ms(r.list.p50), ms(r.list.p95), ms(r.get.p50), ms(r.get.p95), ms(r.getWarm.p50),
      ms(r.report.p50), ms(r.report.p95), ratio(r.get.p50 / first.get.p50), ratio(r.list.p50 / first.list.p50)]));
  printTable('scale: bytes per interview',
    ['interviews', 'SQLite file', 'SQLite live', 'actor_state', 'of it overflow', 'state JSON', 'index JSON', 'blobs (apparent)', 'blobs (on disk)', 'Redis used_memory'],
    results.map((r) => [String(r.count), String(Math.round(r.dbFile / r.count)), String(Math.round(r.dbLive / r.count)), String(Math.round((r.tables.actor_state ?? 0) / r.count)),
      String(Math.round(r.overflow / r.count)), String(Math.round(r.stateJson)), String(Math.round(r.indexJson)), String(Math.round(r.blobs.apparent / r.count)), String(Math.round(r.blobs.onDisk / r.count)),
      String(Math.round(r.redis.usedBytes / r.count))]));

  // Extrapolation to the seed's production target.
  const last = results.at(-1)!;
  const per = (bytes: number) => bytes / last.count;
  const avgMinutes = flags.num('avg-minutes', 30);
  const avgMB = flags.num('avg-mb', 250);
  const transcriptPerMin = fixture.transcriptJson.length / (transcript.durationSec / 60);
  const speed = await transcribeSpeed(flags.has('transcribe-speed') ? flags.num('transcribe-speed', 1) : undefined, flags.num('pipeline-minutes', 5));
  const throughputs: Throughputs = {
    transcribeSpeed: speed,
    analysisSecPerMin: analysisSec / (transcript.durationSec / 60),
    ...(flags.has('upload-mbs') && { uploadMBs: flags.num('upload-mbs', 1) }),
  };
  const gb = (b: number) => `${(b / 1024 ** 3).toFixed(2)} GB`;
  printTable(`extrapolation to ${TARGET.users} users / ${TARGET.interviews} interviews (measured per interview at ${last.count}; ${avgMinutes}-min, ${avgMB} MB recordings)`,
    ['what', 'per interview', `at ${TARGET.interviews}`], [
      ['embedded SQLite (state, index, outbox, reminders)', `${(per(last.dbFile) / 1024).toFixed(2)} KB`, gb(per(last.dbFile) * TARGET.interviews)],
      ['Redis used_memory (sidecar mode actor state)', `${(per(last.redis.usedBytes) / 1024).toFixed(2)} KB`, gb(per(last.redis.usedBytes) * TARGET.interviews)],
      ['report JSON (blob, on disk)', `${(per(last.blobs.onDisk) / 1024).toFixed(1)} KB`, gb(per(last.blobs.onDisk) * TARGET.interviews)],
      [`transcript JSON (${(transcriptPerMin / 1024).toFixed(1)} KB per min × ${avgMinutes})`, `${((transcriptPerMin * avgMinutes) / 1024).toFixed(0)} KB`, gb(transcriptPerMin * avgMinutes * TARGET.interviews)],
      ['uploaded media, if kept', `${avgMB} MB`, gb(avgMB * 1024 * 1024 * TARGET.interviews)],
    ]);
  const rates = flags.list('rates', [60, 600, 3000]);
  printTable(`pods per stage at 70% busy (one pod = ${os.availableParallelism()} cores here): transcription ${speed.toFixed(2)}× real time, ` +
    `analysis ${throughputs.analysisSecPerMin.toFixed(3)} s per transcript minute${throughputs.uploadMBs ? `, upload ${throughputs.uploadMBs} MB/s per pod` : ''}`,
    ['uploads per hour', 'audio h per h', 'upload MB/s', 'media pods', 'analysis pods', 'upload pods'],
    rates.map((rate) => {
      const p = podsPerStage(throughputs, { interviewsPerHour: rate, avgMinutes, avgMB });
      return [String(rate), p.audioHoursPerHour.toFixed(1), p.uploadMBsNeeded.toFixed(1), String(p.media), String(p.analysis), p.upload === undefined ? '(--upload-mbs)' : String(p.upload)];
    }));
  return results;
}
