// The audit log's line format: one entry per line, a torn last line ignored, damaged lines skipped
// without hiding their neighbours; and the field-level diffs the History panel shows.
import { describe, expect, it } from 'vitest';
import { formatAuditLine, parseAuditLog } from '../../shared/history/audit-format.js';
import { changesOf } from '../../shared/history/diff.js';
import { newestFirst, type Annotation, type AnnotationAuditEntry, type AuditEntry } from '../../shared/model/index.js';

const ARTICLE = '0123456789abcdef';
const ID = '7b0c7f4e-2d0a-4a4b-9a59-1c2b3d4e5f60';

function annotation(fields: Record<string, string>, status: 'in-progress' | 'complete' = 'in-progress'): Annotation {
  return {
    id: ID,
    articleId: ARTICLE,
    reviewer: 'ana',
    target: { source: ARTICLE, sourceHash: 'a'.repeat(64), selector: [{ type: 'TextPositionSelector', start: 0, end: 4 }] },
    body: { type: 'outcome', template: { id: 'trial-outcomes', version: 1 }, fields, status, tags: [] },
    created: '2024-05-01T10:00:00.000Z',
    updated: '2024-05-01T10:00:00.000Z',
  };
}

function entry(time: string, action: AnnotationAuditEntry['action'], before: Annotation | null, after: Annotation | null): AnnotationAuditEntry {
  return {
    schemaVersion: 1,
    id: `e-${time}`,
    time,
    reviewer: 'ben',
    action,
    cause: 'edit',
    target: { type: 'annotation', articleId: ARTICLE, annotationId: ID, owner: 'ana' },
    before,
    after,
  };
}

const created = entry('2024-05-01T10:00:00.000Z', 'create', null, annotation({ n: '47', note: 'line one\nline two' }));
const updated = entry('2024-05-01T10:05:00.000Z', 'update', created.after, annotation({ n: '48', note: 'line one\nline two' }, 'complete'));

describe('audit line format', () => {
  it('writes one line per entry, even when values hold newlines, and reads them back in order', () => {
    const text = formatAuditLine(created) + formatAuditLine(updated);
    expect(text.split('\n')).toHaveLength(3); // two lines and the empty rest after the last newline
    const log = parseAuditLog(text);
    expect(log.entries).toEqual([created, updated]);
    expect(log).toMatchObject({ skipped: 0, tornTail: false });
  });

  it('ignores an incomplete last line (a crash mid-append) and keeps every complete one', () => {
    const whole = formatAuditLine(created) + formatAuditLine(updated);
    const torn = whole + formatAuditLine(updated).slice(0, 40);
    const log = parseAuditLog(torn);
    expect(log.entries).toEqual([created, updated]);
    expect(log).toMatchObject({ skipped: 0, tornTail: true });
  });

  it('skips a damaged line in the middle (a repaired torn tail) without losing the lines after it', () => {
    const text = formatAuditLine(created) + '{"schemaVersion":1,"id":"frag\n' + formatAuditLine(updated);
    const log = parseAuditLog(text);
    expect(log.entries).toEqual([created, updated]);
    expect(log.skipped).toBe(1);
  });

  it('orders newest first', () => {
    expect([created, updated].sort(newestFirst).map((e) => e.action)).toEqual(['update', 'create']);
  });
});

describe('field-level changes', () => {
  it('lists only the fields an update changed, with before and after', () => {
    expect(changesOf(updated)).toEqual([
      { field: 'n', before: '47', after: '48' },
      { field: 'status', before: 'In progress', after: 'Complete' },
    ]);
  });

  it('lists every value of a created or deleted record against nothing', () => {
    const deleted: AuditEntry = entry('2024-05-01T10:06:00.000Z', 'delete', updated.after, null);
    expect(changesOf(deleted)).toEqual([
      { field: 'n', before: '48', after: null },
      { field: 'note', before: 'line one\nline two', after: null },
      { field: 'status', before: 'Complete', after: null },
    ]);
  });
});
