/**
 * Bindings port (Dapr bindings). Output bindings are invoked by name + operation; the blob binding
 * supports create/get/delete/list with `metadata.blobName`. Input bindings (cron) call a handler.
 */
export interface BindingResponse<T = unknown> {
  data: T;
  metadata: Record<string, string>;
}

export interface OutputBindings {
  invoke<T = unknown>(
    name: string,
    operation: string,
    data?: unknown,
    metadata?: Record<string, string>,
  ): Promise<BindingResponse<T>>;
}

export type InputBindingHandler = (data: unknown, metadata: Record<string, string>) => Promise<void>;

export interface InputBindings {
  /** Register a handler for an input binding (e.g. a cron schedule) before the runtime starts. */
  onInput(name: string, handler: InputBindingHandler): void;
}

/** Blob binding operations, shared by the embedded (local disk) and Azure Blob adapters. */
export const BlobOps = { create: 'create', get: 'get', delete: 'delete', list: 'list' } as const;

/** Relative, forward-slash names of safe characters only: no "..", no absolute paths. */
const SAFE_BLOB_NAME = /^(?!\/)(?!.*(?:^|\/)\.\.?(?:\/|$))[A-Za-z0-9._\-/]{1,512}$/;

/** Every blob adapter checks names the same way before touching storage. */
export function isSafeBlobName(name: string | undefined): name is string {
  return typeof name === 'string' && SAFE_BLOB_NAME.test(name);
}
