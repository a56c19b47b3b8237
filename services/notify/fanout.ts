/**
 * One subscriber per topic per app (a pub/sub rule), but several consumers of the lifecycle topics:
 * run them all, each idempotent, and ask for a redelivery if any one needs it. A consumer that
 * throws does not stop the others; the message is redelivered and the ones that succeeded are no-ops.
 */
import type { CloudEvent, EventHandler, HandlerStatus } from '../../dapr/ports/pubsub.js';

export function allOf<T>(...handlers: EventHandler<T>[]): EventHandler<T> {
  return async (event: CloudEvent<T>): Promise<HandlerStatus> => {
    const results = await Promise.allSettled(handlers.map((h) => h(event)));
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason; // the runtime logs it and redelivers
    const statuses = results.map((r) => (r as PromiseFulfilledResult<HandlerStatus>).value);
    if (statuses.includes('RETRY')) return 'RETRY';
    // DROP only when every consumer dropped it (malformed for all); otherwise it was handled.
    return statuses.every((s) => s === 'DROP') ? 'DROP' : 'SUCCESS';
  };
}
