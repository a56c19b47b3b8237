/**
 * UploadStore on Azure Blob Storage (block blobs). Layout in the container, per upload id
 * ("<interviewId>--<random>"):
 * - `<id>.info` — a small JSON sidecar: the tus Upload (size, metadata, creation_date). Written at
 *   creation (POST) and when a deferred length is declared.
 * - `<id>` — the media itself. Every PATCH body is cut into blocks of at most `blockSize` bytes and
 *   staged (Put Block) as it streams in; nothing is committed until the last byte arrives, then one
 *   Put Block List commits the blocks in order.
 * The offset (HEAD) is read from the service, not kept by us: the sum of the committed blocks once
 * the blob is committed, else the sum of the staged (uncommitted) blocks. Block ids carry their
 * index, so a store that crashed mid-upload resumes from the service's block list alone.
 */
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { BlobServiceClient, type ContainerClient, RestError, type StoragePipelineOptions } from '@azure/storage-blob';
import { DataStore, ERRORS, Upload } from '@tus/utils';
import { blockIdFor, blockIndexOf, stageInBlocks } from './azure/blocks.js';
import type { UploadStore } from './upload.store.js';

const INFO_SUFFIX = '.info';
const DEFAULT_BLOCK_SIZE = 8 * 1024 * 1024;

export interface AzureBlobUploadStoreOptions {
  /** A connection string (AZURE_STORAGE_CONNECTION_STRING), or a ready client. */
  connectionString?: string;
  serviceClient?: BlobServiceClient;
  /** AZURE_UPLOAD_CONTAINER; created on first use when missing. */
  container: string;
  /** Unfinished uploads older than this (from creation) are removed by removeExpired; 0 = never. */
  expirationMs: number;
  /** Largest block staged at once (the most a PATCH holds in memory). Default 8 MiB. */
  blockSize?: number;
  pipelineOptions?: StoragePipelineOptions;
}

interface UploadInfo {
  id: string;
  size?: number;
  metadata?: Record<string, string | null>;
  creation_date?: string;
}

interface BlockState {
  committed: boolean;
  /** Bytes stored (committed or staged). */
  offset: number;
  /** Index for the next staged block. */
  nextIndex: number;
  /** Staged block ids in order (empty once committed). */
  staged: string[];
}

const isStatus = (err: unknown, status: number) => err instanceof RestError && err.statusCode === status;

/** The tus DataStore half: what @tus/server calls for POST, HEAD, PATCH and DELETE. */
export class AzureBlobDataStore extends DataStore {
  private readonly container: ContainerClient;
  private readonly blockSize: number;
  private ready: Promise<void> | undefined;

  constructor(
    container: ContainerClient,
    private readonly expirationMs: number,
    blockSize = DEFAULT_BLOCK_SIZE,
  ) {
    super();
    this.container = container;
    this.blockSize = blockSize;
    this.extensions = ['creation', 'creation-with-upload', 'creation-defer-length', 'termination', 'expiration'];
  }

  /** Creates the container once (idempotent; a failed attempt is retried by the next call). */
  ensureContainer(): Promise<void> {
    this.ready ??= this.container.createIfNotExists().then(
      () => undefined,
      (err: unknown) => {
        this.ready = undefined;
        throw err;
      },
    );
    return this.ready;
  }

  private blob(id: string) {
    return this.container.getBlockBlobClient(id);
  }

  private infoBlob(id: string) {
    return this.container.getBlockBlobClient(id + INFO_SUFFIX);
  }

  private async readInfo(id: string): Promise<UploadInfo> {
    await this.ensureContainer();
    try {
      const buf = await this.infoBlob(id).downloadToBuffer();
      return JSON.parse(buf.toString('utf8')) as UploadInfo;
    } catch (err) {
      if (isStatus(err, 404)) throw ERRORS.FILE_NOT_FOUND;
      throw err;
    }
  }

  private async writeInfo(info: UploadInfo): Promise<void> {
    const body = Buffer.from(JSON.stringify(info));
    await this.infoBlob(info.id).upload(body, body.length, { blobHTTPHeaders: { blobContentType: 'application/json' } });
  }

  private async blockState(id: string): Promise<BlockState> {
    try {
      const list = await this.blob(id).getBlockList('all');
      const committed = list.committedBlocks ?? [];
      if (committed.length > 0) {
        return { committed: true, offset: committed.reduce((n, b) => n + b.size, 0), nextIndex: committed.length, staged: [] };
      }
      const staged = (list.uncommittedBlocks ?? [])
        .map((b) => ({ ...b, index: blockIndexOf(b.name) }))
        .filter((b): b is typeof b & { index: number } => b.index !== undefined)
        .sort((a, b) => a.index - b.index);
      // Only a gap-free run 0..n-1 counts (a stray block after a gap is overwritten later).
      let n = 0;
      while (n < staged.length && staged[n]!.index === n) n += 1;
      const run = staged.slice(0, n);
      return { committed: false, offset: run.reduce((s, b) => s + b.size, 0), nextIndex: n, staged: run.map((b) => b.name) };
    } catch (err) {
      // No blob and no staged blocks yet.
      if (isStatus(err, 404)) return { committed: false, offset: 0, nextIndex: 0, staged: [] };
      throw err;
    }
  }

  /** POST (creation): the sidecar only; the blob appears when its blocks are committed. */
  override async create(upload: Upload): Promise<Upload> {
    await this.ensureContainer();
    upload.creation_date ??= new Date().toISOString();
    await this.writeInfo({
      id: upload.id,
      ...(upload.size !== undefined && { size: upload.size }),
      ...(upload.metadata && { metadata: upload.metadata }),
      creation_date: upload.creation_date,
    });
    upload.storage = { type: 'azure-blob', path: upload.id, bucket: this.container.containerName };
    // An empty upload is complete at creation.
    if (upload.size === 0) await this.commit(upload.id, [], upload.metadata);
    return upload;
  }

  /** HEAD: offset = bytes the service holds for this upload (committed, or staged so far). */
  override async getUpload(id: string): Promise<Upload> {
    const info = await this.readInfo(id);
    const state = await this.blockState(id);
    return new Upload({
      id,
      offset: state.offset,
      ...(info.size !== undefined && { size: info.size }),
      ...(info.metadata && { metadata: info.metadata }),
      ...(info.creation_date && { creation_date: info.creation_date }),
      storage: { type: 'azure-blob', path: id, bucket: this.container.containerName },
    });
  }

  /** PATCH: stages the body in bounded blocks; commits them when the upload is complete. */
  override async write(stream: Readable, id: string, offset: number): Promise<number> {
    const info = await this.readInfo(id);
    const state = await this.blockState(id);
    if (state.committed) throw ERRORS.INVALID_OFFSET; // already finished: nothing more to accept
    if (offset !== state.offset) throw ERRORS.INVALID_OFFSET;
    const blob = this.blob(id);
    const staged = [...state.staged];
    let index = state.nextIndex;
    let newOffset = offset;
    try {
      await stageInBlocks(stream, this.blockSize, async (block) => {
        if (info.size !== undefined && newOffset + block.length > info.size) throw ERRORS.ERR_SIZE_EXCEEDED;
        const blockId = blockIdFor(index);
        await blob.stageBlock(blockId, block, block.length);
        staged.push(blockId);
        index += 1;
        newOffset += block.length;
      });
    } catch (err) {
      if (err !== null && typeof err === 'object' && 'status_code' in err) throw err;
      throw ERRORS.FILE_WRITE_ERROR;
    }
    if (info.size !== undefined && newOffset === info.size) await this.commit(id, staged, info.metadata);
    return newOffset;
  }

  private async commit(id: string, blockIds: string[], metadata: UploadInfo['metadata']): Promise<void> {
    const contentType = metadata?.filetype ?? undefined;
    await this.blob(id).commitBlockList(blockIds, contentType ? { blobHTTPHeaders: { blobContentType: contentType } } : {});
  }

  /** PATCH with Upload-Length on a deferred-length upload. */
  override async declareUploadLength(id: string, uploadLength: number): Promise<void> {
    const info = await this.readInfo(id);
    info.size = uploadLength;
    await this.writeInfo(info);
    const state = await this.blockState(id);
    if (!state.committed && state.offset === uploadLength) await this.commit(id, state.staged, info.metadata);
  }

  /** DELETE (termination): the blob, its staged blocks and the sidecar. */
  override async remove(id: string): Promise<void> {
    await this.ensureContainer();
    const hadInfo = await this.infoBlob(id).exists();
    const state = await this.blockState(id);
    if (!hadInfo && !state.committed && state.offset === 0) throw ERRORS.FILE_NOT_FOUND;
    await this.discard(id, state);
  }

  /** Deletes whatever exists of an upload; never throws for missing parts. */
  async discard(id: string, state?: BlockState): Promise<void> {
    const s = state ?? (await this.blockState(id));
    // Staged blocks of a never-committed blob only disappear after 7 days or a commit: committing
    // an empty list drops them at once, then the (empty) blob is deleted.
    if (!s.committed && s.staged.length > 0) await this.blob(id).commitBlockList([]);
    await this.blob(id).deleteIfExists();
    await this.infoBlob(id).deleteIfExists();
  }

  /** Unfinished uploads whose creation is older than the expiration period. */
  override async deleteExpired(): Promise<number> {
    if (this.expirationMs <= 0) return 0;
    await this.ensureContainer();
    const committed = new Set<string>();
    const infos: string[] = [];
    for await (const item of this.container.listBlobsFlat()) {
      if (item.name.endsWith(INFO_SUFFIX)) infos.push(item.name.slice(0, -INFO_SUFFIX.length));
      else committed.add(item.name);
    }
    const now = Date.now();
    let removed = 0;
    for (const id of infos) {
      if (committed.has(id)) continue; // finished uploads do not expire
      const info = await this.readInfo(id).catch(() => undefined);
      if (!info?.creation_date) continue;
      if (new Date(info.creation_date).getTime() + this.expirationMs >= now) continue;
      await this.discard(id);
      removed += 1;
    }
    return removed;
  }

  override getExpiration(): number {
    return this.expirationMs;
  }

  /** Every upload id with this prefix (committed blobs, sidecars of unfinished ones). */
  async idsWithPrefix(prefix: string): Promise<string[]> {
    await this.ensureContainer();
    const ids = new Set<string>();
    for await (const item of this.container.listBlobsFlat({ prefix })) {
      ids.add(item.name.endsWith(INFO_SUFFIX) ? item.name.slice(0, -INFO_SUFFIX.length) : item.name);
    }
    return [...ids];
  }

  /** Streams a finished upload to `file`; ENOENT-style error when it is missing or unfinished. */
  async downloadTo(id: string, file: string): Promise<void> {
    await this.ensureContainer();
    let body: NodeJS.ReadableStream | undefined;
    try {
      body = (await this.blob(id).download()).readableStreamBody;
    } catch (err) {
      if (isStatus(err, 404)) throw Object.assign(new Error(`upload "${id}" is missing or unfinished`), { code: 'ENOENT' });
      throw err;
    }
    if (!body) throw new Error('blob download returned no stream (browser runtime?)');
    await pipeline(body, createWriteStream(file, { flags: 'wx' }));
  }
}

export class AzureBlobUploadStore implements UploadStore {
  readonly tus: AzureBlobDataStore;

  constructor(options: AzureBlobUploadStoreOptions) {
    const service =
      options.serviceClient ??
      (options.connectionString
        ? BlobServiceClient.fromConnectionString(options.connectionString, options.pipelineOptions)
        : undefined);
    if (!service) throw new Error('AzureBlobUploadStore needs connectionString (AZURE_STORAGE_CONNECTION_STRING) or serviceClient');
    this.tus = new AzureBlobDataStore(service.getContainerClient(options.container), options.expirationMs, options.blockSize);
  }

  /** From AZURE_STORAGE_CONNECTION_STRING and AZURE_UPLOAD_CONTAINER (default "uploads"). */
  static fromEnv(env: NodeJS.ProcessEnv, expirationMs: number): AzureBlobUploadStore {
    const connectionString = env.AZURE_STORAGE_CONNECTION_STRING;
    if (!connectionString) throw new Error('AZURE_STORAGE_CONNECTION_STRING is not set');
    return new AzureBlobUploadStore({ connectionString, container: env.AZURE_UPLOAD_CONTAINER || 'uploads', expirationMs });
  }

  async openLocal(key: string): Promise<{ path: string; release(): Promise<void> }> {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ib-upload-'));
    // The local name keeps the extension-free key's basename; ffmpeg probes the content anyway.
    const file = path.join(dir, `${randomUUID()}-${path.basename(key)}`);
    try {
      await this.tus.downloadTo(key, file);
    } catch (err) {
      await fs.rm(dir, { recursive: true, force: true });
      throw err;
    }
    return { path: file, release: () => fs.rm(dir, { recursive: true, force: true }) };
  }

  async removeForInterview(interviewId: string): Promise<void> {
    const ids = await this.tus.idsWithPrefix(`${interviewId}--`);
    await Promise.all(ids.map((id) => this.tus.discard(id)));
  }

  removeExpired(): Promise<number> {
    return this.tus.deleteExpired();
  }
}
