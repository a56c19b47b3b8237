// The shared UploadStore suite against AzureBlobUploadStore on Azurite (one Azurite, a fresh
// container per backend). Small blocks (64 KiB) so every PATCH is staged as several blocks.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll } from '@jest/globals';
import { AzureBlobUploadStore } from '../../../services/upload/azure-blob.store.js';
import { type Azurite, startAzurite } from '../../helpers/azurite.js';
import { uploadStoreSuite } from './upload-store.suite.js';

let azurite: Azurite;
beforeAll(async () => {
  azurite = await startAzurite();
});
afterAll(async () => {
  await azurite?.stop();
});

uploadStoreSuite('azure-blob (Azurite)', {
  async create(expirationMs) {
    const container = `uploads-${randomUUID().slice(0, 8)}`;
    const build = () => new AzureBlobUploadStore({ connectionString: azurite.connectionString, container, expirationMs, blockSize: 64 * 1024 });
    const store = build();
    return { store, reopen: build, close: async () => {} };
  },
});
