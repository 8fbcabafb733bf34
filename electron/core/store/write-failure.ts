/**
 * A failed write, told so the user can act on it (free disk space, fix permissions) and knows what
 * happened to their work. Errors without an errno code (bugs) are passed through unchanged.
 */
import { EvidentiaError } from '../../../shared/result.js';

const REASONS: Record<string, string> = {
  ENOENT: 'its folder does not exist',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EACCES: 'permission was denied',
  EPERM: 'the operation was not permitted',
  EROFS: 'the disk is read-only',
  EISDIR: 'a folder is in the way',
  ENOTDIR: 'a file is in the way',
  EMFILE: 'too many files are open',
  ENAMETOOLONG: 'the path is too long',
  EIO: 'the disk reported an error',
};

/** A write's errno code in words ("the disk is full"). */
export function writeReason(code: string): string {
  return REASONS[code] ?? 'the system refused the write';
}

export function writeFailure(file: string, error: unknown): unknown {
  if (error instanceof EvidentiaError) return error;
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (typeof code !== 'string') return error;
  const reason = writeReason(code);
  return new EvidentiaError(
    'io-error',
    `Could not save ${file}: ${reason} (${code}). This change was not saved; everything saved before is intact.`,
  );
}
