/**
 * Single-writer lock: `.evidentia.lock` created exclusively (a hard link that fails if the name
 * exists, see createExclusive) holding {pid, hostname, time, token}. A second process (or a second openReview in the same process) finds it and opens the
 * review read-only. A lock left by a crashed process on this machine (pid no longer alive) is taken
 * over; a lock from another host is respected, since we cannot tell whether that process lives.
 */
import { randomBytes } from 'node:crypto';
import { link, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { unlinkSync } from 'node:fs';
import os from 'node:os';
import { tempPathFor } from './atomic.js';

export interface LockInfo {
  pid: number;
  hostname: string;
  time: string;
  /** Tells two holders in one process apart, so release() never removes someone else's lock. */
  token: string;
}

export type LockResult = { acquired: true; lock: HeldLock } | { acquired: false; holder: LockInfo | null };

/** An unreadable lock (crash between create and write) younger than this may still be being written. */
const UNREADABLE_GRACE_MS = 5_000;

/** Locks still held when the process exits are removed, so a clean exit never leaves a stale lock. */
const heldAtExit = new Set<HeldLock>();
let exitHookInstalled = false;
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const lock of heldAtExit) lock.releaseSync();
  });
}

export class HeldLock {
  private released = false;
  constructor(
    readonly file: string,
    readonly info: LockInfo,
  ) {}

  async release(): Promise<void> {
    if (this.released) return;
    this.released = true;
    heldAtExit.delete(this);
    // Only remove the file if it is still ours (someone may have judged it stale and replaced it).
    const current = await readLock(this.file);
    if (current?.token === this.info.token) await rm(this.file, { force: true });
  }

  releaseSync(): void {
    if (this.released) return;
    this.released = true;
    try {
      unlinkSync(this.file);
    } catch {
      // Exiting anyway; a leftover lock is detected as stale next time.
    }
  }
}

export function isPidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readLock(file: string): Promise<LockInfo | null> {
  try {
    const parsed = JSON.parse(await readFile(file, 'utf8')) as Partial<LockInfo>;
    if (typeof parsed.pid !== 'number' || typeof parsed.hostname !== 'string') return null;
    return { pid: parsed.pid, hostname: parsed.hostname, time: String(parsed.time ?? ''), token: String(parsed.token ?? '') };
  } catch {
    return null;
  }
}

/** Errors of link() that mean "no hard links here" (FAT, some network shares). */
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'ENOSYS', 'EOPNOTSUPP']);

/**
 * Create the lock with its content in one step: the content goes into a temporary file, which is
 * then hard-linked under the lock's name (link fails with EEXIST when the lock exists, like O_EXCL).
 * A process killed at any moment so leaves either no lock or a complete one, never the empty lock
 * that would make the next opener wait out UNREADABLE_GRACE_MS read-only. Where hard links are not
 * supported, falls back to an exclusive create then write.
 */
async function createExclusive(file: string, info: LockInfo): Promise<boolean> {
  const temp = tempPathFor(file);
  try {
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(JSON.stringify(info, null, 2));
      await handle.sync();
    } finally {
      await handle.close();
    }
    await link(temp, file);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (code === 'EEXIST') return false;
    if (NO_HARD_LINKS.has(code)) return createExclusiveInPlace(file, info);
    throw error;
  } finally {
    await rm(temp, { force: true }).catch(() => undefined);
  }
}

async function createExclusiveInPlace(file: string, info: LockInfo): Promise<boolean> {
  try {
    const handle = await open(file, 'wx');
    try {
      await handle.writeFile(JSON.stringify(info, null, 2));
      await handle.sync();
    } finally {
      await handle.close();
    }
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

async function isStale(file: string, holder: LockInfo | null): Promise<boolean> {
  if (holder === null) {
    try {
      return Date.now() - (await stat(file)).mtimeMs > UNREADABLE_GRACE_MS;
    } catch {
      return true; // vanished meanwhile: try again
    }
  }
  return holder.hostname === os.hostname() && !isPidAlive(holder.pid);
}

/**
 * Move a stale lock aside, checking that what we moved is the lock we judged stale: if another
 * process took it over in between, put theirs back and give up.
 */
async function takeOverStale(file: string, judged: LockInfo | null): Promise<boolean> {
  const aside = `${file}.stale-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    await rename(file, aside);
  } catch {
    return true; // already gone: just retry the exclusive create
  }
  const moved = await readLock(aside);
  if (judged !== null && moved?.token !== judged.token) {
    await rename(aside, file).catch(() => undefined);
    return false;
  }
  await rm(aside, { force: true });
  return true;
}

export async function acquireLock(file: string): Promise<LockResult> {
  const info: LockInfo = {
    pid: process.pid,
    hostname: os.hostname(),
    time: new Date().toISOString(),
    token: randomBytes(8).toString('hex'),
  };
  // A few rounds: after moving a stale lock aside, the exclusive create is tried again.
  for (let attempt = 0; attempt < 3; attempt++) {
    if (await createExclusive(file, info)) {
      const lock = new HeldLock(file, info);
      heldAtExit.add(lock);
      installExitHook();
      return { acquired: true, lock };
    }
    const holder = await readLock(file);
    if (!(await isStale(file, holder))) return { acquired: false, holder };
    if (!(await takeOverStale(file, holder))) return { acquired: false, holder: await readLock(file) };
  }
  return { acquired: false, holder: await readLock(file) };
}
