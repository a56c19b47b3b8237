/**
 * The report of a finished live practice (issue 17): the browser read the questions, so the
 * recording holds only the user's answers. With the session's script (questions and when each came
 * on screen) the transcription stage puts the questions back, and the report lists each practised
 * question with the user's words as its answer, the talk all the user's.
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
import { buildReport } from '../../../services/analysis/report.pipeline.js';
import { LocalPocketsphinxEngine } from '../../../services/media/engines/local.js';
import type { Artifacts } from '../../../services/shared/artifacts.js';
import { PRACTICE_CANDIDATE, PRACTICE_INTERVIEWER } from '../../../services/transcripts/practice-script.js';
import type { Transcript } from '../../../services/transcripts/transcript.js';
import { LocalUploadStore, uploadIdFor } from '../../../services/upload/upload.store.js';
import { transcriptionWork } from '../../../services/workers/transcription.work.js';

const QUESTIONS = [
  { text: 'Tell me about a time you disagreed with a teammate. How did you resolve it?', kind: 'behavioural' },
  { text: 'Why do you want this job?', kind: 'motivation' },
];
const ANSWERS = [
  'My teammate wanted to rewrite the service and I wanted to fix it, so we measured both options and I chose the fix, which cut errors by half.',
  'I want this job because I like building products that people use every day and your team ships often.',
];

let dir: string;
let clip: LiveClip;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ib-live-report-'));
  clip = await liveClip(ANSWERS.join(' '), dir, { pauseSec: 2 });
}, 60_000);
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

function practisedInterview(id: string, key: string, size: number, secondAt: number): InterviewState {
  let s: InterviewState | undefined;
  let at = Date.UTC(2026, 0, 1);
  const events: Record<string, unknown>[] = [
    { type: 'create', id, ownerUid: 'uid-alice', title: 'Live', source: 'live' },
    { type: 'liveStarted', key, questions: QUESTIONS },
    { type: 'liveProgress', bytes: 1000, marks: [{ index: 0, atSec: 0 }, { index: 1, atSec: secondAt }] },
    { type: 'liveEnded', key, size, marks: [{ index: 0, atSec: 0 }, { index: 1, atSec: secondAt }] },
  ];
  for (const e of events) s = reduce(s, { ...e, eventId: `e${(at += 1000)}`, at } as unknown as InterviewEvent, defaultPolicy).state;
  return s!;
}

describe('a finished live practice with two questions', () => {
  it('reports both practised questions, each with the user\'s words as its answer', async () => {
    const uploads = new LocalUploadStore(path.join(dir, 'uploads'), 24 * 3_600_000);
    const id = randomUUID();
    const key = uploadIdFor(id, randomBytes(12).toString('hex'));
    await uploads.tus.create(new Upload({ id: key, offset: 0, size: clip.webm.length, metadata: { interviewId: id, filename: 'live.webm', filetype: 'audio/webm' }, creation_date: new Date().toISOString() }));
    await uploads.tus.write(Readable.from([clip.webm]), key, 0);
    // The user pressed Next in the pause after the first answer.
    const secondAt = clip.speechEnds[0]! + 0.5;
    const state = practisedInterview(id, key, clip.webm.length, secondAt);
    expect(state).toMatchObject({ status: 'uploaded', practice: { marks: [{ index: 0, atSec: 0 }, { index: 1, atSec: secondAt }] } });

    const put: Transcript[] = [];
    const artifacts = { put: async (_k: string, t: Transcript) => void put.push(t) } as unknown as Artifacts;
    const work = transcriptionWork({ uploads, artifacts, workDir: path.join(dir, 'work'), maxDurationSec: 3600, engineFor: () => new LocalPocketsphinxEngine(), diarizer: null });
    await work.run(state, () => {});
    const transcript = put[0]!;
    expect(new Set(transcript.words.map((w) => w.speaker))).toEqual(new Set([PRACTICE_INTERVIEWER, PRACTICE_CANDIDATE]));

    const report = await buildReport(transcript);
    const answers = report.answers.map((a) => ({ question: a.question, kind: a.kind, words: a.wordCount, text: a.text }));
    // eslint-disable-next-line no-console
    if (process.env.SHOW_ANSWERS) console.log(JSON.stringify({ answers, talk: report.metrics.talkRatio, byWords: report.metrics.talkRatioByWords }, null, 1));
    expect(answers).toEqual([
      expect.objectContaining({ question: QUESTIONS[0]!.text, kind: 'behavioural' }),
      expect.objectContaining({ question: QUESTIONS[1]!.text, kind: 'motivation' }),
    ]);
    // Each answer is the user's own words from its part of the recording.
    for (const a of answers) expect(a.words).toBeGreaterThan(8);
    expect(answers[1]!.text).toContain('want this job');
    // The questions take no recording time: the talk is all the user's, as in a solo practice.
    expect(report.speakers).toEqual([{ id: PRACTICE_INTERVIEWER, role: 'interviewer', talkSec: 0 }, expect.objectContaining({ id: PRACTICE_CANDIDATE, role: 'candidate' })]);
    expect(report.metrics.talkRatio).toBe(1);
  }, 120_000);
});
