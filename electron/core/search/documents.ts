/**
 * What of an article the search index reads, and the stamp that tells when it must read it again.
 * The stamp is computed the same way from an article file and from its review.json row, so opening
 * a review can check a saved index against the library without opening any article file: a row
 * whose stamp differs (edited title, attached PDF, merge, restore) is re-indexed.
 */
import { createHash } from 'node:crypto';
import type { Article, ArticleIndexEntry } from '../../../shared/model/index.js';
import type { IndexDoc } from './text-index.js';

type StampFields = Pick<ArticleIndexEntry, 'title' | 'authors' | 'journal' | 'year' | 'doi' | 'pmid' | 'sha256' | 'importedAt' | 'attachments'>;

function stamp(f: StampFields): string {
  const key = JSON.stringify([f.sha256, f.importedAt, f.attachments, f.title, f.authors, f.journal, f.year, f.doi, f.pmid]);
  return createHash('sha1').update(key).digest('base64url').slice(0, 16);
}

export function rowStamp(row: ArticleIndexEntry): string {
  return stamp(row);
}

export function articleStamp(article: Article): string {
  return stamp({ ...article, sha256: article.source.sha256, attachments: article.attachments.map((a) => a.sha256) });
}

export function indexDocOf(article: Article): IndexDoc {
  const bib = [article.title, ...article.authors, article.journal, article.year, article.doi, article.pmid]
    .filter((v) => v !== null && v !== '')
    .join(' \n ');
  // A record's abstract is usually its text already; a PDF attached to a record may keep both.
  const abstract = article.abstract && !article.text.includes(article.abstract.slice(0, 120)) ? article.abstract : '';
  return { id: article.id, stamp: articleStamp(article), bib, body: abstract ? `${abstract}\n${article.text}` : article.text };
}
