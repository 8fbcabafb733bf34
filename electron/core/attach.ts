/**
 * Attaching a document to an existing article: a citation record without full text takes the
 * document as its text (the record's citation file moves to its attachments, annotations made on
 * the abstract re-anchor by quote); an article that already has full text keeps the document as an
 * attachment. Also the fuzzy-duplicate queue and the title match that attaches a PDF to its record.
 */
import { mkdir } from 'node:fs/promises';
import type { ImportOutcome } from '../../shared/contract.js';
import { normaliseTitle, pairKey } from '../../shared/duplicates/match.js';
import { mergeArticles } from '../../shared/duplicates/merge.js';
import { addCandidates } from '../../shared/duplicates/state.js';
import type { Article, ArticleIndexEntry, ArticleMeta, DuplicateReason, SourceFile } from '../../shared/model/index.js';
import { EvidentiaError } from '../../shared/result.js';
import { indexRowOf } from './articles.js';
import type { CoreContext } from './context.js';
import type { ExtractedDocument } from './import/types.js';
import { exists, removeQuietly, writeFileAtomic } from './store/atomic.js';

export interface AttachedFile {
  fileName: string;
  bytes: Uint8Array;
  sha256: string;
}

export async function attachDocument(ctx: CoreContext, articleId: string, file: AttachedFile, doc: ExtractedDocument, source: string): Promise<ImportOutcome> {
  ctx.assertWritable();
  const { store } = ctx;
  if (!store.review.articles.some((a) => a.id === articleId)) throw new EvidentiaError('not-found', `No article ${articleId} in this review.`);
  const article = await store.readArticle(articleId);
  const storedAs = store.paths.blobRelative(file.sha256, doc.ext);
  const sourceFile: SourceFile = { fileName: file.fileName, sha256: file.sha256, ext: doc.ext, bytes: file.bytes.length, storedAs };
  const incoming: Article = {
    ...article,
    ...doc.meta,
    kind: doc.kind,
    source: sourceFile,
    attachments: [],
    abstract: null,
    text: doc.text,
    pages: doc.pages,
    extraction: doc.extraction,
    noTextLayer: doc.noTextLayer,
  };
  // A record without full text takes the document's; otherwise the document becomes an attachment.
  const next = mergeArticles(article, incoming);

  const blobPath = store.paths.resolveStored(storedAs);
  const blobExisted = await exists(blobPath);
  try {
    await mkdir(store.paths.filesDir, { recursive: true });
    if (!blobExisted) await writeFileAtomic(blobPath, file.bytes);
    await store.writeArticle(next);
    await store.updateReview((review) => {
      review.articles = review.articles.map((row) => (row.id === articleId ? indexRowOf(next, row) : row));
    });
  } catch (error) {
    await store.writeArticle(article).catch((e: unknown) => ctx.log(`could not restore article ${articleId}`, e));
    if (!blobExisted) await removeQuietly(blobPath);
    throw error;
  }
  return { source, record: null, status: 'attached', articleId, title: next.title, error: null, possibleDuplicates: [] };
}

/**
 * A citation record still waiting for its full text whose title is the document's (normalised) and
 * whose year is within one: the document is that record's PDF. Only an unambiguous match counts.
 */
export function recordAwaitingText(rows: readonly ArticleIndexEntry[], meta: ArticleMeta): string | null {
  const title = normaliseTitle(meta.title);
  if (title.length < 20) return null; // short guessed titles ("Abstract", file names) prove nothing
  const matches = rows.filter(
    (r) => r.kind === 'citation' && normaliseTitle(r.title) === title && (r.year === null || meta.year === null || Math.abs(r.year - meta.year) <= 1),
  );
  return matches.length === 1 ? matches[0]!.id : null;
}

/** Queue fuzzy matches of a newly imported article for a person; returns the ids queued against. */
export async function queueFuzzy(ctx: CoreContext, id: string, fuzzy: ReadonlyArray<{ id: string; reason: DuplicateReason }>): Promise<string[]> {
  const { store } = ctx;
  const queued = new Set(store.review.duplicates.pending.map((p) => pairKey(p.a, p.b)));
  const fresh = fuzzy.filter((f) => f.id !== id && !queued.has(pairKey(f.id, id)));
  if (fresh.length === 0) return [];
  const detected = new Date().toISOString();
  try {
    await store.updateReview((review) => {
      review.duplicates = addCandidates(review.duplicates, fresh.map((f) => ({ a: f.id, b: id, reason: f.reason, detected })));
    });
  } catch (error) {
    // The article is imported; losing the suggestion is not worth failing the import over.
    ctx.log(`could not queue possible duplicates of ${id}`, error);
    return [];
  }
  return fresh.map((f) => f.id);
}
