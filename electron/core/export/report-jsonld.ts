/**
 * The fact-check report as a W3C Web Annotation collection (like jsonld.ts, whose identifiers it
 * shares): one `assessing` Annotation per discrepancy, its explanation as the assessing body and
 * its kind as a classifying body, one SpecificResource target per quote (TextQuoteSelector with
 * the stored prefix/suffix, TextPositionSelector and PDF page from where the quote is anchored
 * now). Status, severity, dismissal reason and study are Evidentia terms added to the context.
 * Every discrepancy is included, dismissed ones too (their status says so).
 */
import type { Annotation, Selector, TextQuoteSelector } from '../../../shared/model/index.js';
import { RULES_REVIEWER } from '../../../shared/model/index.js';
import { ANNO_CONTEXT, annotationIri, doiIri } from './jsonld.js';
import { slug } from './names.js';
import type { ExportProgress } from './progress.js';
import type { FactCheckReport, ReportInput, ReportQuote } from './report-data.js';

/** Where Evidentia's own terms live (the same urn:evidentia: scheme as the identifiers). */
export const EVIDENTIA_VOCAB = 'urn:evidentia:vocab:';

export const REPORT_CONTEXT = [
  ANNO_CONTEXT,
  {
    evidentia: EVIDENTIA_VOCAB,
    status: 'evidentia:discrepancyStatus',
    severity: 'evidentia:severity',
    dismissalReason: 'evidentia:dismissalReason',
    studyGroup: { '@id': 'evidentia:studyGroup', '@type': '@id' },
    studyLabel: 'evidentia:studyLabel',
    annotations: { '@id': 'evidentia:annotation', '@type': '@id', '@container': '@set' },
  },
] as const;

type JsonSelector = Selector | Omit<TextQuoteSelector, 'prefix' | 'suffix'> | TextQuoteSelector;

function selectors(q: ReportQuote, stored: Annotation | undefined): JsonSelector[] {
  const quote = stored?.target.selector.find((s): s is TextQuoteSelector => s.type === 'TextQuoteSelector');
  const out: JsonSelector[] = [];
  // The stored selector carries the prefix and suffix that tell repeated quotes apart.
  if (quote && quote.exact === q.quote.exact) {
    out.push({ type: 'TextQuoteSelector', exact: quote.exact, ...(quote.prefix ? { prefix: quote.prefix } : {}), ...(quote.suffix ? { suffix: quote.suffix } : {}) });
  } else out.push({ type: 'TextQuoteSelector', exact: q.quote.exact });
  const anchor = q.quote.anchor;
  if (anchor.status !== 'orphan') {
    out.push({ type: 'TextPositionSelector', start: anchor.start, end: anchor.end });
    if (anchor.page !== null) out.push({ type: 'FragmentSelector', conformsTo: 'http://tools.ietf.org/rfc/rfc3778', value: `page=${anchor.page}` });
  }
  return out;
}

export async function reportJsonLd(report: FactCheckReport, input: ReportInput, progress: ExportProgress): Promise<string> {
  const collection = `urn:evidentia:review:${slug(report.reviewName, 'review')}:factcheck`;
  const entries = report.sections.flatMap((s) => s.entries);
  const items: unknown[] = [];
  for (const [i, e] of entries.entries()) {
    await progress.step(i, entries.length, 'Writing the report');
    const { item } = e;
    const body: unknown[] = [];
    if (item.note.trim()) body.push({ type: 'TextualBody', purpose: 'assessing', value: item.note, format: 'text/plain' });
    if (item.kind.trim()) body.push({ type: 'TextualBody', purpose: 'classifying', value: item.kind, label: e.kindLabel, format: 'text/plain' });
    items.push({
      id: `urn:evidentia:discrepancy:${item.id}`,
      type: 'Annotation',
      motivation: 'assessing',
      creator: {
        id: `urn:evidentia:reviewer:${item.reviewer}`,
        type: item.reviewer === RULES_REVIEWER ? 'Software' : 'Person',
        name: item.reviewer === RULES_REVIEWER ? 'Evidentia' : (input.reviewerNames.get(item.reviewer) ?? item.reviewer),
      },
      created: item.created,
      modified: item.updated,
      status: item.status,
      severity: item.severity,
      ...(item.status === 'dismissed' ? { dismissalReason: item.reason } : {}),
      ...(item.studyGroupId ? { studyGroup: `urn:evidentia:study:${item.studyGroupId}`, ...(item.studyLabel ? { studyLabel: item.studyLabel } : {}) } : {}),
      annotations: item.annotationIds.map(annotationIri),
      ...(body.length > 0 ? { body } : {}),
      target: e.quotes.map((q) => ({
        type: 'SpecificResource',
        source: q.source.article?.doi?.trim() ? doiIri(q.source.article.doi) : `urn:evidentia:article:${q.quote.articleId}`,
        selector: selectors(q, input.annotations?.get(q.quote.annotationId)),
      })),
    });
  }
  const out = {
    '@context': REPORT_CONTEXT,
    id: collection,
    type: 'AnnotationCollection',
    label: report.title,
    total: items.length,
    generated: report.generated,
    generator: { id: 'urn:evidentia:software', type: 'Software', name: 'Evidentia' },
    first: { id: `${collection}:page:1`, type: 'AnnotationPage', startIndex: 0, items },
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}
