/**
 * The live practice socket handlers against a real HTTP server and socket.io, with socket.io-client,
 * the real InterviewService / InterviewActor / tus upload store / LiveSessionActor on the embedded
 * runtime and a fake caption engine. Authentication is a stand-in (token = uid) doing what the
 * app's socketAuth does: socket.data.user and the user's room.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import fs from 'node:fs';
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { io as connect, type Socket } from 'socket.io-client';
import { type ClientToServerEvents, type ServerToClientEvents, type SocketData, userRoom } from '../../../services/api/events.js';
import type { LiveCaption, LiveNudge } from '../../../services/api/live.contract.js';
import type { IoServer } from '../../../services/api/socket.js';
import { attachLiveSocket } from '../../../services/api/live.socket.js';
import { createLogger } from '../../../services/shared/logger.js';
import { type LiveHarness, liveHarness } from '../../unit/live-session/harness.js';

const ALICE = 'uid-alice';
const BOB = 'uid-bob';
const QUESTIONS = [{ text: 'Tell me about a conflict you resolved.' }, { text: 'What would you do in your first 90 days?' }];

type Client = Socket<ServerToClientEvents, ClientToServerEvents> & { captions: LiveCaption[]; nudges: LiveNudge[] };

let h: LiveHarness;
let http: HttpServer;
let io: IoServer;
let base: string;
let liveSocket: { close(): void };
const clients: Client[] = [];

beforeEach(async () => {
  h = await liveHarness({ capacity: 2 });
  http = createServer();
  io = new Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>(http, { serveClient: false });
  io.use((socket, next) => {
    const token = (socket.handshake.auth as { token?: unknown }).token;
    if (typeof token !== 'string' || !token) return next(new Error('auth_missing'));
    socket.data.user = { uid: token };
    next();
  });
  io.on('connection', (socket) => void socket.join(userRoom(socket.data.user!.uid)));
  liveSocket = attachLiveSocket(io, { actors: h.runtime.actors, service: h.service, log: createLogger('silent'), drainEveryMs: 25 });
  await new Promise<void>((done) => http.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
});

afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  liveSocket.close();
  await io.close();
  await h.stop();
});

async function client(uid: string): Promise<Client> {
  const c = connect(base, { auth: { token: uid }, transports: ['websocket'], reconnection: false, forceNew: true }) as Client;
  c.captions = [];
  c.nudges = [];
  c.on('live.caption', (x) => c.captions.push(x));
  c.on('live.nudge', (x) => c.nudges.push(x));
  clients.push(c);
  await new Promise<void>((done, fail) => {
    c.once('connect', () => done());
    c.once('connect_error', fail);
  });
  return c;
}

/** emitWithAck over the untyped surface: tests send what a broken client might. */
const send = (c: Client, event: string, ...args: unknown[]): Promise<any> =>
  (c as unknown as { timeout(ms: number): { emitWithAck(e: string, ...a: unknown[]): Promise<unknown> } }).timeout(5000).emitWithAck(event, ...args);

const until = async (check: () => boolean, ms = 3000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 10));
  }
};

const recording = Buffer.from(Array.from({ length: 9000 }, (_, i) => (i * 31) % 251));

describe('live practice over socket.io', () => {
  it('start → chunks → question → finish: an uploaded interview whose upload holds exactly the bytes sent; captions reach the owner only', async () => {
    const alice = await client(ALICE);
    const bob = await client(BOB);
    const started = await send(alice, 'live.start', { title: 'Practice', questions: QUESTIONS, mimeType: 'audio/webm;codecs=opus' });
    expect(started).toEqual({ ok: true, interviewId: expect.any(String), receivedBytes: 0, question: 0 });
    const id: string = started.interviewId;
    for (let off = 0; off < recording.length; off += 3000) {
      expect(await send(alice, 'live.chunk', { interviewId: id, offset: off, data: recording.subarray(off, off + 3000) })).toEqual({ ok: true, receivedBytes: off + 3000 });
    }
    expect(await send(alice, 'live.question', { interviewId: id, index: 1 })).toEqual({ ok: true });
    await until(() => alice.captions.length === 3 && alice.nudges.length === 3);
    expect(alice.captions[0]).toMatchObject({ interviewId: id, text: 'heard 3000 bytes', final: true });

    // Bob cannot touch Alice's session, and learns nothing about it.
    for (const [event, req] of [
      ['live.resume', { interviewId: id }], ['live.chunk', { interviewId: id, offset: 9000, data: Buffer.from('x') }],
      ['live.question', { interviewId: id, index: 0 }], ['live.finish', { interviewId: id }],
    ] as const) {
      expect(await send(bob, event, req)).toEqual({ ok: false, error: { code: 'not_found', message: 'no such live session' } });
    }

    expect(await send(alice, 'live.finish', { interviewId: id })).toEqual({ ok: true, interviewId: id });
    const s = await h.interviews.get(id);
    expect(s).toMatchObject({ status: 'uploaded', source: 'live', title: 'Practice', media: { size: recording.length } });
    expect(fs.readFileSync((await h.uploads.openLocal(s!.media!.key)).path).equals(recording)).toBe(true);
    expect((await h.service.list(ALICE)).map((i) => i.id)).toEqual([id]);
    expect(bob.captions).toEqual([]);
    expect(bob.nudges).toEqual([]);
  });

  it('a dropped socket resumes from receivedBytes with nothing lost or doubled', async () => {
    const first = await client(ALICE);
    const { interviewId: id } = await send(first, 'live.start', { questions: QUESTIONS });
    await send(first, 'live.chunk', { interviewId: id, offset: 0, data: recording.subarray(0, 4000) });
    first.close(); // gone before its next chunk was acknowledged

    const again = await client(ALICE);
    const resumed = await send(again, 'live.resume', { interviewId: id });
    expect(resumed).toEqual({ ok: true, interviewId: id, receivedBytes: 4000, question: 0 });
    // The page re-sends its unacknowledged queue from an earlier offset: only the new tail counts.
    expect(await send(again, 'live.chunk', { interviewId: id, offset: 3000, data: recording.subarray(3000, 6000) })).toEqual({ ok: true, receivedBytes: 6000 });
    expect(await send(again, 'live.chunk', { interviewId: id, offset: 6000, data: recording.subarray(6000) })).toEqual({ ok: true, receivedBytes: recording.length });
    await until(() => again.captions.length > 0);
    expect(await send(again, 'live.finish', { interviewId: id })).toEqual({ ok: true, interviewId: id });
    const s = await h.interviews.get(id);
    expect(fs.readFileSync((await h.uploads.openLocal(s!.media!.key)).path).equals(recording)).toBe(true);
  });

  it('chunks and finish sent without waiting for acks are applied in the order sent', async () => {
    const alice = await client(ALICE);
    const { interviewId: id } = await send(alice, 'live.start', { questions: QUESTIONS });
    const acks = await Promise.all([
      ...[0, 3000, 6000].map((off) => send(alice, 'live.chunk', { interviewId: id, offset: off, data: recording.subarray(off, off + 3000) })),
      send(alice, 'live.finish', { interviewId: id }),
    ]);
    expect(acks.map((a) => a.ok)).toEqual([true, true, true, true]);
    const s = await h.interviews.get(id);
    expect(s).toMatchObject({ status: 'uploaded', media: { size: recording.length } });
    expect(fs.readFileSync((await h.uploads.openLocal(s!.media!.key)).path).equals(recording)).toBe(true);
  });

  it('a chunk past what the server holds gets offset_mismatch with where to re-send from', async () => {
    const alice = await client(ALICE);
    const { interviewId: id } = await send(alice, 'live.start', { questions: QUESTIONS });
    await send(alice, 'live.chunk', { interviewId: id, offset: 0, data: recording.subarray(0, 100) });
    expect(await send(alice, 'live.chunk', { interviewId: id, offset: 500, data: recording.subarray(500, 600) })).toEqual({
      ok: false, error: { code: 'offset_mismatch', message: expect.any(String), receivedBytes: 100 },
    });
  });

  it('past the node capacity: live_busy, and no interview is left behind', async () => {
    const alice = await client(ALICE);
    const carol = await client('uid-carol');
    const bob = await client(BOB);
    expect((await send(alice, 'live.start', { questions: QUESTIONS })).ok).toBe(true);
    expect((await send(carol, 'live.start', { questions: QUESTIONS })).ok).toBe(true);
    const busy = await send(bob, 'live.start', { questions: QUESTIONS });
    expect(busy).toEqual({ ok: false, error: { code: 'live_busy', message: 'Live practice is busy on this server; try again in a minute.', retryAfterSec: 60 } });
    expect(await h.service.list(BOB)).toEqual([]);
    expect(await h.interviews.index(BOB).list()).toEqual([]);
  });

  it('one live session per user: a second start gets live_in_progress naming the running one, and leaves nothing behind', async () => {
    const [tab1, tab2] = [await client(ALICE), await client(ALICE)];
    const { interviewId: id } = await send(tab1, 'live.start', { questions: QUESTIONS });
    expect(await send(tab2, 'live.start', { questions: QUESTIONS })).toEqual({
      ok: false, error: { code: 'live_in_progress', message: 'You already have a live practice running; finish it first.', interviewId: id },
    });
    expect((await h.service.list(ALICE)).map((i) => i.id)).toEqual([id]);
    expect(h.engine.active).toBe(1);
    // Another user is not affected; once finished, the user may start again.
    expect((await send(await client(BOB), 'live.start', { questions: QUESTIONS })).ok).toBe(true);
    await send(tab1, 'live.chunk', { interviewId: id, offset: 0, data: recording.subarray(0, 100) });
    expect(await send(tab1, 'live.finish', { interviewId: id })).toEqual({ ok: true, interviewId: id });
    expect(await send(tab2, 'live.start', { questions: QUESTIONS })).toMatchObject({ ok: true });
  });

  it('two starts at the same moment: at most one session survives, and the other leaves nothing behind', async () => {
    const [tab1, tab2] = [await client(ALICE), await client(ALICE)];
    const acks = await Promise.all([send(tab1, 'live.start', { questions: QUESTIONS }), send(tab2, 'live.start', { questions: QUESTIONS })]);
    const won = acks.filter((a) => a.ok).map((a) => a.interviewId);
    expect(won.length).toBeLessThanOrEqual(1);
    for (const a of acks.filter((x) => !x.ok)) expect(a.error.code).toBe('live_in_progress');
    expect((await h.service.list(ALICE)).map((i) => i.id)).toEqual(won);
    expect(h.engine.active).toBe(won.length);
  });

  it('an unexpected failure is answered server_error (not live_unavailable), and the session goes on', async () => {
    const alice = await client(ALICE);
    const { interviewId: id } = await send(alice, 'live.start', { questions: QUESTIONS });
    const write = h.uploads.tus.write.bind(h.uploads.tus);
    h.uploads.tus.write = async () => {
      throw new Error('disk on fire');
    };
    expect(await send(alice, 'live.chunk', { interviewId: id, offset: 0, data: recording.subarray(0, 100) })).toEqual({
      ok: false, error: { code: 'server_error', message: 'Something went wrong on our side; try again.' },
    });
    h.uploads.tus.write = write;
    expect(await send(alice, 'live.chunk', { interviewId: id, offset: 0, data: recording.subarray(0, 100) })).toEqual({ ok: true, receivedBytes: 100 });
  });

  it('answers invalid_live_request to malformed requests and survives garbage', async () => {
    const alice = await client(ALICE);
    const { interviewId: id } = await send(alice, 'live.start', { questions: QUESTIONS });
    const bad: [string, unknown][] = [
      ['live.start', { questions: [] }],
      ['live.start', { questions: QUESTIONS, extra: 1 }],
      ['live.start', { questions: QUESTIONS, mimeType: 'video/mp4' }],
      ['live.start', 'nonsense'],
      ['live.chunk', { interviewId: id, offset: 0, data: 'not bytes' }],
      ['live.chunk', { interviewId: id, offset: -5, data: Buffer.from('x') }],
      ['live.chunk', { interviewId: 'not-a-uuid', offset: 0, data: Buffer.from('x') }],
      ['live.chunk', { interviewId: id, offset: 0, data: Buffer.alloc(256 * 1024 + 1) }],
      ['live.question', { interviewId: id, index: 99 }],
      ['live.question', { interviewId: id, index: 1.5 }],
      ['live.finish', null],
    ];
    for (const [event, req] of bad) {
      const r = await send(alice, event, req);
      expect(r).toEqual({ ok: false, error: { code: 'invalid_live_request', message: expect.stringMatching(/\S/) } });
    }
    // No ack callback, or an ack as the only argument: nothing crashes, the socket still answers.
    (alice as unknown as { emit(e: string, ...a: unknown[]): void }).emit('live.chunk', { interviewId: id, offset: 0, data: Buffer.from('y') });
    expect(await send(alice, 'live.finish')).toMatchObject({ ok: false, error: { code: 'invalid_live_request' } });
    expect(await send(alice, 'live.resume', { interviewId: id })).toMatchObject({ ok: true, interviewId: id });
  });
});
