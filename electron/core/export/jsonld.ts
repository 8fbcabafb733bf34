/**
 * The annotations as a W3C Web Annotation collection (https://www.w3.org/TR/annotation-model/,
 * vocabulary https://www.w3.org/TR/annotation-vocab/), for annotation tools (Hypothesis, Recogito)
 * and linked-data pipelines. Outcome records are `tagging` annotations (the outcome name as a tag,
 * the values as a describing text), discrepancies `assessing`, notes `commenting`. Targets carry
 * the selectors exactly as stored; the source is the article's DOI when it has one. Streamed
 * article by article, so a review of 500,000 annotations is never held whole.
 */
import type { Annotation, ArticleIndexEntry, FieldValues, Template } from '../../../shared/model/index.js';
import { RECORD_STATUS_LABELS } from '../../../shared/model/index.js';
import { fieldsByColumn } from '../../../shared/sheet/build.js';
import { valueText } from './cells.js';
import { slug } from './names.js';
import type { CoreContext } from '../context.js';
import { articleAnnotations } from './annotation-order.js';
import { JsonMember, jsonEnvelope } from './json-stream.js';
import type { ExportProgress } from './progress.js';
import { annotationTotal, articlesWithShards } from './shard-reader.js';
import type { Sink } from './sink.js';

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

/** One annotation as a W3C Annotation. */
function item(a: Annotation, labels: Map<string, Map<string, string>>, article: ArticleIndexEntry | undefined, creatorName: string): unknown {
  const { motivation, body } = bodiesOf(a, labels);
  return {
    id: annotationIri(a.id),
    type: 'Annotation',
    motivation,
    creator: { id: `urn:evidentia:reviewer:${a.reviewer}`, type: 'Person', name: creatorName },
    created: a.created,
    modified: a.updated,
    ...(body.length > 0 ? { body } : {}),
    target: { source: sourceIri(article, a.articleId), selector: a.target.selector },
  };
}

/** Text is handed to the sink in pieces about this large. */
const CHUNK_CHARS = 256 * 1024;

/**
 * The collection, streamed article by article. Its `total` comes before the items, so it is taken
 * from the store's counts; should the items turn out more or fewer (a count out of date), the file
 * is written again with the number found.
 */
export async function writeJsonLd(ctx: CoreContext, sink: () => Promise<Sink>, progress: ExportProgress, now: Date): Promise<void> {
  const review = ctx.store.review;
  const articles = [...review.articles];
  const labels = outcomeLabels(review.templates);
  const byId = new Map(articles.map((a) => [a.id, a]));
  const names = new Map(review.reviewers.map((r) => [r.id, r.name || r.id]));
  const collection = `urn:evidentia:review:${slug(review.name, 'review')}`;
  let total = await annotationTotal(ctx.store, articles);
  let done = 0;
  let work = total;
  // A third attempt could only be due to edits during the export; its count is then written as found.
  for (let attempt = 1; attempt <= 3; attempt++) {
    const out = await sink();
    const [head, tail] = jsonEnvelope((slot) => ({
      '@context': ANNO_CONTEXT,
      id: collection,
      type: 'AnnotationCollection',
      label: review.name,
      total,
      generated: now.toISOString(),
      generator: { id: 'urn:evidentia:software', type: 'Software', name: 'Evidentia' },
      first: { id: `${collection}:page:1`, type: 'AnnotationPage', startIndex: 0, items: slot() },
    }));
    const items = new JsonMember('array', 2); // first.items: its key is at depth 2
    let pending = head!;
    for await (const { shards } of articlesWithShards(ctx.store, articles)) {
      for (const a of articleAnnotations(shards)) {
        pending += items.item(item(a, labels, byId.get(a.articleId), names.get(a.reviewer) ?? a.reviewer));
        done += 1;
      }
      work = Math.max(work, done);
      await progress.step(done, work, 'Writing annotations');
      if (pending.length >= CHUNK_CHARS) {
        await out.write(pending);
        pending = '';
      }
    }
    if (items.length === total || attempt === 3) {
      await out.write(`${pending}${items.close()}${tail!}\n`);
      break;
    }
    total = items.length;
    work += total;
  }
  await progress.step(work, work, 'Writing annotations');
}
