/**
 * The quotes discrepancies link to, for an export that streams the review. A discrepancy may link
 * to an annotation of any article, read before or after it, so while the review streams by every
 * annotation's id, article and quote are noted (about 200 bytes each, against kilobytes for the
 * annotation itself), and the Discrepancies sheet is written from them at the end.
 */
import type { Annotation } from '../../../shared/model/index.js';
import { quoteOf } from '../../../shared/anchoring/selectors.js';
import type { LinkedQuote } from './data.js';

export class QuoteIndex {
  private readonly quotes = new Map<string, { articleId: string; quote: string }>();

  add(annotation: Annotation): void {
    this.quotes.set(annotation.id, { articleId: annotation.articleId, quote: quoteOf(annotation) });
  }

  /** The quotes `links` point to, in order; an id no annotation has is a link to a deleted one. */
  linked(links: readonly string[], labelOf: (articleId: string) => string | undefined): LinkedQuote[] {
    return links.map((id) => {
      const linked = this.quotes.get(id);
      if (!linked) return { annotationId: id, articleId: null, label: null, quote: null };
      return { annotationId: id, articleId: linked.articleId, label: labelOf(linked.articleId) ?? linked.articleId, quote: linked.quote };
    });
  }
}
