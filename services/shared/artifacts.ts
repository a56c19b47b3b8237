/** JSON artifacts (transcripts, reports) through the blob output binding, keyed per interview. */
import type { OutputBindings } from '../../dapr/ports/bindings.js';
import { Components } from '../../dapr/ports/runtime.js';

export const artifactKeys = {
  prefix: (interviewId: string) => `interviews/${interviewId}/`,
  /** Media and imported transcripts never overwrite each other (an import may race a transcription). */
  transcript: (interviewId: string, source: 'media' | 'import') => `interviews/${interviewId}/transcript.${source}.json`,
  report: (interviewId: string) => `interviews/${interviewId}/report.json`,
};

export class Artifacts {
  constructor(private readonly bindings: OutputBindings) {}

  async put(key: string, value: unknown): Promise<void> {
    await this.bindings.invoke(Components.artifacts, 'create', JSON.stringify(value), { blobName: key });
  }

  async get<T>(key: string): Promise<T> {
    const res = await this.bindings.invoke<Buffer | string>(Components.artifacts, 'get', undefined, { blobName: key });
    return JSON.parse(Buffer.isBuffer(res.data) ? res.data.toString('utf8') : String(res.data)) as T;
  }

  async removePrefix(prefix: string): Promise<void> {
    const res = await this.bindings.invoke<string[]>(Components.artifacts, 'list', undefined, { prefix });
    for (const blobName of res.data) await this.bindings.invoke(Components.artifacts, 'delete', undefined, { blobName });
  }
}
