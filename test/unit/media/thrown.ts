/** Asserting on typed errors by their stable code, never by message text (STYLE.md). */
import { AppError } from '../../../services/shared/errors.js';

export function thrownBy(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw new Error(`expected an AppError, got ${String(e)}`);
  }
  throw new Error('expected an error, none was thrown');
}

export async function rejectedBy(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw new Error(`expected an AppError, got ${String(e)}`);
  }
  throw new Error('expected a rejection, the promise resolved');
}
