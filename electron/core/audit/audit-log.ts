/**
 * The append-only audit log on disk: audit/<articleId>/<reviewerId>.ndjson, one JSON line per change
 * (format: shared/model/audit.ts, parsing: shared/history/audit-format.ts).
 *
 * Why per article: the History of one annotation reads only its article's log files (a few, one
 * per reviewer who changed something there), never the whole review's history, and needs no index
 * to be built or kept in step. Why per reviewer: like annotation shards, one writer per file, so a
 * sync tool carrying a team's review never sees two people append to the same file.
 *
 * Services call record() only after their change is saved: a failed save records nothing. A failed
 * append does not undo a change that is already on disk; it is logged and the change stands.
 *
 * Appends are synchronous, like shard writes (store/shard-file.ts): a line of a few hundred bytes
 * and its flush are page-cache and disk work of a fraction of a millisecond, while five round trips
 * through libuv's thread pool (mkdir, open, write, datasync, close) doubled the time of a save.
 */
import { randomUUID } from 'node:crypto';
import { closeSync, fdatasyncSync, fstatSync, mkdirSync, openSync, readSync, writeSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { formatAuditLine, parseAuditLog } from '../../../shared/history/audit-format.js';
import {
  AUDIT_ENTRY_SCHEMA_VERSION,
  ArticleId,
  ReviewerId,
  newestFirst,
  type AnnotationAuditEntry,
  type AuditEntry,
  type StudyAuditEntry,
} from '../../../shared/model/index.js';
import type { Logger } from '../context.js';

export const AUDIT_DIR = 'audit';

/** What a service tells: everything but the fields the log fills in (id, time, version). */
export type AuditRecord =
  | Omit<AnnotationAuditEntry, 'schemaVersion' | 'id' | 'time'>
  | Omit<StudyAuditEntry, 'schemaVersion' | 'id' | 'time'>;

function checkedSegment(schema: { safeParse(v: unknown): { success: boolean } }, value: string, what: string): string {
  // Ids become path segments: only valid ones, so no input can point outside the review.
  if (!schema.safeParse(value).success) throw new Error(`refusing to build an audit path from an invalid ${what}: ${value}`);
  return value;
}

export class AuditLog {
  /** Files whose last byte has been checked since opening (see ensureLineStart). */
  private readonly checkedTails = new Set<string>();
  /** Article folders known to exist (created once per session). */
  private readonly madeDirs = new Set<string>();
  private lastTime = 0;

  constructor(
    private readonly reviewDir: string,
    private readonly log: Logger,
  ) {}

  articleDir(articleId: string): string {
    return path.join(this.reviewDir, AUDIT_DIR, checkedSegment(ArticleId, articleId, 'article id'));
  }

  fileOf(articleId: string, reviewer: string): string {
    return path.join(this.articleDir(articleId), `${checkedSegment(ReviewerId, reviewer, 'reviewer id')}.ndjson`);
  }

  /** Append one entry; never throws (the change it records is already saved). Returns it, or null on failure. */
  async record(record: AuditRecord): Promise<AuditEntry | null> {
    const entry = { schemaVersion: AUDIT_ENTRY_SCHEMA_VERSION, id: randomUUID(), time: this.nextTime(), ...record } as AuditEntry;
    try {
      await this.append(this.fileOf(record.target.articleId, record.reviewer), formatAuditLine(entry));
      return entry;
    } catch (error) {
      this.log(`could not append to the audit log of article ${record.target.articleId}; the change itself was saved`, error);
      return null;
    }
  }

  /** Every entry about one article (annotations and study values), newest first. */
  async forArticle(articleId: string): Promise<AuditEntry[]> {
    const dir = this.articleDir(articleId);
    let names: string[];
    try {
      names = (await readdir(dir)).filter((n) => n.endsWith('.ndjson')).sort();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const entries: AuditEntry[] = [];
    for (const name of names) {
      const file = path.join(dir, name);
      const parsed = parseAuditLog(await readFile(file, 'utf8'), file);
      if (parsed.skipped > 0) this.log(`skipped ${parsed.skipped} unreadable line(s) of ${file}`);
      // Reversed so that the stable sort keeps the later of two same-instant lines first.
      entries.push(...parsed.entries.reverse());
    }
    return entries.sort(newestFirst);
  }

  /** The history of one annotation, newest first. */
  async forAnnotation(articleId: string, annotationId: string): Promise<AuditEntry[]> {
    return (await this.forArticle(articleId)).filter((e) => e.target.type === 'annotation' && e.target.annotationId === annotationId);
  }

  /** Strictly increasing times (1 ms apart at least), so entries order by time within this process. */
  private nextTime(): string {
    this.lastTime = Math.max(Date.now(), this.lastTime + 1);
    return new Date(this.lastTime).toISOString();
  }

  /** Opens for appending, making the article's folder first (again, should it have been removed). */
  private openForAppend(file: string): number {
    const dir = path.dirname(file);
    if (!this.madeDirs.has(dir)) {
      mkdirSync(dir, { recursive: true });
      this.madeDirs.add(dir);
    }
    try {
      return openSync(file, 'a+');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      mkdirSync(dir, { recursive: true });
      return openSync(file, 'a+');
    }
  }

  // Async for its callers; the work is synchronous (see the header).
  private async append(file: string, line: string): Promise<void> {
    const fd = this.openForAppend(file);
    try {
      const prefix = this.endsMidLine(file, fd) ? '\n' : '';
      writeSync(fd, prefix + line);
      // On disk before the caller's call returns: the log never claims less than what was saved.
      fdatasyncSync(fd);
      this.checkedTails.add(file);
    } catch (error) {
      // A failed write may itself have left a fragment: check again before the next append.
      this.checkedTails.delete(file);
      throw error;
    } finally {
      closeSync(fd);
    }
  }

  /**
   * A crash mid-append leaves a last line without its newline. Appending straight after it would glue
   * the next entry onto the fragment and lose both; so the first append to a file after opening
   * checks the last byte and, if needed, ends the fragment's line first (the reader skips it).
   */
  private endsMidLine(file: string, fd: number): boolean {
    if (this.checkedTails.has(file)) return false;
    const { size } = fstatSync(fd);
    if (size === 0) return false;
    const last = Buffer.alloc(1);
    readSync(fd, last, 0, 1, size - 1);
    return last[0] !== 0x0a;
  }
}
