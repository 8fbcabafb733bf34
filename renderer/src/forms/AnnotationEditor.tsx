/**
 * The form for creating or editing one annotation, whatever its type. The caller does the saving
 * (create or update) and hands back an error message to show, or null when it worked.
 */
import { useState, type FormEvent } from 'react';
import type { AnnotationBody } from '../../../shared/model/index';
import { excerpt, TYPE_LABEL } from '../reader/describe';
import { DiscrepancyFields } from './DiscrepancyFields';
import { Field } from './Field';
import { Modal } from './Modal';
import { EMPTY_OUTCOME, OutcomeFieldsInputs } from './OutcomeForm';

interface Props {
  mode: 'create' | 'edit';
  quote: string;
  initial: AnnotationBody;
  selfId?: string;
  onSave: (body: AnnotationBody) => Promise<string | null>;
  onClose: () => void;
}

/** A fresh body of each type, for new annotations. */
export function emptyBody(type: AnnotationBody['type']): AnnotationBody {
  if (type === 'outcome') return { type, fields: { ...EMPTY_OUTCOME } };
  if (type === 'discrepancy') return { type, kind: '', note: '', links: [] };
  return { type, text: '' };
}

export function AnnotationEditor({ mode, quote, initial, selfId, onSave, onClose }: Props) {
  const [body, setBody] = useState<AnnotationBody>(initial);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const verb = mode === 'create' ? (initial.type === 'note' ? 'Add' : 'Tag') : 'Edit';

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaving(true);
    const message = await onSave(body);
    setSaving(false);
    if (message) setError(message);
    else onClose();
  }

  return (
    <Modal title={`${verb} ${TYPE_LABEL[initial.type].toLowerCase()}`} onClose={onClose} wide={initial.type === 'outcome'}>
      <form onSubmit={submit}>
        <blockquote className="quote">{excerpt(quote, 400)}</blockquote>
        {body.type === 'outcome' ? (
          <OutcomeFieldsInputs initial={body.fields} onChange={(fields) => setBody({ type: 'outcome', fields })} />
        ) : body.type === 'discrepancy' ? (
          <DiscrepancyFields initial={body} selfId={selfId} onChange={(v) => setBody({ type: 'discrepancy', ...v })} />
        ) : (
          <Field label="Text">
            {(id) => (
              <textarea id={id} rows={4} value={body.text} autoFocus onChange={(e) => setBody({ type: 'note', text: e.target.value })} />
            )}
          </Field>
        )}
        {error ? (
          <p className="form-error" role="alert">
            {error}
          </p>
        ) : null}
        <div className="form-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={saving}>
            Save
          </button>
        </div>
      </form>
    </Modal>
  );
}
