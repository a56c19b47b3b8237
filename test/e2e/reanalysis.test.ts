/** Re-analysis without re-transcription, edits, trends across interviews, and user settings. */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { apiClient, progressSocket, type RunningApp, startTestApp, waitForStatus } from '../helpers/app.js';
import { signUp, type TestAccount, withAuthEmulator } from '../helpers/firebase.js';

const VTT = (pace: string) => `WEBVTT

00:00:00.000 --> 00:00:04.000
<v Dana>Tell me about a project you are proud of?

00:00:04.500 --> 00:00:20.000
<v Sam>Um, at my last job I, uh, led the migration of our billing service. ${pace}

00:00:21.000 --> 00:00:24.000
<v Dana>What was the result?

00:00:24.500 --> 00:00:34.000
<v Sam>We cut costs by thirty percent and, you know, nobody noticed the switch.
`;

withAuthEmulator();
let run: RunningApp;
let alice: TestAccount;
let api: ReturnType<typeof apiClient>;

beforeAll(async () => {
  run = await startTestApp();
  alice = await signUp();
  api = apiClient(run.base, alice.idToken);
}, 60_000);
afterAll(async () => run?.stop());

async function completedInterview(title: string, pace = 'It took three months.') {
  const { body } = await api('POST', '/api/v1/interviews', { title, prepNotes: '- billing migration\n- cost savings' });
  expect((await api('PUT', `/api/v1/interviews/${body.id}/transcript`, VTT(pace))).status).toBe(200);
  await waitForStatus(api, body.id, (s) => s === 'completed');
  return body.id as string;
}

describe('re-analysis', () => {
  it('re-runs analysis with a new candidate speaker, prep notes and model, without re-transcribing', async () => {
    const id = await completedInterview('reanalyse me');
    const before = await api('GET', `/api/v1/interviews/${id}/transcript`);
    const live = await progressSocket(run.base, alice.idToken);
    try {
      const r = await api('POST', `/api/v1/interviews/${id}/reanalyze`, { model: 'economy', prepNotes: '1. billing\n2. leadership', candidateSpeaker: 'Sam' });
      expect(r.status).toBe(202);
      expect(r.body.status).toBe('transcribed');
      const done = await waitForStatus(api, id, (s) => s === 'completed');
      expect(done.candidateSpeaker).toBe('Sam');
      const statuses = live.events.filter((e) => e.id === id).map((e) => e.status);
      expect(statuses).toEqual(expect.arrayContaining(['transcribed', 'analyzing', 'completed']));
      expect(statuses).not.toContain('transcribing');
      expect((await api('GET', `/api/v1/interviews/${id}/transcript`)).body).toEqual(before.body);
      expect((await api('GET', `/api/v1/interviews/${id}/report`)).status).toBe(200);
    } finally {
      live.close();
    }
  });

  it('PATCH edits fields; a candidate speaker on a finished interview triggers re-analysis', async () => {
    const id = await completedInterview('patch me');
    const r = await api('PATCH', `/api/v1/interviews/${id}`, { title: 'Renamed', candidateSpeaker: 'Dana' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ title: 'Renamed', candidateSpeaker: 'Dana', status: 'transcribed' });
    expect((await waitForStatus(api, id, (s) => s === 'completed')).title).toBe('Renamed');
  });

  it('refuses re-analysis before there is a transcript, and bad bodies', async () => {
    const { body } = await api('POST', '/api/v1/interviews', { title: 'empty' });
    const r = await api('POST', `/api/v1/interviews/${body.id}/reanalyze`, {});
    expect([r.status, r.body.error.code]).toEqual([409, 'reanalyze_not_possible']);
    expect((await api('POST', `/api/v1/interviews/${body.id}/reanalyze`, { model: 'no spaces allowed' })).body.error.code).toBe('invalid_request');
    expect((await api('PATCH', `/api/v1/interviews/${body.id}`, { status: 'completed' })).body.error.code).toBe('invalid_request');
    expect((await api('PATCH', `/api/v1/interviews/${body.id}`, { title: '' })).body.error.code).toBe('invalid_request');
  });
});

describe('trends and settings', () => {
  it('returns each headline metric across completed interviews, oldest first, and only the caller’s', async () => {
    const bob = await signUp();
    const asBob = apiClient(run.base, bob.idToken);
    const { body } = await asBob('POST', '/api/v1/interviews', { title: 'first' });
    await asBob('PUT', `/api/v1/interviews/${body.id}/transcript`, VTT('Short.'));
    await waitForStatus(asBob, body.id, (s) => s === 'completed');
    const second = await asBob('POST', '/api/v1/interviews', { title: 'second' });
    await asBob('PUT', `/api/v1/interviews/${second.body.id}/transcript`, VTT('It took three months of careful planning with the whole team and a lot of testing.'));
    await waitForStatus(asBob, second.body.id, (s) => s === 'completed');

    const trends = await asBob('GET', '/api/v1/trends');
    expect(trends.status).toBe(200);
    const wpm = trends.body.metrics.wpm as { id: string; title: string; value: number }[];
    expect(wpm.map((p) => p.title)).toEqual(['first', 'second']);
    expect(wpm[1]!.value).toBeGreaterThan(wpm[0]!.value);
    expect(trends.body.metrics.fillersPerMinute).toHaveLength(2);
    const aliceTrends = await api('GET', '/api/v1/trends');
    expect(JSON.stringify(aliceTrends.body)).not.toContain(body.id);
    // Bob cannot touch Alice's interviews.
    const alices = (await api('GET', '/api/v1/interviews')).body.items[0].id;
    expect((await asBob('PATCH', `/api/v1/interviews/${alices}`, { title: 'mine now' })).status).toBe(404);
    expect((await asBob('POST', `/api/v1/interviews/${alices}/reanalyze`, {})).status).toBe(404);
  }, 60_000);

  it('stores the analysis model preference per user', async () => {
    expect((await api('GET', '/api/v1/settings')).body).toEqual({});
    expect((await api('PUT', '/api/v1/settings', { analysisModel: 'premium' })).body).toEqual({ analysisModel: 'premium' });
    expect((await api('GET', '/api/v1/settings')).body).toEqual({ analysisModel: 'premium' });
    expect((await api('PUT', '/api/v1/settings', { theme: 'dark' })).status).toBe(400);
    const bob = await signUp();
    expect((await apiClient(run.base, bob.idToken)('GET', '/api/v1/settings')).body).toEqual({});
  });
});
