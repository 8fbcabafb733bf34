/**
 * The lowdb adapter of review.json and article files: lowdb's own JSONFile writes through steno,
 * which renames its temporary file without flushing it first, so after a power loss the new name
 * may point at an empty file on some filesystems. This one writes with atomic.ts's writeFileAtomic
 * (temp file, fsync, rename, fsync of the folder) and can keep the previous version as
 * `<file>.bak`, which ReviewStore.open restores when the file itself is missing or damaged
 * (see recover.ts).
 *
 * The backup is a hard link to the file being replaced, made just before the rename: no bytes are
 * copied, and the file's name is never missing (a second process opening the review read-only at
 * that moment still finds it). Where hard links are not supported (FAT, some network shares) the
 * old file is copied instead.
 */
import { copyFile, link, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Adapter } from 'lowdb';
import { tempPathFor, writeFileAtomic } from './atomic.js';

export interface DurableFileOptions {
  /** JSON.stringify's indentation: 2 for files people read (review.json), none for large machine-written ones. */
  indent?: number;
  /** Keep the version being replaced as `<file>.bak`. */
  backup?: boolean;
}

export const backupPathOf = (file: string): string => `${file}.bak`;

export class DurableJsonFile<T> implements Adapter<T> {
  /** Writes run one after the other, in call order: a later state is never overwritten by an earlier one. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly file: string,
    private readonly options: DurableFileOptions = {},
  ) {}

  async read(): Promise<T | null> {
    try {
      return JSON.parse(await readFile(this.file, 'utf8')) as T;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  write(data: T): Promise<void> {
    // Serialised now, so what is written is the data as it was when write() was called.
    const text = JSON.stringify(data, null, this.options.indent);
    const run = this.queue.then(() => this.writeNow(text));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async writeNow(text: string): Promise<void> {
    await writeFileAtomic(this.file, text, {
      // lowdb's own temporary name (`.<name>.tmp`): one writer per file (the lock, and the queue
      // above), so a fixed name is safe, and a leftover one is simply overwritten.
      temp: path.join(path.dirname(this.file), `.${path.basename(this.file)}.tmp`),
      ...(this.options.backup ? { beforeRename: () => keepPrevious(this.file) } : {}),
    });
  }
}

/** Errors of link() that mean "no hard links here": fall back to a copy. */
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'ENOSYS', 'EXDEV', 'EOPNOTSUPP', 'EMLINK']);

/** `<file>.bak` becomes the current `<file>` (nothing to do when there is none yet). */
async function keepPrevious(file: string): Promise<void> {
  const backup = backupPathOf(file);
  const temp = tempPathFor(backup);
  try {
    await link(file, temp);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (code === 'ENOENT') return;
    if (!NO_HARD_LINKS.has(code)) throw error;
    await copyFile(file, temp);
  }
  try {
    await rename(temp, backup);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
