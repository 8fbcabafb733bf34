/**
 * The form for creating or editing one annotation, whatever its type. The caller does the saving
 * (create or update) and hands back an error message to show, or null when it worked.
 */
import { useState, type FormEvent } from 'react';
import { DEFAULT_TEMPLATE_REF, type AnnotationBody } from '../../../shared/model/index';
import { excerpt, TYPE_LABEL } from '../reader/describe';
import { DiscrepancyFields } from './DiscrepancyFields';
import { Field } from './Field';
import { Modal } from './Modal';
import { OutcomeForm } from './OutcomeForm';

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
  // The form puts in the chosen template (the review's first by default).
  if (type === 'outcome') return { type, template: DEFAULT_TEMPLATE_REF, fields: {}, status: 'in-progress', tags: [] };
  // Tagged by a person: confirmed, like every discrepancy from before rules existed.
  if (type === 'discrepancy') return { type, kind: '', note: '', links: [], status: 'confirmed', severity: 'medium', reason: '', fingerprint: null };
  return { type, text: '' };
}

export function AnnotationEditor({ mode, quote, initial, selfId, onSave, onClose }: Props) {
  const [body, setBody] = useState<AnnotationBody>(initial);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  /** Why the outcome form cannot be saved yet (required fields empty, template loading). */
  const [blocker, setBlocker] = useState<string | null>(null);
  const verb = mode === 'create' ? (initial.type === 'note' ? 'Add' : 'Tag') : 'Edit';

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (blocker) return;
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
        {initial.type === 'outcome' ? (
          <OutcomeForm
            mode={mode}
            initial={initial}
            onChange={(next, why) => {
              setBody(next);
              setBlocker(why);
            }}
          />
        ) : body.type === 'discrepancy' ? (
          <DiscrepancyFields initial={body} selfId={selfId} onChange={(v) => setBody({ ...body, ...v })} />
        ) : body.type === 'note' ? (
          <Field label="Text">
            {(id) => (
              <textarea id={id} rows={4} value={body.text} autoFocus onChange={(e) => setBody({ type: 'note', text: e.target.value })} />
            )}
          </Field>
        ) : null}
        {error ? (
          <p className="form-error" role="alert">
            {error}
          </p>
        ) : null}
        <div className="form-actions">
          {blocker ? (
            <span className="form-blocker muted" role="status">
              {blocker}
            </span>
          ) : null}
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={saving || blocker !== null}>
            Save
          </button>
        </div>
      </form>
    </Modal>
  );
}
