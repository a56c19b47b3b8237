import { describe, expect, it } from '@jest/globals';
import { ConfigError, loadConfig } from '../../../services/config.js';
import { isAppError } from '../../../services/shared/errors.js';
import { parseUploadMetadata } from '../../../services/upload/tus.metadata.js';
import { interviewIdOfUpload, uploadIdFor } from '../../../services/upload/upload.store.js';

describe('loadConfig', () => {
  it('applies defaults: 2 GB uploads, port 8080', () => {
    const c = loadConfig({});
    expect([c.PORT, c.MAX_UPLOAD_BYTES, c.FIREBASE_PROJECT_ID]).toEqual([8080, 2 * 1024 ** 3, 'demo-interview-buddy']);
    expect(c.dataDir).toMatch(/\.data$/);
  });

  it('names every bad variable in one clear error', () => {
    let err: unknown;
    try {
      loadConfig({ PORT: 'eighty', MAX_UPLOAD_BYTES: '-1', UPLOAD_SWEEP_SCHEDULE: 'daily' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    const msg = (err as Error).message;
    for (const name of ['PORT', 'MAX_UPLOAD_BYTES', 'UPLOAD_SWEEP_SCHEDULE']) expect(msg).toContain(name);
  });
});

describe('tus Upload-Metadata', () => {
  it('decodes base64 values and keys without values', () => {
    const header = `interviewId ${Buffer.from('abc').toString('base64')},filename ${Buffer.from('my talk.mp4').toString('base64')},is_confidential`;
    expect(parseUploadMetadata(header)).toEqual({ interviewId: 'abc', filename: 'my talk.mp4', is_confidential: '' });
    expect(parseUploadMetadata(undefined)).toEqual({});
  });

  it.each(['interviewId !!!', 'a b c', ' ,', 'x YQ==,y YQ== z'])('rejects %j with invalid_metadata', (header) => {
    let err: unknown;
    try {
      parseUploadMetadata(header);
    } catch (e) {
      err = e;
    }
    expect(isAppError(err) && [err.code, err.status]).toEqual(['invalid_metadata', 400]);
  });
});

describe('upload ids', () => {
  it('carry their interview id, so ownership needs no lookup table', () => {
    const id = '2b1df20c-7a7d-4428-9c67-19875e3fd338';
    expect(interviewIdOfUpload(uploadIdFor(id, 'ff00'))).toBe(id);
    expect(interviewIdOfUpload('no-separator')).toBeUndefined();
    expect(interviewIdOfUpload('--leading')).toBeUndefined();
  });
});
