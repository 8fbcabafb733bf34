/** One side of a possible-duplicate pair: what a person needs to tell two records apart. */
import type { ArticleSummary } from '../../../shared/model/index';
import { hrefFor } from '../app/route';

export const KIND_LABEL: Record<ArticleSummary['kind'], string> = {
  pdf: 'PDF',
  text: 'Text',
  markdown: 'Markdown',
  html: 'HTML',
  citation: 'Citation record (no full text)',
};

function Row({ label, value, differs }: { label: string; value: string | number | null; differs: boolean }) {
  return (
    <>
      <dt>{label}</dt>
      <dd className={differs ? 'differs' : undefined}>{value === null || value === '' ? <span className="muted">—</span> : value}</dd>
    </>
  );
}

function annotationsText(a: ArticleSummary): string {
  const base = `${a.annotationCount} annotation${a.annotationCount === 1 ? '' : 's'}`;
  return a.orphanCount > 0 ? `${base} (${a.orphanCount} orphaned)` : base;
}

/** `side` names the card for screen readers ("Left", "Right"); `other` marks fields that differ. */
export function ArticleCard({ article, other, side }: { article: ArticleSummary; other: ArticleSummary; side: string }) {
  const differs = (key: 'journal' | 'year' | 'doi' | 'pmid' | 'kind') => article[key] !== other[key];
  const authorsDiffer = article.authors.join('|') !== other.authors.join('|');
  return (
    <article className="duplicate-card" aria-label={`${side}: ${article.title || article.fileName}`}>
      <a href={hrefFor({ view: 'reader', articleId: article.id, annotationId: null })} className="title-link">
        {article.title || article.fileName}
      </a>
      <dl>
        <Row label="Authors" value={article.authors.join('; ')} differs={authorsDiffer} />
        <Row label="Journal" value={article.journal} differs={differs('journal')} />
        <Row label="Year" value={article.year} differs={differs('year')} />
        <Row label="DOI" value={article.doi} differs={differs('doi')} />
        <Row label="PMID" value={article.pmid} differs={differs('pmid')} />
        <Row label="Kind" value={KIND_LABEL[article.kind]} differs={differs('kind')} />
        <Row label="File" value={article.fileName} differs={false} />
        <Row label="Annotations" value={annotationsText(article)} differs={false} />
      </dl>
    </article>
  );
}
