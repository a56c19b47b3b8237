/**
 * A live session whose media node went away: the InterviewActor's own deadline takes the audio
 * received as the recording, but nobody declared the upload's length. The transcription worker
 * still reads all of it, on the local store and on Azure Blob (Azurite), where the blocks of an
 * undeclared upload are never committed and the recording could not be downloaded.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Upload } from '@tus/utils';
import { reduce } from '../../../actors/interview.reducer.js';
import { defaultPolicy, type InterviewEvent, type InterviewState } from '../../../actors/interview.types.js';
import { liveClip, type LiveClip } from '../../../bench/live.js';
import { LocalPocketsphinxEngine } from '../../../services/media/engines/local.js';
import type { Artifacts } from '../../../services/shared/artifacts.js';
import type { Transcript } from '../../../services/transcripts/transcript.js';
import { AzureBlobUploadStore } from '../../../services/upload/azure-blob.store.js';
import { LocalUploadStore, type UploadStore, uploadIdFor } from '../../../services/upload/upload.store.js';
import { transcriptionWork } from '../../../services/workers/transcription.work.js';
import { type Azurite, startAzurite } from '../../helpers/azurite.js';

let dir: string;
let clip: LiveClip;
let azurite: Azurite;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ib-live-deadline-'));
  [clip, azurite] = await Promise.all([liveClip('I would start by asking what the users need. Then I would build the smallest thing that helps them.', dir), startAzurite()]);
}, 60_000);
afterAll(async () => {
  await azurite?.stop();
  await fs.rm(dir, { recursive: true, force: true });
});

/** The interview as its deadline leaves it: live, `reported` bytes known, then `deadline`. */
function interviewAfterDeadline(id: string, key: string, reported: number): InterviewState {
  let s: InterviewState | undefined;
  let at = Date.UTC(2026, 0, 1);
  const events: Record<string, unknown>[] = [
    { type: 'create', id, ownerUid: 'uid-alice', title: 'Live', source: 'live' },
    { type: 'liveStarted', key },
    { type: 'liveProgress', bytes: reported },
    { type: 'deadline', stage: 'upload' },
  ];
  for (const e of events) s = reduce(s, { ...e, eventId: `e${(at += 1000)}`, at } as unknown as InterviewEvent, defaultPolicy).state;
  return s!;
}

const stores: [string, () => UploadStore][] = [
  ['local', () => new LocalUploadStore(path.join(dir, `uploads-${randomUUID()}`), 24 * 3_600_000)],
  ['azure-blob (Azurite)', () => new AzureBlobUploadStore({ connectionString: azurite.connectionString, container: `live-${randomUUID().slice(0, 8)}`, expirationMs: 0, blockSize: 64 * 1024 })],
];

describe.each(stores)('a live recording finished by the interview deadline, on %s', (_name, makeStore) => {
  it('is transcribed from every byte received, though its length was never declared', async () => {
    const uploads = makeStore();
    const id = randomUUID();
    const key = uploadIdFor(id, randomBytes(12).toString('hex'));
    // As the LiveSessionActor records: a deferred-length upload, one write per ~250 ms slice.
    await uploads.tus.create(new Upload({ id: key, offset: 0, metadata: { interviewId: id, filename: 'live.webm', filetype: 'audio/webm' }, creation_date: new Date().toISOString() }));
    for (let i = 0; i + 1 < clip.cuts.length; i++) {
      const [from, to] = [clip.cuts[i]!, clip.cuts[i + 1]!];
      if (to > from) await uploads.tus.write(Readable.from([clip.webm.subarray(from, to)]), key, from);
    }
    // Progress is throttled: the interview last heard of a fraction of the recording.
    const state = interviewAfterDeadline(id, key, clip.cuts[4]!);
    expect(state).toMatchObject({ status: 'uploaded', source: 'live', media: { key, size: clip.cuts[4] } });

    const put: Transcript[] = [];
    const artifacts = { put: async (_k: string, t: Transcript) => void put.push(t) } as unknown as Artifacts;
    const work = transcriptionWork({ uploads, artifacts, workDir: path.join(dir, 'work'), maxDurationSec: 3600, engineFor: () => new LocalPocketsphinxEngine(), diarizer: null });
    const out = await work.run(state, () => {});
    expect(out).toMatchObject({ type: 'transcribed' });
    expect(put[0]!.durationSec).toBeGreaterThan(clip.durationSec - 1);
    expect(put[0]!.words.length).toBeGreaterThan(8);
    expect(await uploads.tus.getUpload(key)).toMatchObject({ offset: clip.webm.length, size: clip.webm.length });
  }, 60_000);
});
