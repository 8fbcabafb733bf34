/**
 * The library: list (from review.json's index plus cached counts), get, delete, and the original
 * file of an article for the app:// protocol and the bridge.
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ArticleChanges } from '../../shared/contract.js';
import type { Article, ArticleIndexEntry, ArticleSummary } from '../../shared/model/index.js';
import { rewriteArticle } from '../../shared/studies/groups.js';
import { EvidentiaError } from '../../shared/result.js';
import type { CoreContext } from './context.js';
import type { StoredFile } from './types.js';
import type { ArticleCounts } from './store/catalogue.js';
import { removeQuietly } from './store/atomic.js';

const MIME_TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  txt: 'text/plain; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  markdown: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
  htm: 'text/html; charset=utf-8',
};

export function mimeTypeFor(ext: string): string {
  return MIME_TYPES[ext.toLowerCase()] ?? 'application/octet-stream';
}

/** The review.json row of an article (keeps the row's import facts: file name, sha, time). */
export function indexRowOf(article: Article, previous?: ArticleIndexEntry): ArticleIndexEntry {
  return {
    id: article.id,
    kind: article.kind,
    title: article.title,
    authors: article.authors,
    journal: article.journal,
    year: article.year,
    doi: article.doi,
    pmid: article.pmid,
    volume: article.volume,
    issue: article.issue,
    page: article.page,
    url: article.url,
    type: article.type,
    keywords: article.keywords,
    tags: article.tags,
    fileName: previous?.fileName ?? article.source.fileName,
    sha256: article.source.sha256,
    importedAt: article.importedAt,
    pageCount: article.pages.length,
    noTextLayer: article.noTextLayer,
    attachments: article.attachments.map((a) => a.sha256),
  };
}

export function summaryOf(row: ArticleIndexEntry, counts: ArticleCounts): ArticleSummary {
  const { sha256: _sha, attachments: _attachments, ...rest } = row;
  return { ...rest, ...counts };
}

export class Articles {
  constructor(private readonly ctx: CoreContext) {}

  /** From review.json's rows and the catalogue's counts: no article or shard file is read. */
  async list(): Promise<ArticleSummary[]> {
    const { store } = this.ctx;
    await store.catalogue.ready;
    const out: ArticleSummary[] = [];
    for (const row of store.review.articles) out.push(summaryOf(row, await store.catalogue.counts(row.id)));
    return out;
  }

  /** Edit bibliographic fields and tags: the article file and its index row change together. */
  async update(id: string, changes: ArticleChanges): Promise<ArticleSummary> {
    this.ctx.assertWritable();
    this.requireIndexed(id);
    const { store } = this.ctx;
    const article = await store.readArticle(id);
    const next: Article = { ...article, ...changes };
    if (changes.tags) next.tags = [...new Set(changes.tags.map((t) => t.trim()).filter(Boolean))];
    await store.writeArticle(next);
    try {
      await store.updateReview((review) => {
        review.articles = review.articles.map((row) => (row.id === id ? indexRowOf(next, row) : row));
      });
    } catch (error) {
      await store.writeArticle(article).catch((e: unknown) => this.ctx.log(`could not restore article ${id}`, e));
      throw error;
    }
    const row = this.requireIndexed(id);
    return summaryOf(row, await store.catalogue.counts(id));
  }

  async get(id: string): Promise<Article> {
    this.requireIndexed(id);
    return this.ctx.store.readArticle(id);
  }

  /**
   * Remove the index row first (the commit point: from then on the article is gone for every
   * reader), then its files. A crash in between leaves unreferenced files, never a dangling row.
   */
  async delete(id: string): Promise<{ id: string }> {
    this.ctx.assertWritable();
    const row = this.requireIndexed(id);
    const { store } = this.ctx;
    await store.updateReview((review) => {
      review.articles = review.articles.filter((a) => a.id !== id);
      const studies = rewriteArticle({ groups: review.studies, notSameStudy: review.notSameStudy }, id, null);
      review.studies = studies.groups;
      review.notSameStudy = studies.notSameStudy;
      review.rejectedSuggestions = review.rejectedSuggestions.filter((r) => r.articleId !== id);
    });
    store.forgetArticle(id);
    await removeQuietly(store.paths.article(id));
    await removeQuietly(store.paths.articleAnnotationsDir(id));
    // Blobs are content-addressed and may be shared (one citation file holds many records; a file
    // may be one article's source and another's attachment): remove only those nothing uses now.
    // Found by hash rather than via the article file, so a damaged article file leaves nothing behind.
    const stillUsed = new Set(store.review.articles.flatMap((a) => [a.sha256, ...a.attachments]));
    const unused = [row.sha256, ...row.attachments].filter((sha) => !stillUsed.has(sha));
    if (unused.length > 0) {
      for (const name of await readdir(store.paths.filesDir).catch(() => [] as string[])) {
        if (unused.some((sha) => name.startsWith(`${sha}.`))) await removeQuietly(path.join(store.paths.filesDir, name));
      }
    }
    return { id };
  }

  async fileForArticle(id: string): Promise<StoredFile> {
    const article = await this.get(id);
    const file = this.ctx.store.paths.resolveStored(article.source.storedAs);
    try {
      const info = await stat(file);
      return { path: file, mimeType: mimeTypeFor(article.source.ext), bytes: info.size };
    } catch {
      throw new EvidentiaError('not-found', `The original file of article ${id} is missing from the review folder (${article.source.storedAs}).`);
    }
  }

  private requireIndexed(id: string) {
    const row = this.ctx.store.review.articles.find((a) => a.id === id);
    if (!row) throw new EvidentiaError('not-found', `No article ${id} in this review.`);
    return row;
  }
}
