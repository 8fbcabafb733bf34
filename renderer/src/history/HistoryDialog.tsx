/**
 * The History of one annotation, from the audit log: who did what and when, newest first, with the
 * values each change replaced (field by field, labelled as the record's template names them).
 */
import { useEffect, useState } from 'react';
import { changesOf } from '../../../shared/history/diff';
import type { AnchoredAnnotation, AuditEntry, Template } from '../../../shared/model/index';
import { api } from '../api';
import { Modal } from '../forms/Modal';
import { excerpt, quoteOf, TYPE_LABEL } from '../reader/describe';

const ACTION_LABEL: Record<AuditEntry['action'], string> = {
  create: 'Created',
  update: 'Edited',
  delete: 'Deleted',
  restore: 'Restored',
};

/** The record's own properties (template fields are labelled by their template). */
const PROPERTY_LABEL: Record<string, string> = {
  status: 'Status',
  tags: 'Tags',
  kind: 'Kind',
  note: 'Note',
  severity: 'Severity',
  reason: 'Reason',
  links: 'Links',
  text: 'Text',
};

const CAUSE_LABEL: Record<AuditEntry['cause'], string> = { edit: '', undo: ' (undo)', redo: ' (redo)' };

function when(time: string): string {
  return new Date(time).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
}

export function HistoryDialog({ annotation, onClose }: { annotation: AnchoredAnnotation; onClose: () => void }) {
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [labels, setLabels] = useState<Map<string, string>>(new Map());

  useEffect(() => {
    let cancelled = false;
    void api['audit.list']({ annotationId: annotation.id, articleId: annotation.articleId }).then((r) => {
      if (cancelled) return;
      if (r.ok) setEntries(r.value);
      else setError(r.error.message);
    });
    if (annotation.body.type === 'outcome') {
      const templateId = annotation.body.template.id;
      void api['templates.list']({}).then((r) => {
        const template: Template | undefined = r.ok ? r.value.find((t) => t.id === templateId) : undefined;
        if (!cancelled && template) setLabels(new Map(template.sections.flatMap((s) => s.fields).map((f) => [f.key, f.label])));
      });
    }
    return () => {
      cancelled = true;
    };
  }, [annotation]);

  return (
    <Modal title={`History of this ${TYPE_LABEL[annotation.body.type].toLowerCase()}`} onClose={onClose} wide>
      <p className="quote">{excerpt(quoteOf(annotation), 200)}</p>
      {error ? <p className="form-error">{error}</p> : null}
      {entries === null && !error ? <p className="muted">Loading…</p> : null}
      {entries?.length === 0 ? <p className="muted">No changes recorded (it was made before Evidentia kept a history).</p> : null}
      <ol className="history-list" aria-label="Changes, newest first">
        {(entries ?? []).map((entry) => {
          const changes = changesOf(entry);
          return (
            <li key={entry.id} className={`history-entry action-${entry.action}`}>
              <div className="history-head">
                <strong>
                  {ACTION_LABEL[entry.action]}
                  {CAUSE_LABEL[entry.cause]}
                </strong>{' '}
                by <span className="history-who">{entry.reviewer}</span> · <time dateTime={entry.time}>{when(entry.time)}</time>
              </div>
              {changes.length > 0 ? (
                <table className="history-changes">
                  <thead>
                    <tr>
                      <th scope="col">Field</th>
                      <th scope="col">Before</th>
                      <th scope="col">After</th>
                    </tr>
                  </thead>
                  <tbody>
                    {changes.map((c) => (
                      <tr key={c.field}>
                        <th scope="row">{labels.get(c.field) ?? PROPERTY_LABEL[c.field] ?? c.field}</th>
                        <td className={c.before === null ? 'muted' : 'history-before'}>{c.before === null ? '—' : excerpt(c.before, 200)}</td>
                        <td className={c.after === null ? 'muted' : 'history-after'}>{c.after === null ? '—' : excerpt(c.after, 200)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              ) : (
                <p className="muted">No field values changed.</p>
              )}
            </li>
          );
        })}
      </ol>
      <div className="form-actions">
        <button type="button" onClick={onClose} autoFocus>
          Close
        </button>
      </div>
    </Modal>
  );
}
