/**
 * The side-by-side reader (#/compare/<discrepancyId>): the two articles of a discrepancy in two
 * columns, each scrolled to its quote, with the explanation and the review actions above. A
 * discrepancy inside one article shows that article in both panes, each at one of its quotes.
 */
import { useEffect, useMemo, useState } from 'react';
import type { Article, DiscrepancyItem, DiscrepancyQuote } from '../../../shared/model/index';
import { api } from '../api';
import { hrefFor } from '../app/route';
import { useReadOnly } from '../app/review';
import { kindLabel, panesOf, rangeOf } from './board';
import { DiscrepancyBadges, DiscrepancyExplanation } from './DiscrepancySummary';
import { QuotePane, type PaneMark } from './QuotePane';
import { ReviewActions } from './ReviewActions';
import { useDiscrepancies } from './useDiscrepancies';
import '../styles/discrepancies.css';

type Loaded = Article | { error: string };

/** Loads each article of the panes once. */
function useArticles(ids: readonly string[]): Map<string, Loaded> {
  const [loaded, setLoaded] = useState(() => new Map<string, Loaded>());
  const key = [...new Set(ids)].sort().join(',');
  useEffect(() => {
    let live = true;
    for (const id of key ? key.split(',') : []) {
      void api['articles.get']({ id }).then((result) => {
        if (!live) return;
        setLoaded((old) => new Map(old).set(id, result.ok ? result.value : { error: result.error.message }));
      });
    }
    return () => {
      live = false;
    };
  }, [key]);
  return loaded;
}

function marksIn(item: DiscrepancyItem, articleId: string): PaneMark[] {
  const marks: PaneMark[] = [];
  for (const q of item.quotes) {
    if (q.articleId !== articleId) continue;
    const { start, end } = rangeOf(q);
    if (start !== null && end !== null) marks.push({ id: q.annotationId, start, end });
  }
  return marks;
}

function Pane({ item, quote, article, side }: { item: DiscrepancyItem; quote: DiscrepancyQuote; article: Loaded | undefined; side: string }) {
  const marks = useMemo(() => marksIn(item, quote.articleId), [item, quote.articleId]);
  const orphan = quote.anchor.status === 'orphan';
  return (
    <section className="compare-pane">
      <header className="compare-pane-head">
        <h2 title={quote.articleLabel}>{quote.articleLabel}</h2>
        <a href={hrefFor({ view: 'reader', articleId: quote.articleId, annotationId: quote.annotationId })}>Open in reader</a>
      </header>
      {orphan ? <p className="warn-text compare-orphan">This quote is no longer found in the text: “{quote.exact}”</p> : null}
      {article === undefined ? (
        <p className="muted">Loading…</p>
      ) : 'error' in article ? (
        <p className="form-error">Could not open the article: {article.error}</p>
      ) : (
        <QuotePane label={`${side}: ${quote.articleLabel}`} text={article.text} marks={marks} current={orphan ? null : quote.annotationId} />
      )}
    </section>
  );
}

export function CompareView({ discrepancyId }: { discrepancyId: string }) {
  const readOnly = useReadOnly();
  const { data, busy, review } = useDiscrepancies();
  const item = data?.items.find((i) => i.id === discrepancyId || i.annotationIds.includes(discrepancyId)) ?? null;
  const panes = useMemo(() => (item ? panesOf(item) : []), [item]);
  const articles = useArticles(panes.map((q) => q.articleId));
  const back = (
    <a className="back" href={hrefFor({ view: 'discrepancies' })}>
      ← Discrepancies
    </a>
  );

  if (data === null) return <main className="compare-view pad muted">Loading…</main>;
  if (item === null) {
    return (
      <main className="compare-view pad">
        {back}
        <div className="empty-state">
          <h2>Discrepancy not found</h2>
          <p>It may have been deleted, or its quotes were removed.</p>
        </div>
      </main>
    );
  }

  const sameArticle = panes.length === 2 && panes[0]!.articleId === panes[1]!.articleId;
  return (
    <main className="compare-view">
      <header className="compare-head">
        {back}
        <div className="discrepancy-head">
          <h1 className="discrepancy-kind">{kindLabel(item.kind)}</h1>
          <DiscrepancyBadges item={item} showStudy />
          {sameArticle ? <span className="muted">· within one article</span> : null}
        </div>
        <DiscrepancyExplanation item={item} />
        <ReviewActions item={item} disabled={readOnly || busy} review={review} />
        {item.quotes.length > 2 ? (
          <p className="muted">
            {item.quotes.length} quotes: the first two articles are shown; every quote of this discrepancy in them is highlighted.
          </p>
        ) : null}
      </header>
      <div className={panes.length === 2 ? 'compare-panes two' : 'compare-panes'}>
        {panes.map((quote, i) => (
          <Pane key={quote.annotationId} item={item} quote={quote} article={articles.get(quote.articleId)} side={i === 0 ? 'Left' : 'Right'} />
        ))}
      </div>
    </main>
  );
}
