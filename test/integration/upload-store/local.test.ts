// The shared UploadStore suite against LocalUploadStore (tus FileStore on a temp directory).
import { afterAll, describe, expect, it } from '@jest/globals';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { Upload } from '@tus/utils';
import { DiskFileStore } from '../../../services/upload/disk-file-store.js';
import { LocalUploadStore } from '../../../services/upload/upload.store.js';
import { WriteBudget } from '../../../services/upload/write-budget.js';
import { uploadStoreSuite } from './upload-store.suite.js';

uploadStoreSuite('local', {
  async create(expirationMs) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ib-upload-store-'));
    return {
      store: new LocalUploadStore(dir, expirationMs),
      reopen: () => new LocalUploadStore(dir, expirationMs),
      close: async () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  },
});

describe('DiskFileStore write budget', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
  const storeWith = async (budget: WriteBudget) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ib-upload-budget-'));
    dirs.push(dir);
    const store = new DiskFileStore({ directory: dir, writeBudget: budget });
    for (const id of ['a', 'b']) await store.create(new Upload({ id, size: 1000, offset: 0 }));
    return store;
  };

  it('a running PATCH holds a share of the budget and gives it back when it ends, on success or failure', async () => {
    const budget = new WriteBudget({ totalBytes: 1000, minBytes: 10, maxBytes: 800 });
    const store = await storeWith(budget);
    const a = new PassThrough();
    const b = new PassThrough();
    const writeA = store.write(a, 'a', 0);
    const writeB = store.write(b, 'b', 0);
    await new Promise((r) => setTimeout(r, 20)); // both opened their files and took a share
    expect(budget.active).toBe(2);
    expect(budget.shareBytes()).toBe(500);
    a.end(Buffer.alloc(300, 1));
    expect(await writeA).toBe(300);
    expect(budget.active).toBe(1);
    b.write(Buffer.alloc(100, 2));
    setTimeout(() => b.destroy(new Error('client went away')), 20);
    await expect(writeB).rejects.toBeDefined();
    expect(budget.active).toBe(0);
    expect(fs.statSync(path.join(store.directory, 'b')).size).toBe(100); // what arrived is kept
  });
});
