/**
 * The sheet service: rows built from every shard once per template and store revision (any write
 * moves the revision), then filtered, sorted, grouped and paged per query; edits in place go to
 * the outcome annotation or the article's study values.
 */
import type { AuditCause, FieldValue, SheetEdit, SheetQuery, SheetRecordRow } from '../../shared/model/index.js';
import { EvidentiaError } from '../../shared/result.js';
import { buildSheet, type SheetData } from '../../shared/sheet/build.js';
import { querySheet, sheetFacets } from '../../shared/sheet/query.js';
import { parseTags } from '../../shared/templates/form-values.js';
import { RecordStatus, type AnnotationBody } from '../../shared/model/index.js';
import type { Annotations } from './annotations.js';
import type { CoreContext } from './context.js';
import type { StudyValuesService } from './study.js';
import type { Templates } from './templates.js';

/**
 * An edit as the sheet.edit channel takes it. expected (undo and redo): the value the cell must still
 * hold, so that a change made since elsewhere is never overwritten by an old one.
 */
export type SheetEditRequest = SheetEdit & { expected?: FieldValue; cause?: AuditCause };
/** The row after the edit, and what the cell held before it (the record's own tags for "tags"). */
export type SheetEditResult = SheetRecordRow & { previous: FieldValue };

/** Cell values compared as a person sees them: empty is empty, tags as a set in order. */
function sameCell(column: string, a: FieldValue | undefined, b: FieldValue | undefined): boolean {
  const norm = (v: FieldValue | undefined): string => {
    if (column === 'tags') return (Array.isArray(v) ? v : parseTags(typeof v === 'string' ? v : '')).join(';');
    if (v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)) return '';
    return JSON.stringify(v);
  };
  return norm(a) === norm(b);
}

export class SheetService {
  /** The rows for one template at one store revision; a promise so concurrent queries share one build. */
  private cache: { templateId: string; revision: number; data: Promise<SheetData> } | null = null;

  constructor(
    private readonly ctx: CoreContext,
    private readonly templates: Templates,
    private readonly annotations: Annotations,
    private readonly study: StudyValuesService,
  ) {}

  data(templateId?: string): Promise<SheetData> {
    const template = this.templates.get(templateId);
    const { store } = this.ctx;
    if (this.cache && this.cache.templateId === template.id && this.cache.revision === store.revision) return this.cache.data;
    // Loading shards does not move the revision, so the entry stays valid while they load.
    const data = store.allShards().then((shards) => buildSheet(template, store.review.articles, shards));
    const entry = { templateId: template.id, revision: store.revision, data };
    this.cache = entry;
    data.catch(() => {
      if (this.cache === entry) this.cache = null; // a failed build is not remembered
    });
    return data;
  }

  async query(query: SheetQuery) {
    const template = this.templates.get(query.templateId);
    return querySheet(await this.data(template.id), query, template);
  }

  async facets(templateId?: string) {
    return sheetFacets(await this.data(templateId));
  }

  async edit(edit: SheetEditRequest): Promise<SheetEditResult> {
    this.ctx.assertWritable();
    const template = this.templates.get(edit.templateId);
    const row = (await this.data(template.id)).rows.find((r) => r.rowId === edit.rowId);
    if (!row) throw new EvidentiaError('not-found', `No sheet row ${edit.rowId}; reload the sheet.`);
    const { column, value } = edit;
    const cause = edit.cause ?? 'edit';
    let previous: FieldValue;
    const check = (current: FieldValue) => {
      previous = current;
      if (edit.expected !== undefined && !sameCell(column, current, edit.expected)) {
        throw new EvidentiaError('bad-input', `This cell was changed since, so the ${cause === 'redo' ? 'redo' : 'undo'} was not applied: the newer value is kept.`);
      }
    };
    if (column.startsWith('s.')) {
      const current = (await this.study.get(row.articleId)).find((s) => s.reviewer === row.reviewer && s.template.id === template.id);
      check(current?.fields[column.slice(2)] ?? null);
      await this.study.save(row.articleId, template.id, { ...(current?.fields ?? {}), [column.slice(2)]: value }, row.reviewer, cause);
    } else {
      if (row.annotationId === null) throw new EvidentiaError('bad-input', 'This row has no outcome record yet: tag an outcome in the article first.');
      const annotation = await this.annotations.get(row.annotationId);
      if (!annotation || annotation.body.type !== 'outcome') throw new EvidentiaError('not-found', `No outcome record ${row.annotationId}.`);
      const own = annotation.body;
      check(column === 'status' ? own.status : column === 'tags' ? own.tags : column.startsWith('o.') ? (own.fields[column.slice(2)] ?? null) : null);
      let body: AnnotationBody;
      if (column === 'status') {
        const status = RecordStatus.safeParse(value);
        if (!status.success) throw new EvidentiaError('bad-input', `"${String(value)}" is not a status (in-progress, complete, verified).`);
        body = { ...annotation.body, status: status.data };
      } else if (column === 'tags') {
        const tags = Array.isArray(value) ? value.join(';') : typeof value === 'string' ? value : '';
        body = { ...annotation.body, tags: parseTags(tags) };
      } else if (column.startsWith('o.')) {
        body = { ...annotation.body, fields: { ...annotation.body.fields, [column.slice(2)]: value } };
      } else {
        throw new EvidentiaError('bad-input', `The ${column} column cannot be edited in the sheet.`);
      }
      await this.annotations.update(annotation.id, body, { cause });
    }
    const updated = (await this.data(template.id)).rows.find((r) => r.rowId === edit.rowId);
    // A study-only row whose last value was just cleared is no longer a row of the sheet.
    return { ...(updated ?? { ...row, values: { ...row.values, [column]: value } }), previous: previous! };
  }
}
