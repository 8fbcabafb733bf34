/**
 * The restorable JSON export (schema in json-schema.ts): review settings, every article in full
 * (text included), every annotation and study record as stored, and the bytes of every stored file
 * as base64. restore.ts reads it back. Numbers stay as typed, with no spreadsheet escaping.
 */
import { readFile } from 'node:fs/promises';
import type { Article } from '../../../shared/model/index.js';
import { EvidentiaError } from '../../../shared/result.js';
import type { CoreContext } from '../context.js';
import type { ReviewData } from './data.js';
import { EXPORT_FORMAT, EXPORT_VERSION, type EvidentiaExportInput, type ExportedStudy } from './json-schema.js';
import type { ExportProgress } from './progress.js';

/**
 * The export travels as one string (ExportFile.content); V8 strings stop at about 512 MB, so past
 * this many characters of file data the export is refused with a clear message instead of crashing.
 */
const MAX_FILE_CHARS = 400_000_000;

async function blob(ctx: CoreContext, file: Article['source']): Promise<{ ext: string; base64: string }> {
  try {
    const bytes = await readFile(ctx.store.paths.resolveStored(file.storedAs));
    return { ext: file.ext, base64: bytes.toString('base64') };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    throw new EvidentiaError('io-error', `The stored file ${file.storedAs} (${file.fileName}) cannot be read (${code}), so the export would be incomplete.`);
  }
}

export async function buildJsonExport(ctx: CoreContext, data: ReviewData, progress: ExportProgress, now: Date): Promise<string> {
  const { review } = data;
  const articles: Article[] = [];
  const files: Record<string, { ext: string; base64: string }> = {};
  let chars = 0;
  for (const [i, row] of review.articles.entries()) {
    await progress.step(i, review.articles.length, 'Reading articles and files');
    const article = await ctx.store.readArticle(row.id);
    articles.push(article);
    for (const file of [article.source, ...article.attachments]) {
      if (files[file.sha256]) continue;
      const stored = await blob(ctx, file);
      chars += stored.base64.length;
      if (chars > MAX_FILE_CHARS) {
        throw new EvidentiaError('too-large', 'The review\'s files are too large for one JSON export (over about 300 MB). Export CSV or XLSX for the data, and copy the review folder to keep everything.');
      }
      files[file.sha256] = stored;
    }
  }
  await progress.step(review.articles.length, review.articles.length, 'Writing JSON');
  const study: ExportedStudy[] = data.shards.flatMap((shard) =>
    shard.study.map((record) => ({ articleId: shard.articleId, reviewer: shard.reviewer, ...record })),
  );
  const exported: EvidentiaExportInput = {
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
    },
    articles,
    annotations: data.annotations,
    study,
    files,
  };
  return `${JSON.stringify(exported, null, 2)}\n`;
}
