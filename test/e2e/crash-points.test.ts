/**
 * SIGKILL at 20 seeded-random points across a batch of pipelines. The real server runs as a child
 * process with a webhook endpoint (a receiver that verifies Standard Webhooks signatures and answers
 * slowly) and email notifications (a local SMTP server). A batch of interviews (short generated
 * recordings in four containers, and imported transcripts) goes through it while the server is
 * killed -9 — during uploads, media extraction (ffprobe/ffmpeg running), transcription
 * (pocketsphinx running), analysis, and webhook/email delivery — and restarted on the same data
 * directory each time. Afterwards: every interview completed, once; one report each; one in-app
 * notification each; per interview and webhook event exactly one webhook-id (redeliveries of that
 * id are allowed: at-least-once); nothing dead-lettered or left in the outbox.
 * FAULT_SEED=<n> replays a run's choices; CRASH_KILLS=<n> changes the number of kills.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Webhook } from 'standardwebhooks';
import { deliveryIdFor } from '../../services/webhooks/delivery-id.js';
import { makeSpeech, type SpeechFormat } from '../helpers/audio.js';
import { apiClient, filesUnder } from '../helpers/app.js';
import { type SlowReceiver, type SmtpSink, startSlowReceiver, startSmtpSink } from '../helpers/fault-receivers.js';
import { signUp, type TestAccount, withAuthEmulator } from '../helpers/firebase.js';
import { childNames } from '../helpers/proc.js';
import { faultSeed } from '../helpers/seeded-random.js';
import { type ServerProcess, startServerProcess } from '../helpers/server-process.js';
import { tusCreate, tusHead, tusPatchCut, tusResume } from '../helpers/tus-raw.js';

withAuthEmulator();

const KILLS = Number(process.env.CRASH_KILLS ?? 20);
const PHASES = ['upload', 'extraction', 'transcription', 'analysis', 'delivery'] as const;
type Phase = (typeof PHASES)[number];
const FORMATS: SpeechFormat[] = ['m4a', 'wav', 'mp3', 'webm'];
const N_AUDIO = 8;
const N_IMPORT = 6;
const HOOK_EVENTS = ['interview.created', 'interview.upload_completed', 'interview.transcribed', 'interview.completed', 'interview.failed'];
const rng = faultSeed('crash-points');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Item {
  id: string;
  kind: 'audio' | 'import';
  data: Buffer;
  uploadPath?: string;
  handedOver: boolean;
}
interface Kill {
  n: number;
  phase: Phase | 'random';
  observed: string;
  atSec: number;
  restartMs: number;
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ib-crash-points-'));
const servers: ServerProcess[] = [];
let srv: ServerProcess;
let user: TestAccount;
let hooks: SlowReceiver;
let smtp: SmtpSink;
let secret = '';
let endpointId = '';
const items: Item[] = [];
const kills: Kill[] = [];
const t0 = Date.now();

const start = async () => {
  srv = await startServerProcess(dataDir, {
    WEBHOOK_ALLOW_LOOPBACK: '1', WEBHOOK_RETRY_SCHEDULE: '1s,2s,4s', SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port),
    PUBLIC_BASE_URL: 'https://ib.test', LOG_LEVEL: 'warn',
  });
  servers.push(srv);
};
const api = () => apiClient(srv.base, user.idToken);
const tus = () => ({ base: srv.base, token: user.idToken });

async function statuses(): Promise<Map<string, string>> {
  const r = await api()('GET', '/api/v1/interviews');
  return new Map((r.body.items as { id: string; status: string }[]).map((i) => [i.id, i.status]));
}

/** SIGKILL now, then start again on the same data directory. */
async function crash(phase: Kill['phase'], observed: string): Promise<void> {
  const atSec = Math.round((Date.now() - t0) / 100) / 10;
  await srv.kill('SIGKILL');
  const began = Date.now();
  await start();
  kills.push({ n: kills.length + 1, phase, observed, atSec, restartMs: Date.now() - began });
}

/** Gives an interview its input: the rest of its upload (HEAD → PATCH), or its transcript. */
async function handOver(item: Item): Promise<void> {
  if (item.kind === 'audio') {
    item.uploadPath ??= (await tusCreate(tus(), { interviewId: item.id, filename: `clip-${item.id.slice(0, 8)}`, length: item.data.length })).path;
    if (!item.uploadPath) throw new Error(`could not create the upload of ${item.id}`);
    await tusResume(tus(), item.uploadPath, item.data, 256 * 1024);
  } else {
    const r = await api()('PUT', `/api/v1/interviews/${item.id}/transcript?filename=interview.vtt`, item.data.toString('utf8'));
    // 409: an earlier attempt, cut by a kill, did land (the interview moved past "created").
    if (r.status !== 200 && !(r.status === 409 && (await statuses()).get(item.id) !== 'created')) throw new Error(`import answered ${r.status}`);
  }
  item.handedOver = true;
}
const nextItem = (kind: Item['kind']) => items.find((i) => i.kind === kind && !i.handedOver);

/** Polls `probe` until it names what is happening (→ kill after a random delay) or time runs out. */
async function killWhen(phase: Phase, probe: () => Promise<string | undefined> | string | undefined, maxDelayMs: number, ms = 20_000, pollMs = 10): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    const seen = await probe();
    if (seen) {
      await sleep(rng.int(0, maxDelayMs));
      await crash(phase, seen);
      return true;
    }
    await sleep(pollMs);
  }
  return false;
}

const running = (names: string[]) => () => {
  const kids = childNames(srv.pid).filter((c) => names.some((n) => c.startsWith(n)));
  return kids.length ? kids.join('+') : undefined;
};

/**
 * The recognizer is at work: an interview is `transcribing`, no ffprobe/ffmpeg runs, and the engine
 * process is there (pocketsphinx per job, or the Whisper worker when that engine is set up).
 */
async function transcribing(): Promise<string | undefined> {
  const kids = childNames(srv.pid);
  const engine = kids.find((k) => k.startsWith('pocketsphinx') || k.startsWith('python'));
  if (!engine || kids.some((k) => k.startsWith('ff'))) return undefined;
  const id = [...(await statuses())].find(([, st]) => st === 'transcribing')?.[0];
  return id && `${id.slice(0, 8)} transcribing (${engine})`;
}

async function killDuring(phase: Phase): Promise<boolean> {
  switch (phase) {
    case 'upload': {
      let item: Item | undefined;
      let offset = 0;
      while ((item = nextItem('audio'))) {
        item.uploadPath ??= (await tusCreate(tus(), { interviewId: item.id, filename: 'clip', length: item.data.length })).path!;
        offset = (await tusHead(tus(), item.uploadPath)).offset;
        if (offset < item.data.length) break;
        item.handedOver = true; // an earlier kill landed after its last byte: that HEAD finished it
      }
      if (!item) return false;
      const rest = item.data.subarray(offset);
      // A quarter of the time every byte goes out: the crash lands around the completion hook.
      const sent = rest.length < 2 || rng.next() < 0.25 ? rest.length : rng.int(1, rest.length - 1);
      const delay = rng.int(0, sent === rest.length ? 15 : 40);
      const observed = `PATCH ${offset}+${sent}/${item.data.length}`;
      await tusPatchCut(tus(), item.uploadPath!, offset, rest, sent, async () => {
        await sleep(delay);
        await crash('upload', observed);
      });
      return true;
    }
    case 'extraction':
    case 'transcription': {
      const st = [...(await statuses()).values()];
      if (!st.some((s) => s === 'uploaded' || s === 'transcribing')) {
        const item = nextItem('audio');
        if (!item) return false;
        await handOver(item);
      }
      if (phase === 'extraction') return killWhen(phase, running(rng.next() < 0.5 ? ['ffmpeg'] : ['ffprobe', 'ffmpeg']), 30, 12_000, 5);
      return killWhen(phase, transcribing, 700, 12_000, 20);
    }
    case 'analysis': {
      const st = [...(await statuses()).values()];
      if (!st.some((s) => s === 'transcribed' || s === 'analyzing')) {
        const item = nextItem('import') ?? (st.includes('transcribing') ? undefined : nextItem('audio'));
        if (item) await handOver(item);
      }
      const analyzing = async () => {
        const found = [...(await statuses())].find(([, s]) => s === 'analyzing');
        return found ? `${found[0].slice(0, 8)} analyzing` : undefined;
      };
      return killWhen(phase, analyzing, 40, 15_000, 15);
    }
    case 'delivery': {
      const inFlight = () => (hooks.inFlight() ? `${hooks.inFlight()} webhook(s) in flight` : smtp.inFlight() ? 'email in flight' : undefined);
      if (await killWhen(phase, inFlight, 150, 3000)) return true;
      const item = nextItem('import') ?? nextItem('audio');
      if (item) await handOver(item);
      return killWhen(phase, inFlight, 150, 15_000);
    }
  }
}

async function waitFor<T>(what: string, get: () => Promise<T>, ok: (v: T) => boolean, ms: number): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await get();
    if (ok(v)) return v;
    if (Date.now() > until) throw new Error(`${what}: not reached in ${ms} ms; last ${JSON.stringify(v instanceof Map ? [...v] : v)}`);
    await sleep(250);
  }
}

const VTT = (n: number) => {
  const t = (s: number) => new Date(s * 1000).toISOString().slice(11, 23);
  const cues = ['WEBVTT', ''];
  for (let q = 0; q < 4; q++) {
    const s = q * 30;
    cues.push(`${t(s)} --> ${t(s + 5)}`, `<v Interviewer>Question ${q + 1} for candidate ${n}: tell me about a hard problem you solved?`, '');
    cues.push(`${t(s + 6)} --> ${t(s + 28)}`, `<v Candidate>In project ${n * 10 + q} the situation was a failing release. My task was to fix it, so I rebuilt the pipeline and we cut failures by ${20 + q * 10} percent.`, '');
  }
  return Buffer.from(cues.join('\n'));
};

beforeAll(async () => {
  user = await signUp();
  hooks = await startSlowReceiver(250);
  smtp = await startSmtpSink();
  await start();
  const hook = await api()('POST', '/api/v1/webhooks', { url: hooks.url, events: HOOK_EVENTS });
  expect(hook.status).toBe(201);
  ({ secret, id: endpointId } = hook.body as { secret: string; id: string });
  for (let i = 0; i < N_AUDIO + N_IMPORT; i++) {
    const kind = i < N_AUDIO ? 'audio' : 'import';
    const data = kind === 'audio'
      ? fs.readFileSync((await makeSpeech({ text: `This is answer number ${i + 1}. I measured the result and shared it with the team.`, format: FORMATS[i % FORMATS.length]!, silenceSecBetweenSentences: 0.4 })).path)
      : VTT(i);
    const id = (await api()('POST', '/api/v1/interviews', { title: `${kind} ${i + 1}` })).body.id as string;
    items.push({ id, kind, data, handedOver: false });
  }
}, 120_000);

afterAll(async () => {
  for (const s of servers) await s.kill();
  await hooks?.close();
  await smtp?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe(`SIGKILL at ${KILLS} random points across a batch of pipelines`, () => {
  it('every interview completes exactly once: one report, one notification, one webhook-id per event; nothing stuck', async () => {
    const plan = rng.shuffle(Array.from({ length: KILLS }, (_, i) => PHASES[i % PHASES.length]!));
    for (const phase of plan) {
      if (!(await killDuring(phase))) {
        // That phase has nothing left to interrupt: kill at a random moment instead.
        await sleep(rng.int(0, 1500));
        await crash('random', `instead of ${phase}`);
      }
    }
    for (const item of items) if (!item.handedOver) await handOver(item);
    const killedAt = Date.now();
    // Printed before any assertion, so a failing run shows where its kills landed.
    process.stderr.write(`[crash-points] seed ${rng.seed}, kills:\n${kills.map((k) => `  #${k.n} @${k.atSec}s ${k.phase}: ${k.observed}`).join('\n')}\n`);

    // Everything finishes after the last restart; none fails, none stays behind.
    const final = await waitFor('all completed', statuses, (m) => [...m.values()].every((s) => s === 'completed' || s === 'failed'), 150_000);
    expect([...final].filter(([, s]) => s !== 'completed')).toEqual([]);
    expect(final.size).toBe(items.length);
    const expected = items.length * 3 + items.filter((i) => i.kind === 'audio').length; // created, transcribed, completed (+ upload_completed)
    const eventsOf = () => new Set(hooks.hits.map((h) => `${(JSON.parse(h.body) as { data: { interviewId: string } }).data.interviewId}|${(JSON.parse(h.body) as { type: string }).type}`));
    await waitFor('all webhook events', async () => eventsOf().size, (n) => n >= expected, 60_000);
    const deliveries = await waitFor('no delivery pending', async () => (await api()('GET', `/api/v1/webhooks/${endpointId}/deliveries?limit=200`)).body.items as { status: string }[],
      (d) => d.length >= expected && d.every((x) => x.status !== 'pending'), 60_000);
    await waitFor('one email per interview', async () => new Set(smtp.mails.map((m) => m.messageId)).size, (n) => n >= items.length, 30_000);
    await sleep(2000); // room for a stray redelivery to show up before counting
    const settledSec = (Date.now() - killedAt) / 1000;

    // Webhooks: every delivery signed; per interview and event type exactly one webhook-id.
    const wh = new Webhook(secret);
    const idsPerEvent = new Map<string, Set<string>>();
    for (const h of hooks.hits) {
      const e = wh.verify(h.body, h.headers) as { type: string; data: { interviewId: string } };
      const key = `${e.data.interviewId}|${e.type}`;
      idsPerEvent.set(key, (idsPerEvent.get(key) ?? new Set()).add(h.id));
    }
    expect([...idsPerEvent].filter(([, ids]) => ids.size !== 1).map(([k, ids]) => [k, [...ids]])).toEqual([]);
    expect(idsPerEvent.size).toBe(expected);
    expect([...idsPerEvent.keys()].filter((k) => k.endsWith('|interview.failed'))).toEqual([]);
    expect(deliveries.filter((d) => d.status !== 'succeeded')).toEqual([]);

    // In-app notifications: one "completed" per interview, none failed; its event drives the webhook too.
    const notes = (await api()('GET', '/api/v1/notifications?limit=100')).body.items as { id: string; kind: string; interviewId: string }[];
    expect(notes.filter((n) => n.kind !== 'interview.completed')).toEqual([]);
    expect(notes.map((n) => n.interviewId).sort()).toEqual(items.map((i) => i.id).sort());
    for (const n of notes) {
      const eventId = n.id.slice('interview.completed:'.length);
      expect([...idsPerEvent.get(`${n.interviewId}|interview.completed`)!]).toEqual([deliveryIdFor(eventId, endpointId)]);
    }
    // Email: at-least-once, but one Message-ID per interview (copies fold into one message).
    const mailIds = new Set(smtp.mails.map((m) => m.messageId));
    expect(mailIds.size).toBe(items.length);
    expect([...mailIds].sort()).toEqual(notes.map((n) => `<${n.id.replace(/[^A-Za-z0-9.-]/g, '.')}@interview-buddy>`).sort());

    // One report per interview, readable; nothing dead-lettered or left undelivered.
    for (const item of items) {
      expect((await api()('GET', `/api/v1/interviews/${item.id}/report`)).status).toBe(200);
      // Uploads cut by kills resumed to the identical file.
      if (item.kind === 'audio') expect(sha(fs.readFileSync(path.join(dataDir, 'uploads', path.basename(item.uploadPath!))))).toBe(sha(item.data));
      expect(filesUnder(path.join(dataDir, 'runtime', 'blobs', 'interviews', item.id)).filter((f) => f.startsWith('report'))).toEqual(['report.json']);
    }
    await srv.kill('SIGTERM');
    const db = new Database(path.join(dataDir, 'runtime', 'runtime.sqlite'), { readonly: true });
    const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    const dead = count('pubsub_dead_letters');
    const outbox = count('pubsub_outbox');
    db.close();
    expect({ dead, outbox }).toEqual({ dead: 0, outbox: 0 });

    const redelivered = hooks.hits.length - new Set(hooks.hits.map((h) => h.id)).size;
    const byPhase = kills.reduce<Record<string, number>>((acc, k) => ({ ...acc, [k.phase]: (acc[k.phase] ?? 0) + 1 }), {});
    // A kill mid-write leaves a temp file; the next start removes it (it would outlive an erase).
    expect(filesUnder(path.join(dataDir, 'runtime', 'blobs')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    process.stderr.write(
      `[crash-points] seed ${rng.seed}: ${kills.length} kills ${JSON.stringify(byPhase)}; median restart ${median(kills.map((k) => k.restartMs))} ms; ` +
        `settled ${settledSec.toFixed(1)} s after the last kill; ${items.length} interviews, ${expected} webhook events, ${redelivered} webhook redeliveries (same id), ` +
        `${smtp.mails.length - mailIds.size} duplicate emails (same Message-ID)\n`,
    );
    // The kills really spread over the pipeline (a phase can rarely run out of work: then a random kill).
    expect(Object.keys(byPhase).filter((p) => p !== 'random').length).toBeGreaterThanOrEqual(4);
  }, 290_000);
});

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
