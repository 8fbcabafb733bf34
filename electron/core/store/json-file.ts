/**
 * One persisted JSON file of a review, through lowdb (`new Low(adapter)`; reads through lowdb's
 * JSONFile, writes through DurableJsonFile, which flushes what lowdb's own writer does not: see
 * durable-file.ts). Unlike JSONFilePreset this never switches to memory under NODE_ENV=test, and
 * it adds what lowdb leaves out: migration and schema validation on read, validation before every
 * write, a copy of a file as it was before its first migrated write, and errors that name the file.
 */
import { readFile, stat } from 'node:fs/promises';
import { Low, type Adapter } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import type { z } from 'zod';
import { migrate, type MigrationList } from '../../../shared/migrations/index.js';
import { EvidentiaError } from '../../../shared/result.js';
import { exists, writeFileAtomic } from './atomic.js';
import { DurableJsonFile } from './durable-file.js';
import { writeFailure } from './write-failure.js';

export interface DocSpec<T> {
  schema: z.ZodType<T>;
  migrations: MigrationList;
  /**
   * Written without indentation: for the large machine-written files (article texts, annotation
   * shards) that halves the bytes to serialise and write on every save. review.json stays indented.
   */
  compact?: boolean;
  /** A writer of its own (annotation shards: see shard-file.ts); `forget` drops what it remembers. */
  adapter?: (file: string) => DocAdapter<T>;
  /** Keep the previous version as `<file>.bak` on every write (review.json: see recover.ts). */
  backup?: boolean;
}

/** A lowdb adapter that may remember serialised pieces (`forget`) and the stamp of its last write. */
export type DocAdapter<T> = Adapter<T> & { forget?(): void; lastWritten?: FileStamp | null };

const MAX_ISSUES = 3;

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, MAX_ISSUES)
    .map((i) => `${i.path.join('.') || '(top level)'}: ${i.message}`)
    .join('; ');
}

function ioError(file: string, error: unknown): EvidentiaError {
  const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
  return new EvidentiaError('io-error', `Could not read ${file} (${code}).`);
}

export interface FileStamp {
  size: number;
  mtimeMs: number;
}

async function hasStamp(file: string, stamp: FileStamp): Promise<boolean> {
  try {
    const info = await stat(file);
    return info.size === stamp.size && info.mtimeMs === stamp.mtimeMs;
  } catch {
    return false;
  }
}

/** Where a file of schema version `version` is kept before its first migrated write replaces it. */
export const migrationBackupPathOf = (file: string, version: number): string => `${file}.v${version}.bak`;

/**
 * Copy `file` as it is on disk to `<file>.v<version>.bak`, unless such a copy exists already (the
 * first one is the original: a later run must not replace it). Called before a file that was
 * migrated at load is overwritten, so the user can go back to an older Evidentia with their data.
 */
export async function backupBeforeMigratedWrite(file: string, version: number): Promise<void> {
  const backup = migrationBackupPathOf(file, version);
  if (await exists(backup)) return;
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  await writeFileAtomic(backup, bytes);
}

export class JsonDoc<T> {
  private readonly low: Low<T>;
  private readonly adapter: DocAdapter<T>;
  /** The schema version the file had on disk when it was loaded and migrated; null once it is backed up (or was current). */
  migratedFrom: number | null = null;

  private constructor(
    readonly file: string,
    private readonly spec: DocSpec<T>,
    data: T,
  ) {
    this.adapter = spec.adapter
      ? spec.adapter(file)
      : new DurableJsonFile<T>(file, { ...(spec.compact ? {} : { indent: 2 }), ...(spec.backup ? { backup: true } : {}) });
    this.low = new Low<T>(this.adapter, data);
  }

  /** Before code that may edit the data's objects in place: the writer must not reuse what it serialised. */
  forgetSerialised(): void {
    this.adapter.forget?.();
  }

  /** A document that does not exist on disk yet; nothing is written until save(). */
  static create<T>(file: string, spec: DocSpec<T>, data: T): JsonDoc<T> {
    return new JsonDoc(file, spec, data);
  }

  /**
   * Read, migrate and validate; null when the file does not exist.
   * @param validated the size and mtime the file had when this app last validated or wrote it (the
   *   annotation catalogue keeps them): when the file still has them, before and after the read,
   *   it holds exactly what was validated and the schema check is skipped. Reading a whole review
   *   (the sheet, exports) is several times faster so; a file changed by anyone else is checked.
   */
  static async load<T>(file: string, spec: DocSpec<T>, validated?: FileStamp | null): Promise<JsonDoc<T> | null> {
    const reader = new Low<unknown>(new JSONFile<unknown>(file), null);
    const unchanged = validated ? await hasStamp(file, validated) : false;
    try {
      await reader.read();
    } catch (error) {
      if (error instanceof SyntaxError) {
        throw new EvidentiaError('corrupt-file', `${file} is damaged: it is not valid JSON (${error.message}).`);
      }
      throw ioError(file, error);
    }
    if (reader.data === null) return null;
    const { data, applied, fromVersion } = migrate(spec.migrations, reader.data, file);
    if (unchanged && applied.length === 0 && (await hasStamp(file, validated!))) return new JsonDoc(file, spec, data as unknown as T);
    const parsed = spec.schema.safeParse(data);
    if (!parsed.success) {
      throw new EvidentiaError('corrupt-file', `${file} is damaged: ${describeIssues(parsed.error)}.`);
    }
    const doc = new JsonDoc(file, spec, parsed.data);
    if (applied.length > 0) doc.migratedFrom = fromVersion;
    return doc;
  }

  /** Size and mtime of the file right after the last save, when the writer knows them (shards). */
  get lastWritten(): FileStamp | null {
    return this.adapter.lastWritten ?? null;
  }

  get data(): T {
    return this.low.data;
  }

  set data(value: T) {
    this.low.data = value;
  }

  /**
   * Validate, then write atomically. Invalid data is a bug and is never written.
   * @param check validates just what the caller changed, instead of the whole document: the rest
   *   was valid when loaded and at every save since (a shard of a thousand annotations is not
   *   validated again for each new one). Throws like a failed validation.
   */
  async save(check?: () => void): Promise<void> {
    if (check) {
      check();
    } else {
      const parsed = this.spec.schema.safeParse(this.low.data);
      if (!parsed.success) {
        throw new Error(`refusing to write invalid data to ${this.file}: ${describeIssues(parsed.error)}`);
      }
    }
    try {
      if (this.migratedFrom !== null) {
        await backupBeforeMigratedWrite(this.file, this.migratedFrom);
        this.migratedFrom = null;
      }
      await this.low.write();
    } catch (error) {
      throw writeFailure(this.file, error);
    }
  }
}
