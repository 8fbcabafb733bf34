import { describe, expect, it } from 'vitest';
import { writeFailure } from '../../electron/core/store/write-failure.js';
import { EvidentiaError } from '../../shared/result.js';

function errno(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: failed`), { code });
}

describe('writeFailure', () => {
  it('tells a full disk and a permission problem in words, with the file, as io-error', () => {
    const full = writeFailure('/r/annotations/a/me.json', errno('ENOSPC'));
    expect(full).toBeInstanceOf(EvidentiaError);
    expect((full as EvidentiaError).code).toBe('io-error');
    expect((full as EvidentiaError).message).toBe(
      'Could not save /r/annotations/a/me.json: the disk is full (ENOSPC). This change was not saved; everything saved before is intact.',
    );
    expect((writeFailure('/r/review.json', errno('EACCES')) as Error).message).toContain('permission was denied (EACCES)');
    expect((writeFailure('/r/review.json', errno('EWEIRD')) as Error).message).toContain('the system refused the write (EWEIRD)');
  });

  it('passes bugs and already-explained errors through unchanged', () => {
    const bug = new TypeError('x is undefined');
    expect(writeFailure('/r/review.json', bug)).toBe(bug);
    const explained = new EvidentiaError('read-only', 'read-only');
    expect(writeFailure('/r/review.json', explained)).toBe(explained);
  });
});
