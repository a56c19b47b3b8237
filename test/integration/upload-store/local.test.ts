// The shared UploadStore suite against LocalUploadStore (tus FileStore on a temp directory).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LocalUploadStore } from '../../../services/upload/upload.store.js';
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
