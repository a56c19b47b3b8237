/**
 * Delivery on the real embedded runtime: signatures verified by the standardwebhooks library, retries
 * with the same webhook-id, durability across a runtime restart, SSRF at delivery time, rotation,
 * redirects, timeouts and disabling a failing endpoint.
 */
import { afterEach, describe, expect, it } from '@jest/globals';
import { Webhook } from 'standardwebhooks';
import { ManualClock } from '../../../dapr/embedded/clock.js';
import { httpSender } from '../../../services/webhooks/http.sender.js';
import type { WebhookEvent } from '../../../services/webhooks/payload.js';
import { createSsrfGuard, type SsrfGuard } from '../../../services/webhooks/ssrf.guard.js';
import { type Harness, startHarness } from './harness.js';
import { type Receiver, startReceiver } from './receiver.js';

const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const o of open.splice(0)) await o.close();
});
const receiver = async (script?: Receiver['script']) => {
  const r = await startReceiver(script);
  open.push(r);
  return r;
};
const harness = async (o?: Parameters<typeof startHarness>[0]) => {
  const h = await startHarness(o);
  open.push({ close: () => h.stop() });
  return h;
};

const completed = (key: string): WebhookEvent => ({ type: 'interview.completed', key, data: { interviewId: 'i-1', status: 'completed', reportUrl: 'https://app.test/r' } });

async function subscribe(h: Harness, url: string, uid = 'alice') {
  return h.service.create(uid, { url, events: ['interview.completed'] });
}

describe('webhook delivery', () => {
  it('fails twice then succeeds: three signed attempts with one webhook-id, logged', async () => {
    const rx = await receiver((n) => (n < 2 ? 500 : 200));
    const h = await harness();
    const { endpoint, secret } = await subscribe(h, rx.url);
    await h.service.dispatch('alice', completed('evt-1'), h.clock.now());
    await h.runtime.settle();
    expect(rx.received).toHaveLength(1);
    await h.advance(5000);
    expect(rx.received).toHaveLength(2);
    await h.advance(30000);
    expect(rx.received).toHaveLength(3);

    const wh = new Webhook(secret);
    for (const r of rx.received) expect(wh.verify(r.body, r.headers)).toMatchObject({ type: 'interview.completed', data: { interviewId: 'i-1' } });
    expect(new Set(rx.received.map((r) => r.headers['webhook-id'])).size).toBe(1);
    expect(new Set(rx.received.map((r) => r.body)).size).toBe(1);

    const [log] = await h.service.deliveries('alice', endpoint.id, 10);
    expect(log).toMatchObject({ id: rx.received[0]!.headers['webhook-id'], status: 'succeeded', attempts: 3, responseCode: 200 });
    expect(typeof log!.latencyMs).toBe('number');
    const full = await h.service.delivery('alice', endpoint.id, log!.id);
    expect(full.attempts.map((a) => a.responseCode)).toEqual([500, 500, 200]);
    // The same lifecycle event again (pub/sub redelivery) creates no second delivery.
    await h.service.dispatch('alice', completed('evt-1'), h.clock.now());
    await h.runtime.settle();
    expect(rx.received).toHaveLength(3);
  });

  it('survives a restart between attempts: the next attempt comes from the new runtime', async () => {
    const rx = await receiver((n) => (n === 0 ? 503 : 200));
    const clock = new ManualClock();
    const first = await startHarness({ clock });
    const { secret, endpoint } = await subscribe(first, rx.url);
    await first.service.dispatch('alice', completed('evt-restart'), clock.now());
    await first.runtime.settle();
    expect(rx.received).toHaveLength(1);
    await first.stop();

    clock.advance(6000);
    const second = await harness({ clock, dataDir: first.dataDir });
    await second.runtime.settle();
    expect(rx.received).toHaveLength(2);
    expect(rx.received[1]!.headers['webhook-id']).toBe(rx.received[0]!.headers['webhook-id']);
    expect(() => new Webhook(secret).verify(rx.received[1]!.body, rx.received[1]!.headers)).not.toThrow();
    expect((await second.service.deliveries('alice', endpoint.id, 5))[0]).toMatchObject({ status: 'succeeded', attempts: 2 });
  });

  it('re-checks the address at delivery: a name rebound to a private address is not called', async () => {
    const rx = await receiver();
    const port = new URL(rx.url).port;
    let target = '127.0.0.1';
    const h = await harness({ lookup: async () => [{ address: target, family: 4 }] });
    const { endpoint } = await subscribe(h, `http://hooks.rebind.test:${port}/hook`);
    target = '10.0.0.8';
    await h.service.dispatch('alice', completed('evt-rebind'), h.clock.now());
    await h.runtime.settle();
    expect(rx.received).toHaveLength(0);
    const [log] = await h.service.deliveries('alice', endpoint.id, 5);
    expect(log).toMatchObject({ status: 'pending', attempts: 1, error: 'blocked:private' });
  });

  it('re-checks IP literals at delivery: a loopback literal saved while allowed is not called once the allowance is off', async () => {
    const rx = await receiver();
    const port = new URL(rx.url).port;
    const clock = new ManualClock();
    const allowed = await startHarness({ clock });
    const v4 = await subscribe(allowed, `http://127.0.0.1:${port}/hook`);
    const v6 = await allowed.service.create('bob', { url: `http://[::1]:${port}/hook`, events: ['interview.completed'] });
    const numeric = await allowed.service.create('carol', { url: `http://2130706433:${port}/hook`, events: ['interview.completed'] });
    await allowed.stop();

    const strict = await harness({ clock, dataDir: allowed.dataDir, allowLoopback: false });
    for (const uid of ['alice', 'bob', 'carol']) await strict.service.dispatch(uid, completed(`evt-literal-${uid}`), clock.now());
    await strict.runtime.settle();
    expect(rx.received).toHaveLength(0);
    for (const [uid, id] of [['alice', v4.endpoint.id], ['bob', v6.endpoint.id], ['carol', numeric.endpoint.id]] as const) {
      expect((await strict.service.deliveries(uid, id, 5))[0]).toMatchObject({ status: 'pending', attempts: 1, error: 'blocked:loopback' });
    }
  });

  it('checks the address actually connected to: a lookup that lets loopback through still sends nothing', async () => {
    const rx = await receiver();
    const port = new URL(rx.url).port;
    const strict = createSsrfGuard({ allowLoopback: false });
    // A guard whose resolver is wrong (lets a name through to 127.0.0.1): the socket check must catch it.
    const leaky: SsrfGuard = { ...strict, connectLookup: (_h, o, cb) => (o.all ? cb(null, [{ address: '127.0.0.1', family: 4 }]) : cb(null, '127.0.0.1', 4)) };
    const send = httpSender({ guard: leaky, timeoutMs: 2000 });
    expect(await send(`http://hooks.leaky.test:${port}/hook`, {}, '{}')).toMatchObject({ ok: false, error: 'blocked:loopback' });
    expect(await send(`http://127.0.0.1:${port}/hook`, {}, '{}')).toMatchObject({ ok: false, error: 'blocked:loopback' });
    expect(rx.received).toHaveLength(0);
  });

  it('erasing an interview redacts its deliveries and cancels a pending one; other interviews are untouched', async () => {
    const rx = await receiver(() => 500);
    const h = await harness();
    const { endpoint } = await subscribe(h, rx.url);
    const other: WebhookEvent = { type: 'interview.completed', key: 'evt-other', data: { interviewId: 'i-2', status: 'completed', summary: { title: 'Keep me' } } };
    await h.service.dispatch('alice', { ...completed('evt-erase'), data: { ...completed('x').data, summary: { title: 'Secret title', metrics: { wpm: 150 } } } }, h.clock.now());
    await h.service.dispatch('alice', other, h.clock.now());
    await h.runtime.settle();
    expect(rx.received).toHaveLength(2);
    expect(await h.service.redactInterview('alice', 'i-1')).toBe(1);
    expect(await h.service.redactInterview('alice', 'i-1')).toBe(0); // idempotent
    const log = await h.service.deliveries('alice', endpoint.id, 5);
    const erased = log.find((d) => d.status === 'cancelled')!;
    expect(erased).toMatchObject({ reason: 'interview_erased', attempts: 1 });
    const full = await h.service.delivery('alice', endpoint.id, erased.id);
    expect(JSON.parse(full.body)).toEqual({ type: 'interview.completed', timestamp: expect.any(String), data: { interviewId: 'i-1', erased: true } });
    await h.advance(5000);
    // The first two deliveries run concurrently, so their order is not fixed; the retry is only i-2's.
    const ids = rx.received.map((r) => JSON.parse(r.body).data.interviewId as string);
    expect([...ids.slice(0, 2)].sort()).toEqual(['i-1', 'i-2']);
    expect(ids.slice(2)).toEqual(['i-2']);
    expect(rx.received[2]!.body).toContain('Keep me');
  });

  it('signs with old and new secret during a rotation', async () => {
    const rx = await receiver();
    const h = await harness();
    const { endpoint, secret: old } = await subscribe(h, rx.url);
    const { secret: fresh } = await h.service.rotateSecret('alice', endpoint.id);
    await h.service.dispatch('alice', completed('evt-rot'), h.clock.now());
    await h.runtime.settle();
    const r = rx.received[0]!;
    expect(r.headers['webhook-signature']!.split(' ')).toHaveLength(2);
    expect(() => new Webhook(old).verify(r.body, r.headers)).not.toThrow();
    expect(() => new Webhook(fresh).verify(r.body, r.headers)).not.toThrow();
  });

  it('does not follow redirects and gives up after a timeout', async () => {
    const redirecting = await receiver(() => 302);
    const hanging = await receiver(() => 'hang');
    const h = await harness({ timeoutMs: 300, scheduleMs: [1000] });
    const a = await subscribe(h, redirecting.url);
    const b = await h.service.create('bob', { url: hanging.url, events: ['interview.completed'] });
    await h.service.dispatch('alice', completed('evt-redirect'), h.clock.now());
    await h.service.dispatch('bob', completed('evt-hang'), h.clock.now());
    await h.runtime.settle();
    expect(redirecting.received).toHaveLength(1);
    expect((await h.service.deliveries('alice', a.endpoint.id, 5))[0]).toMatchObject({ responseCode: 302, error: 'redirect_not_followed' });
    expect((await h.service.deliveries('bob', b.endpoint.id, 5))[0]).toMatchObject({ error: 'timeout', status: 'pending' });
    await h.advance(1000);
    expect((await h.service.deliveries('bob', b.endpoint.id, 5))[0]).toMatchObject({ status: 'failed', attempts: 2, reason: 'retries_exhausted' });
  });

  it('disables an endpoint that keeps failing past the limit, and says so once', async () => {
    const rx = await receiver(() => 500);
    const day = 24 * 3_600_000;
    const h = await harness({ scheduleMs: [day, 2 * day, 3 * day], disableAfterMs: 2 * day });
    const { endpoint } = await subscribe(h, rx.url);
    await h.service.dispatch('alice', completed('evt-d'), h.clock.now());
    await h.runtime.settle();
    await h.advance(day);
    expect((await h.service.get('alice', endpoint.id)).enabled).toBe(true);
    await h.advance(2 * day);
    const e = await h.service.get('alice', endpoint.id);
    expect(e).toMatchObject({ enabled: false, disabledReason: 'failing' });
    expect(h.disabledEvents.map((x) => x.data)).toEqual([expect.objectContaining({ ownerUid: 'alice', endpointId: endpoint.id, url: rx.url })]);
    expect((await h.service.deliveries('alice', endpoint.id, 5))[0]).toMatchObject({ status: 'cancelled', reason: 'endpoint_disabled', attempts: 3 });
    // Enabling it again starts clean; a manual redelivery reaches it with the same id.
    rx.script = () => 200;
    await h.service.update('alice', { id: endpoint.id, enabled: true });
    const id = (await h.service.deliveries('alice', endpoint.id, 5))[0]!.id;
    await h.service.redeliver('alice', endpoint.id, id);
    await h.runtime.settle();
    expect(rx.received.at(-1)!.headers['webhook-id']).toBe(id);
    expect((await h.service.deliveries('alice', endpoint.id, 5))[0]).toMatchObject({ status: 'succeeded', attempts: 4 });
  });

  it("keeps users apart: another user's endpoint is not found", async () => {
    const h = await harness();
    const { endpoint } = await subscribe(h, 'http://127.0.0.1:9/hook');
    await expect(h.service.get('mallory', endpoint.id)).rejects.toMatchObject({ status: 404, code: 'webhook_not_found' });
    await expect(h.service.deliveries('mallory', endpoint.id, 5)).rejects.toMatchObject({ status: 404 });
    await expect(h.service.rotateSecret('mallory', endpoint.id)).rejects.toMatchObject({ status: 404 });
    expect(await h.service.list('mallory')).toEqual([]);
  });
});
