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

/**
 * Column keys ("o.value") by field key, made once: a sheet of 500,000 rows would otherwise build and
 * hash the same few strings millions of times.
 */
const columnKeys = { 'o.': new Map<string, string>(), 's.': new Map<string, string>() };

function columnKey(prefix: 'o.' | 's.', key: string): string {
  const known = columnKeys[prefix];
  let out = known.get(key);
  if (out === undefined) {
    out = prefix + key;
    if (known.size < 10_000) known.set(key, out);
  }
  return out;
}

/** Copy `fields` into `out` under their column keys. */
function addPrefixed(out: Record<string, FieldValue>, prefix: 'o.' | 's.', fields: Record<string, FieldValue>): Record<string, FieldValue> {
  for (const key in fields) out[columnKey(prefix, key)] = fields[key]!;
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

/** What building rows needs of a template, worked out once per sheet (not per article). */
export interface SheetPlan {
  template: Template;
  byColumn: Map<string, TemplateField>;
  /** Keys of required, non-retired fields: a row lists those it leaves empty. */
  requiredColumns: string[];
}

export function sheetPlan(template: Template): SheetPlan {
  const byColumn = fieldsByColumn(template);
  const requiredColumns = [...byColumn].filter(([, f]) => f.required && !f.retired).map(([k]) => k);
  return { template, byColumn, requiredColumns };
}

/**
 * Creation time; records made in the same millisecond keep the order the shard stores them in (the
 * order they were made: the sort is stable). Random ids must not decide it, or two quick saves
 * would swap places from one run to the next.
 */
const byCreation = (a: { created: string }, b: { created: string }) => (a.created < b.created ? -1 : a.created > b.created ? 1 : 0);

/**
 * One article's rows, reviewer by reviewer (shards in any order). Exports stream a review article
 * by article through this; buildSheet is the same over the whole library.
 */
export function articleSheetRows(plan: SheetPlan, article: ArticleIndexEntry, shards: readonly AnnotationFile[]): SheetRecordRow[] {
  const { template, requiredColumns } = plan;
  const rows: SheetRecordRow[] = [];
  const label = articleLabel(article);
  const sorted = shards.length > 1 ? [...shards].sort((x, y) => (x.reviewer < y.reviewer ? -1 : x.reviewer > y.reviewer ? 1 : 0)) : shards;
  for (const shard of sorted) {
    const study: StudyRecord | undefined = shard.study.find((s) => s.template.id === template.id);
    const studyValues = study ? addPrefixed({}, 's.', study.fields) : {};
    let outcomeRows = 0;
    const records = shard.annotations.filter((a) => a.body.type === 'outcome' && a.body.template.id === template.id).sort(byCreation);
    for (const annotation of records) {
      if (annotation.body.type !== 'outcome') continue;
      // Object.assign, not a spread: V8 makes adding keys to a spread-cloned object ~25x slower.
      const values = addPrefixed(Object.assign({}, studyValues), 'o.', annotation.body.fields);
      let quote = '';
      for (const s of annotation.target.selector) {
        if (s.type === 'TextQuoteSelector') {
          quote = s.exact;
          break;
        }
      }
      const missing: string[] = [];
      for (const k of requiredColumns) if (!isAnswered(values[k])) missing.push(k);
      rows.push({
        kind: 'record',
        rowId: annotation.id,
        annotationId: annotation.id,
        articleId: article.id,
        articleLabel: label,
        articleTitle: article.title,
        reviewer: shard.reviewer,
        status: annotation.body.status,
        quote,
        page: pageOfSelectors(annotation.target.selector),
        tags: article.tags.length === 0 ? [...annotation.body.tags] : [...annotation.body.tags, ...article.tags],
        templateVersion: annotation.body.template.version,
        values,
        missing,
      });
      outcomeRows += 1;
    }
    if (outcomeRows === 0 && study && Object.values(study.fields).some(isAnswered)) {
      rows.push({
        kind: 'record',
        rowId: `study:${article.id}:${shard.reviewer}`,
        annotationId: null,
        articleId: article.id,
        articleLabel: label,
        articleTitle: article.title,
        reviewer: shard.reviewer,
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
  return rows;
}

/** Add the column keys these rows answer to `used` (the columns depend on them: retired and unknown keys). */
export function addUsedKeys(rows: readonly SheetRecordRow[], used: Set<string>): void {
  for (const row of rows) for (const [key, value] of Object.entries(row.values)) if (isAnswered(value)) used.add(key);
}

/**
 * Keys whose use changes the columns: those of retired fields and those the template does not know.
 * A row answering none of them leaves the columns as they are with no value used at all.
 */
export function isColumnChanging(plan: SheetPlan, key: string): boolean {
  const field = plan.byColumn.get(key);
  return field === undefined || field.retired;
}

/** The sheet's columns, given the keys some row answers (see addUsedKeys). */
export function sheetColumns(plan: SheetPlan, usedKeys: ReadonlySet<string>): SheetColumn[] {
  const { template, byColumn } = plan;
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
  return columns;
}

/** The whole sheet: articles in library order, each article's shards by reviewer. */
export function buildSheet(template: Template, articles: readonly ArticleIndexEntry[], shards: readonly AnnotationFile[]): SheetData {
  const plan = sheetPlan(template);
  const byArticle = new Map<string, AnnotationFile[]>();
  for (const shard of shards) {
    const list = byArticle.get(shard.articleId);
    if (list) list.push(shard);
    else byArticle.set(shard.articleId, [shard]);
  }
  const rows: SheetRecordRow[] = [];
  for (const article of articles) {
    const own = byArticle.get(article.id);
    if (own) for (const row of articleSheetRows(plan, article, own)) rows.push(row);
  }
  const usedKeys = new Set<string>();
  addUsedKeys(rows, usedKeys);
  return { columns: sheetColumns(plan, usedKeys), rows };
}
