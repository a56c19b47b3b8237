/**
 * Helpers shared by the conformance suites (named `.suite.ts` so it sits with them; it holds no
 * tests of its own). Errors are checked by class and `code`, never by message text.
 */
import { randomUUID } from 'node:crypto';
import { expect } from '@jest/globals';
import { DaprPortError } from '../../dapr/ports/index.js';
import type { CloudEvent, EventHandler, HandlerStatus } from '../../dapr/ports/index.js';

/** A short unique token, so tests sharing one runtime never share keys, topics or actor ids. */
export const uniq = (): string => randomUUID().slice(0, 8);

/** Resolves to what `promise` rejected with; fails the test if it resolved. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (err) {
    return err;
  }
  throw new Error('expected a rejection, but the call succeeded');
}

/** Runs `call` (which may throw synchronously, e.g. `runtime.state('nope')`) and checks the error. */
export async function expectPortError(
  call: () => unknown,
  errorClass: abstract new (...args: never[]) => DaprPortError,
  code: string,
): Promise<DaprPortError> {
  const err = await rejectionOf(Promise.resolve().then(call));
  expect(err).toBeInstanceOf(errorClass);
  expect((err as DaprPortError).code).toBe(code);
  return err as DaprPortError;
}

export interface Delivery {
  event: CloudEvent;
  /** Date.now() when the handler was entered. */
  at: number;
  /** Date.now() when the handler returned or threw (undefined while it runs). */
  doneAt?: number;
  outcome?: HandlerStatus | 'THROW';
}

/**
 * Records every delivery to one topic; `decide` picks the answer from the delivery number of that
 * event id (1 = first delivery). Throwing from `decide` makes the handler throw.
 */
export class Inbox {
  readonly deliveries: Delivery[] = [];
  constructor(private readonly decide: (event: CloudEvent, attempt: number) => Promise<HandlerStatus> = async () => 'SUCCESS') {}

  readonly handler: EventHandler = async (event) => {
    const delivery: Delivery = { event, at: Date.now() };
    this.deliveries.push(delivery);
    try {
      const status = await this.decide(event, this.of(event.id).length);
      delivery.outcome = status;
      return status;
    } catch (err) {
      delivery.outcome = 'THROW';
      throw err;
    } finally {
      delivery.doneAt = Date.now();
    }
  };

  of(id: string): Delivery[] {
    return this.deliveries.filter((d) => d.event.id === id);
  }

  get ids(): string[] {
    return this.deliveries.map((d) => d.event.id);
  }
}
