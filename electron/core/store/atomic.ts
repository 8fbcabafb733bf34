/**
 * Atomic writes for files lowdb does not manage (original file blobs): write a temporary file in the
 * same folder, flush it, then rename over the target. A crash leaves either no file or the whole
 * file, never a truncated one.
 */
import { randomBytes } from 'node:crypto';
import { open, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { writeFailure } from './write-failure.js';

/** A temporary file beside `target` (same folder, so the rename is atomic), hidden and unique. */
export function tempPathFor(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
}

export async function writeFileAtomic(target: string, bytes: Uint8Array): Promise<void> {
  const temp = tempPathFor(target);
  try {
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, target);
  } catch (error) {
    await removeQuietly(temp);
    throw writeFailure(target, error);
  }
}

/** Remove a file or folder if present; used in clean-up paths where a second failure must not hide the first. */
export async function removeQuietly(target: string): Promise<void> {
  try {
    await rm(target, { recursive: true, force: true });
  } catch {
    // Clean-up is best effort: the caller is already reporting the original failure.
  }
}

export async function exists(target: string): Promise<boolean> {
  try {
    await stat(target);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}
