/** The two small forms of a discrepancy: dismiss (a reason is required) and edit (kind, explanation, severity). */
import { useState, type FormEvent } from 'react';
import type { DiscrepancyItem, Severity } from '../../../shared/model/index';
import { Field } from '../forms/Field';
import { Modal } from '../forms/Modal';
import { KIND_SUGGESTIONS, kindLabel, SEVERITIES, SEVERITY_LABELS } from './board';

export function DismissDialog({ item, onDismiss, onCancel }: { item: DiscrepancyItem; onDismiss: (reason: string) => void; onCancel: () => void }) {
  const [reason, setReason] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (reason.trim() !== '') onDismiss(reason.trim());
  };
  return (
    <Modal title={`Dismiss “${kindLabel(item.kind)}”`} onClose={onCancel}>
      <form onSubmit={submit}>
        <p className="muted">Say why this is not a real disagreement. The reason is kept, and a rule will not suggest it again.</p>
        <Field label="Reason">
          {(id) => (
            <textarea
              id={id}
              rows={3}
              value={reason}
              autoFocus
              placeholder="e.g. the news piece cites the post-hoc analysis on purpose"
              onChange={(e) => setReason(e.target.value)}
            />
          )}
        </Field>
        <div className="form-actions">
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="danger" disabled={reason.trim() === ''}>
            Dismiss
          </button>
        </div>
      </form>
    </Modal>
  );
}

export interface EditValue {
  kind: string;
  note: string;
  severity: Severity;
}

export function EditDialog({ item, onSave, onCancel }: { item: DiscrepancyItem; onSave: (value: EditValue) => void; onCancel: () => void }) {
  const [value, setValue] = useState<EditValue>({ kind: item.kind, note: item.note, severity: item.severity });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSave({ ...value, kind: value.kind.trim() });
  };
  return (
    <Modal title="Edit discrepancy" onClose={onCancel}>
      <form onSubmit={submit}>
        <Field label="Kind">
          {(id) => (
            <>
              <input id={id} type="text" list="board-discrepancy-kinds" value={value.kind} autoFocus onChange={(e) => setValue({ ...value, kind: e.target.value })} />
              <datalist id="board-discrepancy-kinds">
                {KIND_SUGGESTIONS.map((k) => (
                  <option key={k} value={k}>
                    {kindLabel(k)}
                  </option>
                ))}
              </datalist>
            </>
          )}
        </Field>
        <Field label="Explanation">
          {(id) => <textarea id={id} rows={4} value={value.note} onChange={(e) => setValue({ ...value, note: e.target.value })} />}
        </Field>
        <Field label="Severity">
          {(id) => (
            <select id={id} value={value.severity} onChange={(e) => setValue({ ...value, severity: e.target.value as Severity })}>
              {SEVERITIES.map((s) => (
                <option key={s} value={s}>
                  {SEVERITY_LABELS[s]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="form-actions">
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="primary">
            Save
          </button>
        </div>
      </form>
    </Modal>
  );
}
