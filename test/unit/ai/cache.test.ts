import { afterEach, describe, expect, it } from '@jest/globals';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ManualClock } from '../../../dapr/embedded/clock.js';
import { openDb, type Db } from '../../../dapr/embedded/db.js';
import { EmbeddedStateStore } from '../../../dapr/embedded/state.js';
import { cacheKey, sha256Hex } from '../../../services/ai/cache-key.js';
import { MemoryAiCache, StateStoreAiCache } from '../../../services/ai/cache.js';

const PARTS = { transcriptText: 'Q: why? A: because.', task: 'star', promptVersion: 'star-v1', modelId: 'gpt-4o-mini' };

describe('cacheKey (pure)', () => {
  it('is stable and starts with the transcript hash', () => {
    expect(cacheKey(PARTS)).toBe(cacheKey({ ...PARTS }));
    expect(cacheKey(PARTS)).toBe(`${sha256Hex(PARTS.transcriptText)}:star:star-v1:gpt-4o-mini`);
  });
  it.each([
    ['transcript', { transcriptText: 'other' }],
    ['task', { task: 'summary' }],
    ['prompt version', { promptVersion: 'star-v2' }],
    ['model', { modelId: 'claude-haiku-4-5' }],
    ['item', { item: 'answer 2' }],
  ])('changes with the %s', (_part, change) => {
    expect(cacheKey({ ...PARTS, ...change })).not.toBe(cacheKey(PARTS));
  });
  it('never puts the transcript or item text itself in the key', () => {
    const key = cacheKey({ ...PARTS, item: 'my secret answer' });
    expect(key).not.toContain('because');
    expect(key).not.toContain('secret');
  });
});

describe('MemoryAiCache', () => {
  it('misses, then hits with a copy the caller cannot corrupt', async () => {
    const cache = new MemoryAiCache();
    expect(await cache.get('k')).toBeUndefined();
    await cache.set('k', { value: { tips: ['a'] } });
    const hit = await cache.get('k');
    (hit!.value as { tips: string[] }).tips.push('mutated');
    expect(await cache.get('k')).toEqual({ value: { tips: ['a'] } });
  });
  it('evicts the oldest entry past its bound', async () => {
    const cache = new MemoryAiCache(2);
    await cache.set('a', { value: 1 });
    await cache.set('b', { value: 2 });
    await cache.set('c', { value: 3 });
    expect(cache.size).toBe(2);
    expect(await cache.get('a')).toBeUndefined();
  });
  it('erases every entry derived from one transcript', async () => {
    const cache = new MemoryAiCache();
    await cache.set(cacheKey(PARTS), { value: 1 });
    await cache.set(cacheKey({ ...PARTS, task: 'summary' }), { value: 2 });
    await cache.set(cacheKey({ ...PARTS, transcriptText: 'another interview' }), { value: 3 });
    await cache.eraseTranscript(PARTS.transcriptText);
    expect(cache.size).toBe(1);
  });
});

describe('StateStoreAiCache (Dapr state port, embedded adapter)', () => {
  let dir: string;
  let db: Db | undefined;
  afterEach(() => {
    db?.close();
    db = undefined;
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const open = (clock = new ManualClock(1_000_000)) => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ai-cache-'));
    db = openDb(dir);
    const store = new EmbeddedStateStore(db, 'statestore', clock);
    return { store, clock, cache: new StateStoreAiCache(store, 60) };
  };

  it('stores under ai-cache: keys and reads them back', async () => {
    const { store, cache } = open();
    const key = cacheKey(PARTS);
    expect(await cache.get(key)).toBeUndefined();
    await cache.set(key, { value: { summary: 's' } });
    expect(await cache.get(key)).toEqual({ value: { summary: 's' } });
    expect(await store.keys!('ai-cache:')).toEqual([`ai-cache:${key}`]);
  });
  it('lets entries expire (they quote user transcripts)', async () => {
    const { cache, clock } = open();
    await cache.set('k', { value: 1 });
    clock.advance(61_000);
    expect(await cache.get('k')).toBeUndefined();
  });
  it('erases one transcript’s entries in one transaction, leaving others', async () => {
    const { store, cache } = open();
    await store.save('interview:1', { keep: true });
    await cache.set(cacheKey(PARTS), { value: 1 });
    await cache.set(cacheKey({ ...PARTS, task: 'summary' }), { value: 2 });
    await cache.set(cacheKey({ ...PARTS, transcriptText: 'another' }), { value: 3 });
    await cache.eraseTranscript(PARTS.transcriptText);
    expect(await store.keys!('ai-cache:')).toEqual([`ai-cache:${cacheKey({ ...PARTS, transcriptText: 'another' })}`]);
    expect(await store.get('interview:1')).toBeDefined();
  });
});
