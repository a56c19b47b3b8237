/** The webhooks feature on a real embedded runtime (SQLite, durable reminders) with a manual clock. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { InterviewClient } from '../../../actors/interview.client.js';
import { ManualClock } from '../../../dapr/embedded/clock.js';
import { createEmbeddedRuntime, type EmbeddedRuntime } from '../../../dapr/embedded/runtime.js';
import { Components } from '../../../dapr/ports/runtime.js';
import type { CloudEvent } from '../../../dapr/ports/pubsub.js';
import { createLogger } from '../../../services/shared/logger.js';
import { webhookDeliveryActor } from '../../../services/webhooks/delivery.actor.js';
import { httpSender } from '../../../services/webhooks/http.sender.js';
import { ENDPOINT_DISABLED_TOPIC, webhookOwnerActor } from '../../../services/webhooks/owner.actor.js';
import { createSsrfGuard, type HostLookup } from '../../../services/webhooks/ssrf.guard.js';
import { ProgressThrottle } from '../../../services/webhooks/throttle.js';
import { WebhookService } from '../../../services/webhooks/webhook.service.js';

export interface Harness {
  runtime: EmbeddedRuntime;
  clock: ManualClock;
  service: WebhookService;
  dataDir: string;
  disabledEvents: CloudEvent[];
  /** Moves the clock and lets everything that became due run. */
  advance(ms: number): Promise<void>;
  stop(): Promise<void>;
}

export interface HarnessOptions {
  dataDir?: string;
  clock?: ManualClock;
  scheduleMs?: number[];
  disableAfterMs?: number;
  timeoutMs?: number;
  lookup?: HostLookup;
  /** WEBHOOK_ALLOW_LOOPBACK for the guard (default true: the receiver listens on loopback). */
  allowLoopback?: boolean;
}

export async function startHarness(o: HarnessOptions = {}): Promise<Harness> {
  const dataDir = o.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'ib-webhooks-'));
  const clock = o.clock ?? new ManualClock();
  const runtime = createEmbeddedRuntime({ dataDir, clock, pollIntervalMs: 20 });
  const guard = createSsrfGuard({ allowLoopback: o.allowLoopback ?? true, ...(o.lookup && { lookup: o.lookup }) });
  runtime.actors.register(webhookOwnerActor({ maxEndpoints: 5, disableAfterMs: o.disableAfterMs ?? 5 * 24 * 3_600_000, logSize: 100 }));
  runtime.actors.register(webhookDeliveryActor({ scheduleMs: o.scheduleMs ?? [5000, 30000], retentionMs: 3_600_000 }, httpSender({ guard, timeoutMs: o.timeoutMs ?? 10_000 })));
  const disabledEvents: CloudEvent[] = [];
  runtime.pubsub(Components.pubsub).subscribe(ENDPOINT_DISABLED_TOPIC, async (e) => {
    disabledEvents.push(e);
    return 'SUCCESS';
  });
  const service = new WebhookService({
    actors: runtime.actors, interviews: new InterviewClient(runtime.actors), guard, throttle: new ProgressThrottle(1000),
    publicBaseUrl: 'https://app.test', secretOverlapMs: 24 * 3_600_000, maxEndpoints: 5,
    log: createLogger('silent'), now: () => clock.now(),
  });
  await runtime.start();
  return {
    runtime, clock, service, dataDir, disabledEvents,
    async advance(ms) {
      clock.advance(ms);
      await runtime.settle();
    },
    stop: () => runtime.stop(),
  };
}
