/**
 * Clean-up for e2e tests that start apps and webhook receivers: everything started is stopped after
 * each test (and after the file, for anything started outside a test), last started first.
 * Call once at the top of a test file.
 */
import { afterAll, afterEach } from '@jest/globals';
import { type Receiver, startReceiver } from '../integration/webhooks/receiver.js';

export function e2eCleanup() {
  const cleanup: (() => Promise<void>)[] = [];
  const runAll = async () => {
    for (const c of cleanup.splice(0).reverse()) await c();
  };
  afterEach(runAll);
  afterAll(runAll);

  return {
    /**
     * `started` with a `stop` that runs `stop` once: a test may stop it early (a restart on the same
     * data dir), and the clean-up then leaves it alone.
     */
    stopOnce<T extends object>(started: T, stop: () => Promise<void>): T & { stop: () => Promise<void> } {
      let stopped = false;
      const once = async () => {
        if (!stopped) await stop();
        stopped = true;
      };
      cleanup.push(once);
      return { ...started, stop: once };
    },
    /** A local webhook receiver (test/integration/webhooks/receiver.ts), closed after the test. */
    async receiver(script?: Receiver['script']): Promise<Receiver> {
      const r = await startReceiver(script);
      cleanup.push(() => r.close());
      return r;
    },
  };
}
