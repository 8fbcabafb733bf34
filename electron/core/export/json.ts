/**
 * The restorable JSON export (schema in json-schema.ts): review settings, every article in full
 * (text included), every annotation and study record as stored, and the bytes of every stored file
 * as base64. restore.ts reads it back. Numbers stay as typed, with no spreadsheet escaping.
 * Streamed (json-stream.ts), so neither the annotations nor the files are ever held all at once.
 */
import { readFile } from 'node:fs/promises';
import { Article } from '../../../shared/model/index.js';
import { EvidentiaError } from '../../../shared/result.js';
import type { CoreContext } from '../context.js';
import { EXPORT_FORMAT, EXPORT_VERSION, type EvidentiaExportInput, type ExportedStudy } from './json-schema.js';
import { ARTICLE_MIGRATIONS } from '../../../shared/migrations/index.js';
import { JsonDoc } from '../store/json-file.js';
import { articleAnnotations } from './annotation-order.js';
import { JsonMember, jsonEnvelope } from './json-stream.js';
import type { ExportProgress } from './progress.js';
import { readAhead } from './read-ahead.js';
import { annotationTotal, articlesWithShards } from './shard-reader.js';
import type { Sink } from './sink.js';

/**
 * export.run returns the export as one string (ExportFile.content), and V8 strings stop at about
 * 512 MB: past this many characters of file data that export is refused with a clear message
 * instead of crashing. An export to a file has no such limit.
 */
export const MAX_CONTENT_FILE_CHARS = 400_000_000;

/** Articles read ahead of the one being written. */
const READ_AHEAD = 4;
/** Text is handed to the sink in pieces about this large. */
const CHUNK_CHARS = 256 * 1024;

async function blob(ctx: CoreContext, file: Article['source']): Promise<{ ext: string; base64: string }> {
  try {
    const bytes = await readFile(ctx.store.paths.resolveStored(file.storedAs));
    return { ext: file.ext, base64: bytes.toString('base64') };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    throw new EvidentiaError('io-error', `The stored file ${file.storedAs} (${file.fileName}) cannot be read (${code}), so the export would be incomplete.`);
  }
}

async function articleOf(ctx: CoreContext, id: string): Promise<Article> {
  const doc = await JsonDoc.load(ctx.store.paths.article(id), { schema: Article, migrations: ARTICLE_MIGRATIONS });
  if (doc === null) throw new EvidentiaError('not-found', `No article ${id} in this review.`);
  return doc.data;
}

/**
 * The export, streamed: articles as they are read, then the annotations article by article, the
 * study records, and the stored files one at a time, each base64-encoded as it is written.
 */
export async function writeJsonExport(ctx: CoreContext, sink: () => Promise<Sink>, progress: ExportProgress, now: Date, maxFileChars: number | null): Promise<void> {
  const review = ctx.store.review;
  const rows = [...review.articles];
  const out = await sink();
  const [head, afterArticles, afterAnnotations, afterStudy, tail] = jsonEnvelope((slot) => ({
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exported: now.toISOString(),
    review: {
      name: review.name,
      reviewers: review.reviewers,
      templates: review.templates,
      duplicates: review.duplicates,
      studies: review.studies,
      notSameStudy: review.notSameStudy,
      rejectedSuggestions: review.rejectedSuggestions,
    } satisfies EvidentiaExportInput['review'],
    // The members below are written one element at a time, each at depth 1 (see JsonMember).
    articles: slot(),
    annotations: slot(),
    study: slot(),
    files: slot(),
  }) satisfies Record<keyof EvidentiaExportInput, unknown>);
  let pending = head!;
  const flush = async (force = false) => {
    if (pending.length >= CHUNK_CHARS || (force && pending !== '')) {
      await out.write(pending);
      pending = '';
    }
  };
  const annotationCount = await annotationTotal(ctx.store, rows);
  let total = rows.length + annotationCount;
  let done = 0;

  const files = new Map<string, Article['source']>();
  const articles = new JsonMember('array', 1);
  for await (const { value: article } of readAhead(rows, READ_AHEAD, (row) => articleOf(ctx, row.id))) {
    await progress.step(done, total, 'Writing articles');
    pending += articles.item(article);
    for (const file of [article.source, ...article.attachments]) if (!files.has(file.sha256)) files.set(file.sha256, file);
    done += 1;
    await flush();
  }
  pending += articles.close() + afterArticles!;
  total += files.size;

  const annotations = new JsonMember('array', 1);
  const study: ExportedStudy[] = [];
  for await (const { shards } of articlesWithShards(ctx.store, rows)) {
    for (const a of articleAnnotations(shards)) {
      pending += annotations.item(a);
      done += 1;
    }
    for (const shard of shards) for (const record of shard.study) study.push({ articleId: shard.articleId, reviewer: shard.reviewer, ...record });
    total = Math.max(total, done + files.size);
    await progress.step(done, total, 'Writing annotations');
    await flush();
  }
  pending += annotations.close() + afterAnnotations!;
  const records = new JsonMember('array', 1);
  for (const record of study) pending += records.item(record);
  pending += records.close() + afterStudy!;

  const blobs = new JsonMember('object', 1);
  let chars = 0;
  for (const [sha256, file] of files) {
    await progress.step(done, total, 'Writing files');
    const stored = await blob(ctx, file);
    chars += stored.base64.length;
    if (maxFileChars !== null && chars > maxFileChars) {
      throw new EvidentiaError('too-large', 'The review\'s files are too large for one JSON export in the app (over about 300 MB). Export it to a file with the command line (evidentia export DIR --format json -o FILE), or copy the review folder to keep everything.');
    }
    pending += blobs.item(stored, sha256);
    done += 1;
    await flush();
  }
  pending += `${blobs.close()}${tail!}\n`;
  await flush(true);
  await progress.step(total, total, 'Writing files');
}
