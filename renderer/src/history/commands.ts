/**
 * Undoable changes as commands whose inverses go through the ordinary channels, saying they are an
 * undo or redo and naming the state they expect (the annotation's `updated` stamp, the cell's value):
 * the core refuses the step if something changed since, so an old state never clobbers a newer one.
 * Each command remembers the stamp its last step produced, for the step after.
 */
import type { Command } from '../../../shared/history/undo-stack';
import type { AnchoredAnnotation, FieldValue, SheetColumn, SheetRecordRow } from '../../../shared/model/index';
import type { Result } from '../../../shared/result';
import { api } from '../api';
import { excerpt, keyFields, quoteOf, TYPE_LABEL } from '../reader/describe';

function describeAnnotation(a: AnchoredAnnotation): string {
  const what = TYPE_LABEL[a.body.type].toLowerCase();
  return `${what} “${excerpt(keyFields(a) || quoteOf(a), 60)}”`;
}

const scopesOf = (a: AnchoredAnnotation) => [`article:${a.articleId}`, 'sheet'];

/** Keep the annotation's newest stamp after each successful step. */
function tracking(result: Result<AnchoredAnnotation>, keep: (a: AnchoredAnnotation) => void): Result<unknown> {
  if (result.ok) keep(result.value);
  return result;
}

export function annotationCreated(created: AnchoredAnnotation): Command {
  let current = created;
  return {
    label: `Tagged ${describeAnnotation(created)}`,
    scopes: scopesOf(created),
    undo: () => api['annotations.delete']({ id: current.id, expectedUpdated: current.updated, cause: 'undo' }),
    redo: async () => tracking(await api['annotations.restore']({ annotation: current, cause: 'redo' }), (a) => (current = a)),
  };
}

export function annotationUpdated(before: AnchoredAnnotation, after: AnchoredAnnotation): Command {
  let current = after;
  const step = async (body: AnchoredAnnotation['body'], cause: 'undo' | 'redo') =>
    tracking(await api['annotations.update']({ id: current.id, body, expectedUpdated: current.updated, cause }), (a) => (current = a));
  return {
    label: `Edited ${describeAnnotation(after)}`,
    scopes: scopesOf(after),
    undo: () => step(before.body, 'undo'),
    redo: () => step(after.body, 'redo'),
  };
}

export function annotationDeleted(deleted: AnchoredAnnotation): Command {
  let current = deleted;
  return {
    label: `Deleted ${describeAnnotation(deleted)}`,
    scopes: scopesOf(deleted),
    undo: async () => tracking(await api['annotations.restore']({ annotation: current, cause: 'undo' }), (a) => (current = a)),
    redo: () => api['annotations.delete']({ id: current.id, expectedUpdated: current.updated, cause: 'redo' }),
  };
}

/** A cell edited in the sheet: undo writes the previous value back if the cell still holds the new one. */
export function sheetEdited(row: SheetRecordRow, column: SheetColumn, templateId: string | undefined, previous: FieldValue, value: FieldValue): Command {
  const edit = (from: FieldValue, to: FieldValue, cause: 'undo' | 'redo') =>
    api['sheet.edit']({ rowId: row.rowId, ...(templateId ? { templateId } : {}), column: column.key, value: to, expected: from, cause });
  return {
    label: `Edited ${column.label} of ${excerpt(row.articleLabel || row.articleTitle, 40)}`,
    scopes: ['sheet', `article:${row.articleId}`],
    undo: () => edit(value, previous, 'undo'),
    redo: () => edit(previous, value, 'redo'),
  };
}
