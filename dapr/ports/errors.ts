/** Errors every adapter raises for the same conditions, so callers branch on `code`, never on text. */
export class DaprPortError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** A write carried an etag that no longer matches the stored one (first-write-wins lost). */
export class EtagMismatchError extends DaprPortError {
  constructor(key: string) {
    super('etag_mismatch', `state key "${key}" was changed by someone else (stale etag)`);
  }
}

/** A write carried an etag for a key that does not exist, or an etag of the wrong form. */
export class EtagInvalidError extends DaprPortError {
  constructor(key: string) {
    super('etag_invalid', `etag for state key "${key}" is not valid`);
  }
}

/** Asking an adapter for something it does not provide (unknown store, binding, operation). */
export class NotConfiguredError extends DaprPortError {
  constructor(what: string) {
    super('not_configured', `${what} is not configured`);
  }
}

/** A called actor method does not exist on its type. */
export class ActorMethodNotFoundError extends DaprPortError {
  constructor(type: string, method: string) {
    super('actor_method_not_found', `actor type "${type}" has no method "${method}"`);
  }
}

/** An actor method threw: the turn's state changes were discarded. `cause` keeps the original. */
export class ActorInvokeError extends DaprPortError {
  constructor(
    readonly actor: string,
    readonly method: string,
    override readonly cause: unknown,
  ) {
    super('actor_invoke_failed', `${actor}.${method} failed: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
}

/** A blob binding `get` of a name that does not exist. */
export class BlobNotFoundError extends DaprPortError {
  constructor(name: string) {
    super('blob_not_found', `blob "${name}" does not exist`);
  }
}

/** A blob name that is absolute, climbs out with "..", or holds unsafe characters. */
export class BlobNameError extends DaprPortError {
  constructor(name: string) {
    super('blob_name_invalid', `blob name "${name}" is not allowed`);
  }
}
