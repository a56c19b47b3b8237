/**
 * Webhook fan-out benchmark on the embedded runtime (SQLite, durable delivery actors):
 *   node --import tsx bench/webhooks.ts [--events 1000] [--endpoints 10]
 * One user with N local endpoints subscribed to `interview.completed`; E events are published on
 * pub/sub and fanned out (E × N signed deliveries). Every receiver verifies every signature with
 * the standardwebhooks library. Reports deliveries per second and the p50/p95/max delay from
 * publish to receipt.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { InterviewClient } from '../actors/interview.client.js';
import { createEmbeddedRuntime } from '../dapr/embedded/runtime.js';
import { Components } from '../dapr/ports/runtime.js';
import { createLogger } from '../services/shared/logger.js';
import { webhookDeliveryActor } from '../services/webhooks/delivery.actor.js';
import { httpSender } from '../services/webhooks/http.sender.js';
import { webhookOwnerActor } from '../services/webhooks/owner.actor.js';
import { createSsrfGuard } from '../services/webhooks/ssrf.guard.js';
import { ProgressThrottle } from '../services/webhooks/throttle.js';
import { WebhookService } from '../services/webhooks/webhook.service.js';
import { pct } from './lib/stats.js';

const flag = (flags: string[], name: string, fallback: number) => {
  const i = flags.indexOf(`--${name}`);
  return i >= 0 ? Number(flags[i + 1]) : fallback;
};

interface Endpoint {
  url: string;
  secret?: Webhook;
  server: http.Server;
}

async function receiver(onMessage: (body: string, headers: Record<string, string>) => void): Promise<Endpoint> {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      onMessage(Buffer.concat(chunks).toString('utf8'), req.headers as Record<string, string>);
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, server };
}

export async function main(flags: string[] = process.argv.slice(2)): Promise<void> {
  const events = flag(flags, 'events', 1000);
  const endpointCount = flag(flags, 'endpoints', 10);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ib-bench-webhooks-'));
  const runtime = createEmbeddedRuntime({ dataDir, pollIntervalMs: 20 });
  const guard = createSsrfGuard({ allowLoopback: true });
  runtime.actors.register(webhookOwnerActor({ maxEndpoints: endpointCount, disableAfterMs: 5 * 24 * 3_600_000, logSize: 500 }));
  runtime.actors.register(webhookDeliveryActor({ scheduleMs: [5000, 30000], retentionMs: 3_600_000 }, httpSender({ guard, timeoutMs: 10_000 })));
  const service = new WebhookService({
    actors: runtime.actors, interviews: new InterviewClient(runtime.actors), guard, throttle: new ProgressThrottle(30_000),
    publicBaseUrl: 'http://localhost', secretOverlapMs: 24 * 3_600_000, maxEndpoints: endpointCount, log: createLogger('silent'),
  });

  const delays: number[] = [];
  const ids = new Set<string>();
  let invalid = 0;
  let lastAt = 0;
  const endpoints: Endpoint[] = [];
  for (let i = 0; i < endpointCount; i++) {
    const ep: Endpoint = await receiver((body, headers) => {
      try {
        const msg = ep.secret!.verify(body, headers) as { data: { sentAt: number } };
        delays.push(Date.now() - msg.data.sentAt);
        ids.add(headers['webhook-id']!);
      } catch {
        invalid++;
      }
      lastAt = Date.now();
    });
    endpoints.push(ep);
  }
  const uid = 'bench-user';
  for (const ep of endpoints) ep.secret = new Webhook((await service.create(uid, { url: ep.url, events: ['interview.completed'] })).secret);

  const pubsub = runtime.pubsub(Components.pubsub);
  pubsub.subscribe<{ n: number; sentAt: number }>('bench.completed', async (e) => {
    await service.dispatch(uid, { type: 'interview.completed', key: e.id, data: { interviewId: `i-${e.data.n}`, sentAt: e.data.sentAt } }, Date.now());
    return 'SUCCESS';
  }, { concurrency: 8 });
  await runtime.start();

  const total = events * endpointCount;
  const t0 = Date.now();
  for (let n = 0; n < events; n++) await pubsub.publish('bench.completed', { n, sentAt: Date.now() });
  const deadline = Date.now() + 10 * 60_000;
  while (delays.length + invalid < total && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  const seconds = (lastAt - t0) / 1000;
  const sorted = [...delays].sort((a, b) => a - b);
  console.log(JSON.stringify({
    bench: 'webhooks.fanout', events, endpoints: endpointCount, deliveries: delays.length, expected: total,
    uniqueWebhookIds: ids.size, invalidSignatures: invalid,
    seconds: Number(seconds.toFixed(2)), deliveriesPerSec: Math.round(delays.length / seconds),
    delayMs: { p50: pct(sorted, 50), p95: pct(sorted, 95), max: sorted.at(-1) },
  }));
  await runtime.stop();
  for (const ep of endpoints) {
    ep.server.closeAllConnections();
    ep.server.close();
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
