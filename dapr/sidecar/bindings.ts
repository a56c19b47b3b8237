/**
 * Output bindings on daprd. The artifacts binding is `bindings.azure.blobstorage` (Azurite on one
 * machine, Azure Blob in AKS), reached with the port's blob shape: `metadata.blobName`, `list` by
 * prefix answering names. Names are checked here before daprd sees them, like the embedded adapter.
 *
 * `get` reads daprd's answer with fetch, not the SDK: the SDK's HTTP client JSON-parses every answer
 * body, which would turn a stored text such as `123` or `{"a": 1.0}` into something else.
 */
import type { DaprClient } from '@dapr/dapr';
import { BlobOps, isSafeBlobName, type BindingResponse, type OutputBindings } from '../ports/bindings.js';
import { BlobNameError, BlobNotFoundError, DaprPortError, NotConfiguredError } from '../ports/errors.js';
import { daprFailure, type SidecarAddress } from './sdk.js';

export class SidecarOutputBindings implements OutputBindings {
  constructor(
    private readonly client: DaprClient,
    private readonly addr: SidecarAddress,
    /** Names of the bindings that speak the blob dialect. */
    private readonly blobBindings: ReadonlySet<string>,
  ) {}

  async invoke<T = unknown>(name: string, operation: string, data?: unknown, metadata: Record<string, string> = {}): Promise<BindingResponse<T>> {
    if (this.blobBindings.has(name)) return (await this.blob(name, operation, data, metadata)) as BindingResponse<T>;
    return { data: (await this.send(name, operation, data, metadata)) as T, metadata: {} };
  }

  private async blob(name: string, operation: string, data: unknown, metadata: Record<string, string>): Promise<BindingResponse> {
    switch (operation) {
      case BlobOps.create: {
        const blobName = this.blobName(metadata);
        const body = Buffer.isBuffer(data) ? data.toString('base64') : typeof data === 'string' ? data : JSON.stringify(data);
        const extra: Record<string, string> = Buffer.isBuffer(data) ? { decodeBase64: 'true' } : {};
        await this.send(name, operation, body, { ...metadata, ...extra, blobName });
        return { data: null, metadata: { blobName } };
      }
      case BlobOps.get: {
        const blobName = this.blobName(metadata);
        return { data: await this.getBytes(name, blobName), metadata: { blobName } };
      }
      case BlobOps.delete: {
        const blobName = this.blobName(metadata);
        // deleteSnapshots explicit: the binding otherwise sends an empty x-ms-delete-snapshots header.
        await this.send(name, operation, undefined, { ...metadata, blobName, deleteSnapshots: 'include' }).catch((err: unknown) => {
          if (!(err instanceof BlobNotFoundError)) throw err; // delete is idempotent
        });
        return { data: null, metadata: {} };
      }
      case BlobOps.list: {
        const prefix = metadata.prefix ?? (data as { prefix?: string } | undefined)?.prefix ?? '';
        // One page of up to 5000 names: artifacts are listed per user or per interview, far below that.
        const page = (await this.send(name, operation, { prefix, maxResults: 5000 }, {})) as { Name: string }[] | null;
        const names = (page ?? []).map((b) => b.Name);
        return { data: names.sort(), metadata: {} };
      }
      default:
        throw new NotConfiguredError(`operation "${operation}" of the blob binding`);
    }
  }

  private blobName(metadata: Record<string, string>): string {
    const blobName = metadata.blobName;
    if (!isSafeBlobName(blobName)) throw new BlobNameError(String(blobName));
    return blobName;
  }

  private async getBytes(name: string, blobName: string): Promise<Buffer> {
    const res = await fetch(`http://${this.addr.daprHost}:${this.addr.daprHttpPort}/v1.0/bindings/${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ operation: BlobOps.get, metadata: { blobName } }),
    });
    const bytes = Buffer.from(await res.arrayBuffer());
    if (res.ok) return bytes;
    throw this.mapError(name, BlobOps.get, res.status, bytes.toString('utf8'), blobName);
  }

  private async send(name: string, operation: string, data: unknown, metadata: Record<string, string>): Promise<unknown> {
    try {
      return await this.client.binding.send(name, operation, data as object, metadata);
    } catch (err) {
      const failure = daprFailure(err);
      if (!failure) throw err;
      throw this.mapError(name, operation, failure.status, failure.body, metadata.blobName);
    }
  }

  private mapError(name: string, operation: string, status: number, body: string, blobName?: string): Error {
    if (/ERR_INVOKE_OUTPUT_BINDING/.test(body) && /couldn't find output binding|not found.*binding/i.test(body)) {
      return new NotConfiguredError(`binding "${name}"`);
    }
    if (/unsupported operation|operation .* not supported/i.test(body)) return new NotConfiguredError(`operation "${operation}" of binding "${name}"`);
    if (blobName && /BlobNotFound|blob not found|does not exist|404/i.test(body)) return new BlobNotFoundError(blobName);
    return new DaprPortError('binding_failed', `binding "${name}" ${operation} failed (${status}): ${body.slice(0, 300)}`);
  }
}
