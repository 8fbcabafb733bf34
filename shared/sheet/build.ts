/**
 * The sheet's rows and columns from the review's data, for one template: one row per outcome record
 * (an outcome annotation captured under that template), each carrying its article's study-level
 * values from the same reviewer, plus one row per article and reviewer that has study values but no
 * outcome record yet. Pure: the core feeds it what it has loaded; exports and the UI share it.
 */
import type { ArticleIndexEntry } from '../model/review.js';
import type { AnnotationFile, StudyRecord } from '../model/annotation.js';
import type { FieldValue, Template, TemplateField } from '../model/template.js';
import type { SheetColumn, SheetRecordRow } from '../model/sheet.js';
import { articleLabel } from './labels.js';
import { isAnswered } from '../templates/values.js';

export { isAnswered };

const FIXED_COLUMNS: SheetColumn[] = [
  fixed('article', 'Article'),
  fixed('reviewer', 'Reviewer'),
  fixed('status', 'Status'),
  fixed('quote', 'Quote'),
  fixed('tags', 'Tags'),
];

function fixed(key: string, label: string): SheetColumn {
  return { key, label, level: 'fixed', kind: 'fixed', options: [], required: false, retired: false, help: '' };
}


export interface SheetData {
  columns: SheetColumn[];
  rows: SheetRecordRow[];
}

/** `o.key` / `s.key` → the template field, for every field (retired ones included). */
export function fieldsByColumn(template: Template): Map<string, TemplateField> {
  const out = new Map<string, TemplateField>();
  for (const section of template.sections) {
    const prefix = section.level === 'outcome' ? 'o.' : 's.';
    for (const field of section.fields) out.set(prefix + field.key, field);
  }
  return out;
}

function columnFor(key: string, field: TemplateField | undefined, level: 'study' | 'outcome'): SheetColumn {
  if (!field) {
    // A value under a key this template does not know (e.g. written by a script): shown, never lost.
    return { key, label: key.slice(2), level, kind: 'text', options: [], required: false, retired: true, help: 'Not a field of this template.' };
  }
  return { key, label: field.label, level, kind: field.kind, options: field.options, required: field.required, retired: field.retired, help: field.help };
}

function prefixed(prefix: 'o.' | 's.', fields: Record<string, FieldValue>): Record<string, FieldValue> {
  const out: Record<string, FieldValue> = {};
  for (const [key, value] of Object.entries(fields)) out[prefix + key] = value;
  return out;
}

function pageOfSelectors(selectors: AnnotationFile['annotations'][number]['target']['selector']): number | null {
  for (const s of selectors) {
    if (s.type === 'FragmentSelector') {
      const m = /^page=(\d+)$/.exec(s.value);
      if (m) return Number(m[1]);
    }
  }
  return null;
}

export function buildSheet(template: Template, articles: readonly ArticleIndexEntry[], shards: readonly AnnotationFile[]): SheetData {
  const byColumn = fieldsByColumn(template);
  const articleById = new Map(articles.map((a) => [a.id, a]));
  const order = new Map(articles.map((a, i) => [a.id, i]));
  const sorted = [...shards].sort(
    (x, y) => (order.get(x.articleId) ?? 0) - (order.get(y.articleId) ?? 0) || (x.reviewer < y.reviewer ? -1 : x.reviewer > y.reviewer ? 1 : 0),
  );
  const requiredColumns = [...byColumn].filter(([, f]) => f.required && !f.retired).map(([k]) => k);
  const usedKeys = new Set<string>();
  const rows: SheetRecordRow[] = [];

  for (const shard of sorted) {
    const article = articleById.get(shard.articleId);
    if (!article) continue;
    const study: StudyRecord | undefined = shard.study.find((s) => s.template.id === template.id);
    const studyValues = study ? prefixed('s.', study.fields) : {};
    const label = articleLabel(article);
    const base = { articleId: article.id, articleLabel: label, articleTitle: article.title, reviewer: shard.reviewer };
    let outcomeRows = 0;
    const records = shard.annotations
      .filter((a) => a.body.type === 'outcome' && a.body.template.id === template.id)
      .sort((a, b) => (a.created < b.created ? -1 : a.created > b.created ? 1 : a.id < b.id ? -1 : 1));
    for (const annotation of records) {
      if (annotation.body.type !== 'outcome') continue;
      const values = { ...studyValues, ...prefixed('o.', annotation.body.fields) };
      const quote = annotation.target.selector.find((s) => s.type === 'TextQuoteSelector');
      rows.push({
        kind: 'record',
        rowId: annotation.id,
        annotationId: annotation.id,
        ...base,
        status: annotation.body.status,
        quote: quote?.type === 'TextQuoteSelector' ? quote.exact : '',
        page: pageOfSelectors(annotation.target.selector),
        tags: [...annotation.body.tags, ...article.tags],
        templateVersion: annotation.body.template.version,
        values,
        missing: requiredColumns.filter((k) => !isAnswered(values[k])),
      });
      outcomeRows += 1;
    }
    if (outcomeRows === 0 && study && Object.values(study.fields).some(isAnswered)) {
      rows.push({
        kind: 'record',
        rowId: `study:${article.id}:${shard.reviewer}`,
        annotationId: null,
        ...base,
        status: null,
        quote: '',
        page: null,
        tags: [...article.tags],
        templateVersion: study.template.version,
        values: studyValues,
        missing: requiredColumns.filter((k) => k.startsWith('s.') && !isAnswered(studyValues[k])),
      });
    }
  }
  for (const row of rows) for (const [key, value] of Object.entries(row.values)) if (isAnswered(value)) usedKeys.add(key);

  const columns: SheetColumn[] = [...FIXED_COLUMNS];
  // Outcome fields first: they are what a sheet row is; study fields repeat per article after them.
  for (const section of [...template.sections].sort((a, b) => (a.level === b.level ? 0 : a.level === 'outcome' ? -1 : 1))) {
    const prefix = section.level === 'outcome' ? 'o.' : 's.';
    for (const field of section.fields) {
      const key = prefix + field.key;
      if (field.retired && !usedKeys.has(key)) continue;
      columns.push(columnFor(key, field, section.level));
    }
  }
  for (const key of [...usedKeys].sort()) {
    if (!byColumn.has(key)) columns.push(columnFor(key, undefined, key.startsWith('o.') ? 'outcome' : 'study'));
  }
  return { columns, rows };
}
