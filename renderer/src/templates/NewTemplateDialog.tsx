/** "New template": a name, and a blank start or a copy of an existing template. */
import { useState, type FormEvent } from 'react';
import type { Template } from '../../../shared/model/index';
import { Field } from '../forms/Field';
import { Modal } from '../forms/Modal';

interface Props {
  templates: Template[];
  onCreate: (name: string, copyOf: string | undefined) => Promise<boolean>;
  onClose: () => void;
}

export function NewTemplateDialog({ templates, onCreate, onClose }: Props) {
  const [name, setName] = useState('');
  const [source, setSource] = useState('');
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!name.trim()) return;
    setBusy(true);
    const done = await onCreate(name.trim(), source || undefined);
    setBusy(false);
    if (done) onClose();
  }

  return (
    <Modal title="New template" onClose={onClose}>
      <form onSubmit={submit}>
        <Field label="Name">
          {(id) => <input id={id} type="text" value={name} autoFocus onChange={(e) => setName(e.target.value)} />}
        </Field>
        <Field label="Start from">
          {(id) => (
            <select id={id} value={source} onChange={(e) => setSource(e.target.value)}>
              <option value="">Blank (one “Outcome” field)</option>
              {templates.map((t) => (
                <option key={t.id} value={t.id}>
                  Copy of {t.name} (v{t.version})
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="form-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy || !name.trim()}>
            Create
          </button>
        </div>
      </form>
    </Modal>
  );
}
