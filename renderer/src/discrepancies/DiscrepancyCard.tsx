/**
 * One discrepancy on the board: what kind, how serious, where it stands, the explanation, and its
 * quotes side by side, each under its article's name (a link to the quote in the reader).
 */
import type { Input } from '../../../shared/contract';
import type { DiscrepancyItem } from '../../../shared/model/index';
import { hrefFor } from '../app/route';
import { kindLabel } from './board';
import { DiscrepancyBadges, DiscrepancyExplanation } from './DiscrepancySummary';
import { ReviewActions } from './ReviewActions';

interface Props {
  item: DiscrepancyItem;
  disabled: boolean;
  review: (input: Input<'discrepancies.review'>) => Promise<unknown>;
  /** Show the study's name (when the board is not grouped by study). */
  showStudy: boolean;
}

export function DiscrepancyCard({ item, disabled, review, showStudy }: Props) {
  const label = kindLabel(item.kind);
  return (
    <article className={`discrepancy-card status-${item.status}`} aria-label={`${label}: ${item.quotes.map((q) => q.articleLabel).join(' / ')}`}>
      <header className="discrepancy-head">
        <strong className="discrepancy-kind">{label}</strong>
        <DiscrepancyBadges item={item} showStudy={showStudy} />
      </header>
      <DiscrepancyExplanation item={item} />
      <div className={item.quotes.length > 1 ? 'discrepancy-quotes side-by-side' : 'discrepancy-quotes'}>
        {item.quotes.map((q) => (
          <figure key={q.annotationId} className="discrepancy-quote">
            <figcaption>
              <a href={hrefFor({ view: 'reader', articleId: q.articleId, annotationId: q.annotationId })}>{q.articleLabel}</a>
              {q.anchor.status === 'orphan' ? <span className="warn-text"> · no longer found in the text</span> : null}
            </figcaption>
            <blockquote>{q.exact}</blockquote>
          </figure>
        ))}
      </div>
      <ReviewActions item={item} disabled={disabled} review={review} compare />
    </article>
  );
}
