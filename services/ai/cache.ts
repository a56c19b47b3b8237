/**
 * Result cache for validated LLM outputs. Two implementations of one small interface: in-memory
 * (tests, CLI) and the Dapr state port (shared by every worker, survives restarts).
 */
import type { StateStore } from '../../dapr/ports/state.js';
import { transcriptKeyPrefix } from './cache-key.js';
import { AiConfigError } from './errors.js';

/** A validated output as it was first produced; served again at no cost. */
export interface CachedOutput {
  value: unknown;
}

export interface AiCache {
  /** The stored output, or undefined on a miss. May throw: callers treat a failing cache as a miss. */
  get(key: string): Promise<CachedOutput | undefined>;
  /** Last write wins (two workers computing the same key store equivalent values). */
  set(key: string, entry: CachedOutput): Promise<void>;
  /** Drops every entry derived from this transcript (interview deletion). */
  eraseTranscript(transcriptText: string): Promise<void>;
}

/** Bounded so a long-lived CLI or test process cannot grow without limit; oldest entries go first. */
export class MemoryAiCache implements AiCache {
  private readonly entries = new Map<string, CachedOutput>();

  constructor(private readonly maxEntries = 1000) {}

  async get(key: string): Promise<CachedOutput | undefined> {
    const hit = this.entries.get(key);
    // Structured clone: a caller mutating its result must not change what the next caller gets.
    return hit === undefined ? undefined : structuredClone(hit);
  }

  async set(key: string, entry: CachedOutput): Promise<void> {
    this.entries.delete(key);
    this.entries.set(key, structuredClone(entry));
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }

  async eraseTranscript(transcriptText: string): Promise<void> {
    const prefix = transcriptKeyPrefix(transcriptText);
    for (const key of [...this.entries.keys()]) if (key.startsWith(prefix)) this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }
}

export const STATE_CACHE_PREFIX = 'ai-cache:';

/** On the Dapr state port; keys are `ai-cache:<key>` so they never collide with other state. */
export class StateStoreAiCache implements AiCache {
  constructor(
    private readonly store: StateStore,
    /** Kept only where the store supports TTL: cached outputs quote user transcripts, so they expire. */
    private readonly ttlSec = 30 * 24 * 3600,
  ) {}

  async get(key: string): Promise<CachedOutput | undefined> {
    const item = await this.store.get<CachedOutput>(STATE_CACHE_PREFIX + key);
    return item?.value;
  }

  async set(key: string, entry: CachedOutput): Promise<void> {
    const options = this.store.features.has('TTL') ? { ttlSec: this.ttlSec } : undefined;
    await this.store.save(STATE_CACHE_PREFIX + key, entry, options);
  }

  async eraseTranscript(transcriptText: string): Promise<void> {
    if (!this.store.keys) {
      throw new AiConfigError('ai_cache_unsupported', `state store "${this.store.name}" cannot list keys; erase AI cache entries by their full keys instead`);
    }
    const keys = await this.store.keys(STATE_CACHE_PREFIX + transcriptKeyPrefix(transcriptText));
    if (keys.length > 0) await this.store.transaction(keys.map((key) => ({ operation: 'delete' as const, key })));
  }
}
