/**
 * What an audit entry changed, field by field, in words a person reads in the History panel:
 * "n: 50 → 48", "status: In progress → Complete". Pure, so the panel and tests share it.
 */
import { RECORD_STATUS_LABELS, type AnnotationBody, type FieldValue, type FieldValues } from '../model/index.js';
import type { AuditEntry } from '../model/audit.js';

export interface FieldChange {
  /** Field key for template fields ("n", "value"), or the property ("status", "tags", "note"). */
  field: string;
  /** null: the field had no value on this side (created, cleared, or the whole record absent). */
  before: string | null;
  after: string | null;
}

export function showValue(value: FieldValue | undefined): string | null {
  if (value === undefined || value === null || value === '') return null;
  if (Array.isArray(value)) return value.length === 0 ? null : value.join('; ');
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return value;
}

function fieldChanges(before: FieldValues, after: FieldValues): FieldChange[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  const out: FieldChange[] = [];
  for (const field of keys) {
    const b = showValue(before[field]);
    const a = showValue(after[field]);
    if (b !== a) out.push({ field, before: b, after: a });
  }
  return out;
}

/** The comparable properties of a body, each as display text (template fields apart). */
function properties(body: AnnotationBody | null): Record<string, string | null> {
  if (!body) return {};
  switch (body.type) {
    case 'outcome':
      return { status: RECORD_STATUS_LABELS[body.status], tags: showValue(body.tags) };
    case 'discrepancy':
      return {
        kind: showValue(body.kind),
        note: showValue(body.note),
        status: body.status,
        severity: body.severity,
        reason: showValue(body.reason),
        links: body.links.length === 0 ? null : `${body.links.length} linked quote${body.links.length === 1 ? '' : 's'}`,
      };
    case 'note':
      return { text: showValue(body.text) };
  }
}

function bodyChanges(before: AnnotationBody | null, after: AnnotationBody | null): FieldChange[] {
  const out = fieldChanges(before?.type === 'outcome' ? before.fields : {}, after?.type === 'outcome' ? after.fields : {});
  const b = properties(before);
  const a = properties(after);
  for (const field of [...new Set([...Object.keys(b), ...Object.keys(a)])]) {
    if ((b[field] ?? null) !== (a[field] ?? null)) out.push({ field, before: b[field] ?? null, after: a[field] ?? null });
  }
  return out;
}

/** Field-level changes of one entry: all values for a create or delete, the differing ones for an update. */
export function changesOf(entry: AuditEntry): FieldChange[] {
  if (entry.target.type === 'annotation') {
    const e = entry as Extract<AuditEntry, { target: { type: 'annotation' } }>;
    return bodyChanges(e.before?.body ?? null, e.after?.body ?? null);
  }
  const e = entry as Extract<AuditEntry, { target: { type: 'study' } }>;
  return fieldChanges(e.before?.fields ?? {}, e.after?.fields ?? {});
}
