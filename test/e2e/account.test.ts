/** "Delete all my data" erases every trace of one user and nothing of another's. */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import Database from 'better-sqlite3';
import { apiClient, filesUnder, type RunningApp, startTestApp, waitForStatus } from '../helpers/app.js';
import { signUp, withAuthEmulator } from '../helpers/firebase.js';

const VTT = 'WEBVTT\n\n00:00:00.000 --> 00:00:03.000\n<v Ann>Tell me about yourself?\n\n00:00:03.500 --> 00:00:12.000\n<v Ben>I build billing systems and I, um, love hard problems.\n';

withAuthEmulator();
let run: RunningApp;
beforeAll(async () => {
  run = await startTestApp({ WEBHOOK_ALLOW_LOOPBACK: '1' });
}, 60_000);
afterAll(async () => run?.stop());

describe('DELETE /api/v1/me', () => {
  it('erases interviews, webhooks, notifications and settings of the caller only', async () => {
    const alice = await signUp();
    const bob = await signUp();
    const asAlice = apiClient(run.base, alice.idToken);
    const asBob = apiClient(run.base, bob.idToken);
    const ids: string[] = [];
    for (const title of ['one', 'two']) {
      const { body } = await asAlice('POST', '/api/v1/interviews', { title });
      ids.push(body.id);
    }
    await asAlice('PUT', `/api/v1/interviews/${ids[0]}/transcript`, VTT);
    await waitForStatus(asAlice, ids[0]!, (s) => s === 'completed');
    expect((await asAlice('POST', '/api/v1/webhooks', { url: 'http://127.0.0.1:9/hook', events: ['interview.completed'] })).status).toBe(201);
    await asAlice('PUT', '/api/v1/settings', { analysisModel: 'economy' });
    const bobs = (await asBob('POST', '/api/v1/interviews', { title: 'bob keeps this' })).body.id as string;

    const r = await asAlice('DELETE', '/api/v1/me');
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ erased: { interviews: 2, webhooks: 1 } });
    await run.app.settle();

    expect((await asAlice('GET', '/api/v1/interviews')).body.items).toEqual([]);
    expect((await asAlice('GET', '/api/v1/webhooks')).body.items).toEqual([]);
    expect((await asAlice('GET', '/api/v1/settings')).body).toEqual({});
    expect((await asAlice('GET', '/api/v1/notifications')).body.items).toEqual([]);
    for (const id of ids) expect((await asAlice('GET', `/api/v1/interviews/${id}`)).status).toBe(404);
    expect(filesUnder(run.dataDir).filter((f) => ids.some((id) => f.includes(id)))).toEqual([]);
    const db = new Database(path.join(run.dataDir, 'runtime', 'runtime.sqlite'), { readonly: true });
    try {
      const mentions = (needle: string) =>
        (db.prepare("SELECT count(*) AS n FROM actor_state WHERE id = ? OR value LIKE '%' || ? || '%'").get(needle, needle) as { n: number }).n;
      expect([alice.uid, ...ids].map(mentions)).toEqual([0, 0, 0]);
    } finally {
      db.close();
    }
    // Bob is untouched; erasing twice is harmless.
    expect((await asBob('GET', '/api/v1/interviews')).body.items.map((i: { id: string }) => i.id)).toEqual([bobs]);
    expect((await asAlice('DELETE', '/api/v1/me')).body).toEqual({ erased: { interviews: 0, webhooks: 0 } });
  }, 60_000);

  it('needs a signed-in caller', async () => {
    expect((await apiClient(run.base)('DELETE', '/api/v1/me')).status).toBe(401);
  });
});
