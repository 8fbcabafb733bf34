/**
 * Atomic, durable writes: write a temporary file in the same folder, flush it to the disk (fsync),
 * rename it over the target, then flush the folder so the rename itself is on the disk.
 *
 * What each step buys:
 * - temp file + rename: a process that dies at any moment (crash, kill, closed laptop lid while the
 *   OS keeps running) leaves either the old file or the new one, never a truncated one. The page
 *   cache survives a process's death, so this alone is what test/torture proves.
 * - fsync of the temporary file before the rename: after a power loss or OS crash, some filesystems
 *   (XFS, btrfs, NTFS, APFS, ext4 without auto_da_alloc) may otherwise persist the rename before
 *   the data, leaving an empty or partial file under the real name. The torture harness cannot
 *   prove this (it kills processes, not the machine); it follows the POSIX rules for durability.
 * - fsync of the folder after the rename: the new name is on the disk once the call returns, so an
 *   acknowledged save survives a power loss. Windows cannot open a folder for flushing (EISDIR /
 *   EPERM / EACCES); there NTFS's journal orders the metadata and the step is skipped.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, type PathLike } from 'node:fs';
import { open, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { writeFailure } from './write-failure.js';

/** A temporary file beside `target` (same folder, so the rename is atomic), hidden and unique. */
export function tempPathFor(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
}

/** Names tempPathFor makes, and steno's (lowdb's former writer) `.<name>.tmp`. */
export const TEMP_FILE = /^\..+\.tmp$/;

/** Errors that mean "folders cannot be flushed here" (Windows, some network filesystems), not a failed write. */
const DIR_SYNC_UNSUPPORTED = new Set(['EISDIR', 'EPERM', 'EACCES', 'EINVAL', 'ENOTSUP', 'EBADF']);

/** Flush a folder's entries (a rename or a new file in it) to the disk, where the platform allows. */
export function syncDirSync(dir: PathLike): void {
  let fd: number;
  try {
    fd = openSync(dir, 'r');
  } catch (error) {
    if (DIR_SYNC_UNSUPPORTED.has((error as NodeJS.ErrnoException).code ?? '')) return;
    throw error;
  }
  try {
    fsyncSync(fd);
  } catch (error) {
    if (!DIR_SYNC_UNSUPPORTED.has((error as NodeJS.ErrnoException).code ?? '')) throw error;
  } finally {
    closeSync(fd);
  }
}

export async function syncDir(dir: string): Promise<void> {
  let handle;
  try {
    handle = await open(dir, 'r');
  } catch (error) {
    if (DIR_SYNC_UNSUPPORTED.has((error as NodeJS.ErrnoException).code ?? '')) return;
    throw error;
  }
  try {
    await handle.sync();
  } catch (error) {
    if (!DIR_SYNC_UNSUPPORTED.has((error as NodeJS.ErrnoException).code ?? '')) throw error;
  } finally {
    await handle.close();
  }
}

export interface AtomicWriteOptions {
  /** A fixed temporary name (one writer per file), instead of a random one beside the target. */
  temp?: string;
  /** Runs once the new content is flushed, just before the rename (review.json's backup). */
  beforeRename?: () => Promise<void>;
}

export async function writeFileAtomic(target: string, bytes: Uint8Array | string, options: AtomicWriteOptions = {}): Promise<void> {
  const temp = options.temp ?? tempPathFor(target);
  try {
    // A random name must be new; a fixed one may be left over from a crash and is overwritten.
    const handle = await open(temp, options.temp ? 'w' : 'wx');
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await options.beforeRename?.();
    await rename(temp, target);
    await syncDir(path.dirname(target));
  } catch (error) {
    // Not recursive: whatever is in the way under that name (a folder) is not ours to remove.
    await rm(temp, { force: true }).catch(() => undefined);
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

/**
 * Remove the temporary files a killed writer left in `dir` (not in its subfolders); returns their
 * names. Only the lock holder calls this, before it writes anything: every temporary name is
 * random, so even a stray write racing with it could not lose its own file to it.
 * @param keep names to leave alone (another process's lock being created, see lock.ts).
 */
export async function removeTempFiles(dir: string, keep: (name: string) => boolean = () => false): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR') return [];
    throw error;
  }
  const removed: string[] = [];
  for (const name of names) {
    if (!TEMP_FILE.test(name) || keep(name)) continue;
    await rm(path.join(dir, name), { force: true });
    removed.push(name);
  }
  return removed;
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
