/**
 * Cache keys (pure): (sha256 of the transcript text, task, prompt version, model), plus a hash of
 * the item for per-answer tasks. The transcript hash comes FIRST so erasing an interview can drop
 * every cached result derived from it with one prefix (delete = erase, ARCHITECTURE §5).
 */
import { createHash } from 'node:crypto';

export const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

export interface CacheKeyParts {
  transcriptText: string;
  task: string;
  promptVersion: string;
  modelId: string;
  /** What one call of a per-item task is about (e.g. an answer's question and text). */
  item?: string;
}

/** Prefix shared by every key derived from one transcript. */
export const transcriptKeyPrefix = (transcriptText: string): string => `${sha256Hex(transcriptText)}:`;

export function cacheKey(p: CacheKeyParts): string {
  const base = `${transcriptKeyPrefix(p.transcriptText)}${p.task}:${p.promptVersion}:${p.modelId}`;
  return p.item === undefined ? base : `${base}:${sha256Hex(p.item)}`;
}
