/**
 * LiveSessionActor on the embedded runtime with the real InterviewActor and tus upload store and a
 * fake caption engine: the recording on disk is exactly the bytes sent (re-sends, overlaps and gaps
 * included), the interview follows start/progress/end, idle sessions finish after the resume grace,
 * a node that lost its engine session resumes captions at the next Cluster, erase leaves nothing.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import fs from 'node:fs';
import { Readable } from 'node:stream';
import { ERRORS } from '@tus/utils';
import { LIVE_LIMITS } from '../../../services/api/live.contract.js';
import { LIVE_SESSION_ACTOR } from '../../../services/live/live-session.types.js';
import { type LiveHarness, liveHarness, webm } from './harness.js';

const ALICE = 'uid-alice';
const BOB = 'uid-bob';
const QUESTIONS = [{ text: 'Tell me about yourself.' }, { text: 'Why this role?', kind: 'motivation' as const }];

let h: LiveHarness;
beforeEach(async () => {
  h = await liveHarness({ capacity: 2 });
});
afterEach(async () => {
  await h.stop();
});

const b64 = (b: Buffer) => b.toString('base64');

async function startLive(uid = ALICE) {
  const iv = await h.service.create(uid, { title: 'Live', source: 'live' });
  const r = await h.call(iv.id, 'start', { uid, questions: QUESTIONS });
  return { id: iv.id, r };
}

const uploadFile = (id: string) => fs.readdirSync(h.uploadDir).filter((n) => n.startsWith(`${id}--`) && !n.endsWith('.json'));

describe('LiveSessionActor', () => {
  it('start → chunks (re-sent, overlapping, gapped) → finish: the stored upload is exactly the recording', async () => {
    const { id, r } = await startLive();
    expect(r).toEqual({ ok: true, interviewId: id, receivedBytes: 0, question: 0 });
    const s = await h.interviews.get(id);
    expect(s).toMatchObject({ status: 'live', source: 'live' });
    const key = s!.live!.key;
    expect(key.startsWith(`${id}--`)).toBe(true);

    const rec = webm([{ ms: 0, bytes: 3000 }, { ms: 1000, bytes: 3000 }]).bytes;
    expect(await h.call(id, 'chunk', { uid: ALICE, offset: 0, data: b64(rec.subarray(0, 2000)) })).toEqual({ ok: true, receivedBytes: 2000 });
    // A re-sent chunk is acknowledged and not written twice.
    expect(await h.call(id, 'chunk', { uid: ALICE, offset: 0, data: b64(rec.subarray(0, 2000)) })).toEqual({ ok: true, receivedBytes: 2000 });
    // A gap is refused with where to re-send from.
    expect(await h.call(id, 'chunk', { uid: ALICE, offset: 4000, data: b64(rec.subarray(4000, 5000)) })).toEqual({
      ok: false, error: { code: 'offset_mismatch', message: expect.any(String), receivedBytes: 2000 },
    });
    // An overlap writes only its new tail.
    expect(await h.call(id, 'chunk', { uid: ALICE, offset: 1500, data: b64(rec.subarray(1500, 4000)) })).toEqual({ ok: true, receivedBytes: 4000 });
    expect(await h.call(id, 'chunk', { uid: ALICE, offset: 4000, data: b64(rec.subarray(4000)) })).toEqual({ ok: true, receivedBytes: rec.length });
    expect((await h.interviews.get(id))!.live!.bytes).toBe(2000); // progress is throttled (first chunk reported)

    expect(await h.call(id, 'finish', { uid: ALICE })).toEqual({ ok: true, interviewId: id });
    const done = await h.interviews.get(id);
    expect(done).toMatchObject({ status: 'uploaded', stage: 'transcription', media: { key, size: rec.length } });
    const file = await h.uploads.openLocal(key);
    expect(fs.readFileSync(file.path).equals(rec)).toBe(true);
    const upload = await h.uploads.tus.getUpload(key);
    expect(upload.size).toBe(rec.length);
    expect(upload.offset).toBe(rec.length);
    // The engine heard the same bytes, once each, in order.
    expect(Buffer.concat(h.engine.opened[0]!.bytes).equals(rec)).toBe(true);
    expect(h.engine.opened[0]!.closed).toBe(true);
    await h.runtime.settle();
    expect(h.uploaded).toEqual([expect.objectContaining({ id, ownerUid: ALICE, key, size: rec.length })]);
    // Finishing again is harmless; anything else hears the session ended.
    expect(await h.call(id, 'finish', { uid: ALICE })).toEqual({ ok: true, interviewId: id });
    expect(await h.call(id, 'chunk', { uid: ALICE, offset: rec.length, data: b64(Buffer.from('x')) })).toMatchObject({ ok: false, error: { code: 'live_ended' } });
    expect(await h.call(id, 'resume', { uid: ALICE })).toMatchObject({ ok: false, error: { code: 'live_ended' } });
  });

  it('answers not_found to anyone but the owner, and to sessions that do not exist', async () => {
    const { id } = await startLive();
    for (const [method, payload] of [
      ['resume', { uid: BOB }], ['chunk', { uid: BOB, offset: 0, data: b64(Buffer.from('abc')) }], ['question', { uid: BOB, index: 1 }],
      ['finish', { uid: BOB }], ['drain', { uid: BOB }],
    ] as const) {
      expect(await h.call(id, method, payload as never)).toEqual({ ok: false, error: { code: 'not_found', message: 'no such live session' } });
    }
    expect(await h.call('00000000-0000-4000-8000-000000000000', 'resume', { uid: ALICE })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect((await h.interviews.get(id))!.status).toBe('live');
  });

  it('drain hands over captions and nudges; question moves the engine on', async () => {
    const { id } = await startLive();
    await h.call(id, 'chunk', { uid: ALICE, offset: 0, data: b64(Buffer.alloc(1200, 1)) });
    expect(await h.call(id, 'question', { uid: ALICE, index: 1 })).toEqual({ ok: true });
    expect(await h.call(id, 'question', { uid: ALICE, index: 2 })).toMatchObject({ ok: false, error: { code: 'invalid_live_request' } });
    await h.call(id, 'chunk', { uid: ALICE, offset: 1200, data: b64(Buffer.alloc(10, 2)) });
    const out = await h.call(id, 'drain', { uid: ALICE });
    expect(out).toEqual({
      ok: true, ended: false,
      captions: [expect.objectContaining({ text: 'heard 1200 bytes', question: 0 }), expect.objectContaining({ text: 'heard 10 bytes', question: 1 })],
      nudges: [expect.objectContaining({ kind: 'pace_fast' })],
    });
    expect(await h.call(id, 'drain', { uid: ALICE })).toEqual({ ok: true, ended: false, captions: [], nudges: [] });
    expect(await h.call(id, 'resume', { uid: ALICE })).toEqual({ ok: true, interviewId: id, receivedBytes: 1210, question: 1 });
  });

  it('past the node capacity: live_busy with a retry hint, and no slot or upload is taken', async () => {
    await startLive();
    await startLive();
    const { id, r } = await startLive();
    expect(r).toEqual({ ok: false, error: { code: 'live_busy', message: 'Live practice is busy on this server; try again in a minute.', retryAfterSec: 60 } });
    expect(h.engine.active).toBe(2);
    expect(uploadFile(id)).toEqual([]);
    expect((await h.interviews.get(id))!.status).toBe('created');
  });

  it('a session nobody resumes is finished resumeGraceSec after its last sign of life; a resume postpones it', async () => {
    const { id } = await startLive();
    await h.call(id, 'chunk', { uid: ALICE, offset: 0, data: b64(Buffer.alloc(500, 7)) });
    h.clock.advance(40_000);
    await h.runtime.settle();
    expect(await h.call(id, 'resume', { uid: ALICE })).toMatchObject({ ok: true, receivedBytes: 500 });
    h.clock.advance(30_000); // 70 s after the chunk, 30 s after the resume
    await h.runtime.settle();
    expect((await h.interviews.get(id))!.status).toBe('live');
    h.clock.advance(LIVE_LIMITS.resumeGraceSec * 1000);
    await h.runtime.settle();
    expect(await h.interviews.get(id)).toMatchObject({ status: 'uploaded', media: { size: 500 } });
    expect(h.engine.active).toBe(0);
  });

  it('finishing with no audio fails the interview clearly and keeps no empty upload', async () => {
    const { id } = await startLive();
    expect(await h.call(id, 'finish', { uid: ALICE })).toEqual({ ok: true, interviewId: id });
    expect(await h.interviews.get(id)).toMatchObject({ status: 'failed', error: { code: 'no_speech', stage: 'upload' } });
    expect(uploadFile(id)).toEqual([]);
  });

  it('refuses chunks past the longest session with recording_too_long', async () => {
    const { id } = await startLive();
    h.clock.advance(LIVE_LIMITS.maxSessionSec * 1000 + 1);
    expect(await h.call(id, 'chunk', { uid: ALICE, offset: 0, data: b64(Buffer.from('late')) })).toMatchObject({ ok: false, error: { code: 'recording_too_long' } });
  });

  it('a node that lost the engine session re-opens it at the next Cluster with the header, captions timed from there', async () => {
    const { id } = await startLive();
    const rec = webm([{ ms: 0, bytes: 100 }, { ms: 2500, bytes: 100 }]);
    const cut = rec.clusterAt[1]! + 4; // mid-way into the second Cluster's id
    await h.call(id, 'chunk', { uid: ALICE, offset: 0, data: b64(rec.bytes.subarray(0, rec.clusterAt[1]! - 10)) });
    h.engine.lose();
    // Bytes before the next Cluster cannot be decoded alone: no session yet.
    await h.call(id, 'chunk', { uid: ALICE, offset: rec.clusterAt[1]! - 10, data: b64(rec.bytes.subarray(rec.clusterAt[1]! - 10, rec.clusterAt[1]! - 5)) });
    expect(h.engine.get(id)).toBeUndefined();
    await h.call(id, 'chunk', { uid: ALICE, offset: rec.clusterAt[1]! - 5, data: b64(rec.bytes.subarray(rec.clusterAt[1]! - 5, cut + 20)) });
    const again = h.engine.get(id) as (typeof h.engine.opened)[number];
    expect(again).toBeDefined();
    expect(again.startSec).toBe(2.5);
    expect(again.bytes[0]!.equals(rec.bytes.subarray(0, rec.headLength))).toBe(true);
    expect(again.bytes[1]!.equals(rec.bytes.subarray(rec.clusterAt[1]!, cut + 20))).toBe(true);
  });

  it('erasing the interview mid-session leaves no recording, no session state and no engine slot', async () => {
    const { id } = await startLive();
    await h.call(id, 'chunk', { uid: ALICE, offset: 0, data: b64(Buffer.alloc(300, 3)) });
    await h.service.erase(ALICE, id);
    expect(uploadFile(id)).toEqual([]);
    expect(await h.call(id, 'chunk', { uid: ALICE, offset: 300, data: b64(Buffer.alloc(10)) })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await h.call(id, 'drain', { uid: ALICE })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(h.engine.active).toBe(0);
    expect(uploadFile(id)).toEqual([]);
    // The session's own state went with the interview (purged, not just ended).
    expect(await h.runtime.actors.invoke(LIVE_SESSION_ACTOR, id, 'finish', { uid: ALICE })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('a chunk after the interview finished the recording without the session (its deadline) ends the session', async () => {
    const { id } = await startLive();
    await h.call(id, 'chunk', { uid: ALICE, offset: 0, data: b64(Buffer.alloc(100, 1)) });
    await h.service.dispatch(id, { type: 'deadline', stage: 'upload', eventId: 'deadline:test' });
    expect((await h.interviews.get(id))!.status).toBe('uploaded');
    h.clock.advance(11_000); // the next chunk reports progress
    expect(await h.call(id, 'chunk', { uid: ALICE, offset: 100, data: b64(Buffer.alloc(10, 1)) })).toMatchObject({ ok: false, error: { code: 'live_ended' } });
    expect(h.engine.active).toBe(0);
  });

  it('an append-only store already holding bytes past receivedBytes (a turn that wrote but never committed): adopt them', async () => {
    const { id } = await startLive();
    const key = (await h.interviews.get(id))!.live!.key;
    const rec = Buffer.from(Array.from({ length: 900 }, (_, i) => i % 256));
    await h.call(id, 'chunk', { uid: ALICE, offset: 0, data: b64(rec.subarray(0, 300)) });
    // Bytes 300..600 reach the store, but the turn that wrote them is lost.
    await h.uploads.tus.write(Readable.from([rec.subarray(300, 600)]), key, 300);
    const write = h.uploads.tus.write.bind(h.uploads.tus);
    h.uploads.tus.write = async (stream, uploadId, offset) => {
      if (offset !== (await h.uploads.tus.getUpload(uploadId)).offset) throw ERRORS.INVALID_OFFSET; // like Azure's block store
      return write(stream, uploadId, offset);
    };
    expect(await h.call(id, 'chunk', { uid: ALICE, offset: 300, data: b64(rec.subarray(300, 600)) })).toEqual({
      ok: false, error: { code: 'offset_mismatch', message: expect.any(String), receivedBytes: 600 },
    });
    expect(await h.call(id, 'chunk', { uid: ALICE, offset: 600, data: b64(rec.subarray(600)) })).toEqual({ ok: true, receivedBytes: 900 });
    await h.call(id, 'finish', { uid: ALICE });
    expect(fs.readFileSync((await h.uploads.openLocal(key)).path).equals(rec)).toBe(true);
  });

  it('chunk payloads that do not decode to 1..maxChunkBytes bytes are invalid', async () => {
    const { id } = await startLive();
    expect(await h.call(id, 'chunk', { uid: ALICE, offset: 0, data: '' })).toMatchObject({ ok: false, error: { code: 'invalid_live_request' } });
    expect(await h.call(id, 'chunk', { uid: ALICE, offset: -1, data: 'AA==' })).toMatchObject({ ok: false, error: { code: 'invalid_live_request' } });
  });
});
