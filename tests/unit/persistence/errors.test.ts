import { describe, expect, it } from 'vitest';
import { classifyStorageError } from '../../../src/persistence/errors';
import { storageErrors } from '../../helpers/testDb';

describe('storage errors', () => {
  it.each([
    [storageErrors.quota(), 'quota'],
    [storageErrors.firefoxQuota(), 'quota'],
    [storageErrors.nestedQuota(), 'quota'],
    [Object.assign(new Error('x'), { code: 22 }), 'quota'],
    [storageErrors.closed(), 'closed'],
    [storageErrors.versionChange(), 'newer-version'],
    [Object.assign(new Error('no idb'), { name: 'MissingAPIError' }), 'missing'],
    [Object.assign(new Error('aborted'), { name: 'AbortError', inner: storageErrors.closed() }), 'closed'],
    [new Error('odd'), 'unknown'],
    [undefined, 'unknown'],
  ])('classifies %o as %s', (error, kind) => {
    expect(classifyStorageError(error)).toBe(kind);
  });
});
