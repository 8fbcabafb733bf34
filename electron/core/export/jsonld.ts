/**
 * The annotations as a W3C Web Annotation collection (https://www.w3.org/TR/annotation-model/,
 * vocabulary https://www.w3.org/TR/annotation-vocab/), for annotation tools (Hypothesis, Recogito)
 * and linked-data pipelines. Outcome records are `tagging` annotations (the outcome name as a tag,
 * the values as a describing text), discrepancies `assessing`, notes `commenting`. Targets carry
 * the selectors exactly as stored; the source is the article's DOI when it has one.
 */
import type { Annotation, ArticleIndexEntry, FieldValues, Template } from '../../../shared/model/index.js';
import { RECORD_STATUS_LABELS } from '../../../shared/model/index.js';
import { fieldsByColumn } from '../../../shared/sheet/build.js';
import { valueText } from './cells.js';
import { reviewerName, type ReviewData } from './data.js';
import { slug } from './names.js';
import type { ExportProgress } from './progress.js';

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
export const JSONLD_MIME = 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"';

interface TextualBody {
  type: 'TextualBody';
  purpose: 'tagging' | 'describing' | 'assessing' | 'classifying' | 'commenting';
  value: string;
  format: 'text/plain';
}
/** A link from a discrepancy to a quote it disagrees with: another annotation of this collection. */
interface LinkBody {
  type: 'SpecificResource';
  purpose: 'linking';
  source: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** urn:uuid: is only for real UUIDs; other ids (scripts, older data) get Evidentia's own URN. */
export function annotationIri(id: string): string {
  return UUID.test(id) ? `urn:uuid:${id.toLowerCase()}` : `urn:evidentia:annotation:${id}`;
}

/** https://doi.org/<doi>, with the characters a URL cannot hold escaped (DOIs allow almost anything). */
export function doiIri(doi: string): string {
  return `https://doi.org/${encodeURIComponent(doi.trim()).replace(/%2F/gi, '/')}`;
}

function sourceIri(article: ArticleIndexEntry | undefined, articleId: string): string {
  return article?.doi ? doiIri(article.doi) : `urn:evidentia:article:${articleId}`;
}

function text(purpose: TextualBody['purpose'], value: string): TextualBody {
  return { type: 'TextualBody', purpose, value, format: 'text/plain' };
}

/** "Outcome: CDASI-A change\nValue: -9.36 …": the record's answered fields, labelled as in the template. */
function describeOutcome(fields: FieldValues, labels: Map<string, string>): string {
  const lines: string[] = [];
  for (const [key, value] of Object.entries(fields)) {
    const shown = valueText(value);
    if (shown.trim() !== '') lines.push(`${labels.get(key) ?? key}: ${shown}`);
  }
  return lines.join('\n');
}

function bodiesOf(annotation: Annotation, templates: Map<string, Map<string, string>>): { motivation: string; body: Array<TextualBody | LinkBody> } {
  const b = annotation.body;
  if (b.type === 'note') return { motivation: 'commenting', body: [text('commenting', b.text)] };
  if (b.type === 'discrepancy') {
    const body: Array<TextualBody | LinkBody> = [];
    if (b.note) body.push(text('assessing', b.note));
    if (b.kind) body.push(text('classifying', b.kind));
    for (const id of b.links) body.push({ type: 'SpecificResource', purpose: 'linking', source: annotationIri(id) });
    return { motivation: 'assessing', body };
  }
  const labels = templates.get(b.template.id) ?? new Map<string, string>();
  const body: TextualBody[] = [];
  const outcome = valueText(b.fields.outcome).trim();
  if (outcome) body.push(text('tagging', outcome));
  const described = describeOutcome(b.fields, labels);
  body.push(text('describing', [described, `Status: ${RECORD_STATUS_LABELS[b.status]}`].filter(Boolean).join('\n')));
  for (const tag of b.tags) body.push(text('tagging', tag));
  return { motivation: 'tagging', body };
}

/** Field key → label for outcome fields of each template (records keep their keys). */
function outcomeLabels(templates: readonly Template[]): Map<string, Map<string, string>> {
  const out = new Map<string, Map<string, string>>();
  for (const t of templates) {
    const labels = new Map<string, string>();
    for (const [column, field] of fieldsByColumn(t)) if (column.startsWith('o.')) labels.set(field.key, field.label);
    out.set(t.id, labels);
  }
  return out;
}

export async function buildJsonLd(data: ReviewData, progress: ExportProgress, now: Date): Promise<string> {
  const labels = outcomeLabels(data.review.templates);
  const collection = `urn:evidentia:review:${slug(data.review.name, 'review')}`;
  const items: unknown[] = [];
  for (const [i, a] of data.annotations.entries()) {
    await progress.step(i, data.annotations.length, 'Writing annotations');
    const { motivation, body } = bodiesOf(a, labels);
    items.push({
      id: annotationIri(a.id),
      type: 'Annotation',
      motivation,
      creator: { id: `urn:evidentia:reviewer:${a.reviewer}`, type: 'Person', name: reviewerName(data, a.reviewer) },
      created: a.created,
      modified: a.updated,
      ...(body.length > 0 ? { body } : {}),
      target: { source: sourceIri(data.articles.get(a.articleId), a.articleId), selector: a.target.selector },
    });
  }
  const out = {
    '@context': ANNO_CONTEXT,
    id: collection,
    type: 'AnnotationCollection',
    label: data.review.name,
    total: items.length,
    generated: now.toISOString(),
    generator: { id: 'urn:evidentia:software', type: 'Software', name: 'Evidentia' },
    first: { id: `${collection}:page:1`, type: 'AnnotationPage', startIndex: 0, items },
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}
