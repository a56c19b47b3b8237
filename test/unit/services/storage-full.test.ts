/** "Disk full" is recognised however it surfaces: errno, SQLite code, or wrapped in an actor turn. */
import { describe, expect, it } from '@jest/globals';
import { ActorInvokeError } from '../../../dapr/ports/errors.js';
import { isStorageFull, StorageFullError } from '../../../services/shared/storage-full.js';
import { isStartupBlockedByFullDisk } from '../../../services/storage-wait.js';

const coded = (code: string) => Object.assign(new Error(code), { code });

describe('isStorageFull', () => {
  it.each(['ENOSPC', 'EDQUOT', 'SQLITE_FULL'])('%s, bare or as the cause of an actor turn', (code) => {
    expect(isStorageFull(coded(code))).toBe(true);
    expect(isStorageFull(new ActorInvokeError('InterviewActor/x', 'dispatch', coded(code)))).toBe(true);
    expect(isStorageFull(new Error('outer', { cause: new Error('middle', { cause: coded(code) }) }))).toBe(true);
  });

  it('its own typed error', () => {
    expect(isStorageFull(new StorageFullError())).toBe(true);
    expect(new StorageFullError()).toMatchObject({ code: 'storage_full', status: 507 });
  });

  it.each([['EACCES'], ['SQLITE_BUSY'], ['SQLITE_IOERR_SHMSIZE'], [undefined]])('not for %s', (code) => {
    expect(isStorageFull(code ? coded(code) : new Error('boom'))).toBe(false);
  });

  it('is not fooled by a cause cycle or non-errors', () => {
    const a: Error & { cause?: unknown } = new Error('a');
    a.cause = a;
    expect(isStorageFull(a)).toBe(false);
    expect(isStorageFull(null)).toBe(false);
    expect(isStorageFull('ENOSPC')).toBe(false);
  });
});

describe('isStartupBlockedByFullDisk', () => {
  it('takes a SQLite I/O error as "disk full" only when the disk has (almost) no room', () => {
    const shm = coded('SQLITE_IOERR_SHMSIZE');
    expect(isStartupBlockedByFullDisk(shm, '/tmp')).toBe(false); // /tmp has room here
    expect(isStartupBlockedByFullDisk(coded('SQLITE_FULL'), '/tmp')).toBe(true);
    expect(isStartupBlockedByFullDisk(coded('SQLITE_CORRUPT'), '/tmp')).toBe(false);
  });
});
