/**
 * One field of a template in the editor: label, key (locked once saved: stored values are keyed
 * by it), kind, required, help, and the options of choice kinds (one per line).
 */
import { useState } from 'react';
import { FIELD_KIND_LABELS, FieldKind, type TemplateField } from '../../../shared/model/index';
import { Field } from '../forms/Field';
import { CHOICE_KINDS, type FieldDraft } from './draft';

interface Props {
  draft: FieldDraft;
  /** Keys other fields of this level use (for the duplicate-key warning). */
  takenKeys: ReadonlySet<string>;
  onChange: (patch: Partial<TemplateField>, keyTouched?: boolean) => void;
  onMove: (delta: number) => void;
  onRemove: () => void;
  first: boolean;
  last: boolean;
  autoFocus: boolean;
}

export function FieldEditor({ draft, takenKeys, onChange, onMove, onRemove, first, last, autoFocus }: Props) {
  const { field, saved } = draft;
  const [optionsText, setOptionsText] = useState(field.options.join('\n'));
  const name = field.label.trim() || 'New field';
  const duplicate = takenKeys.has(field.key);
  const keyOk = /^[a-z][a-z0-9_]{0,39}$/.test(field.key);
  return (
    <li className="field-editor" role="group" aria-label={name}>
      <div className="field-editor-row">
        <Field label="Label" className="grow">
          {(id) => <input id={id} type="text" value={field.label} autoFocus={autoFocus} onChange={(e) => onChange({ label: e.target.value })} />}
        </Field>
        <Field label="Key" className="key-field">
          {(id) => (
            <input
              id={id}
              type="text"
              className="mono"
              value={field.key}
              readOnly={saved}
              aria-invalid={duplicate || !keyOk || undefined}
              title={saved ? 'Locked: values already stored are keyed by it.' : 'The column name in exports; a-z, 0-9 and _.'}
              onChange={(e) => onChange({ key: e.target.value }, true)}
            />
          )}
        </Field>
        <Field label="Kind" className="kind-field">
          {(id) => (
            <select id={id} value={field.kind} onChange={(e) => onChange({ kind: FieldKind.parse(e.target.value) })}>
              {FieldKind.options.map((k) => (
                <option key={k} value={k}>
                  {FIELD_KIND_LABELS[k]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <label className="check required-check">
          <input type="checkbox" checked={field.required} onChange={(e) => onChange({ required: e.target.checked })} />
          Required
        </label>
        <div className="row-actions">
          <button type="button" className="icon" aria-label={`Move ${name} up`} title="Move up" disabled={first} onClick={() => onMove(-1)}>
            ↑
          </button>
          <button type="button" className="icon" aria-label={`Move ${name} down`} title="Move down" disabled={last} onClick={() => onMove(1)}>
            ↓
          </button>
          <button type="button" className="link danger" onClick={onRemove} title={saved ? 'Retire: hidden from forms, stored values kept' : 'Remove'}>
            Remove
          </button>
        </div>
      </div>
      {duplicate || !keyOk ? (
        <p className="field-warning" role="status">
          {duplicate ? `Another field of this level uses the key "${field.key}".` : 'A key is 1-40 characters a-z, 0-9, _ starting with a letter.'}
        </p>
      ) : null}
      <div className="field-editor-row">
        <Field label="Help" className="grow">
          {(id) => (
            <input id={id} type="text" value={field.help} placeholder="Shown under the field in the form" onChange={(e) => onChange({ help: e.target.value })} />
          )}
        </Field>
        {CHOICE_KINDS.has(field.kind) ? (
          <Field label="Options" className="options-field">
            {(id) => (
              <>
                <textarea
                  id={id}
                  rows={Math.min(8, Math.max(3, field.options.length + 1))}
                  value={optionsText}
                  onChange={(e) => {
                    setOptionsText(e.target.value);
                    onChange({ options: [...new Set(e.target.value.split('\n').map((o) => o.trim()).filter(Boolean))] });
                  }}
                />
                <small className="field-help">One per line. Renaming an option leaves stored values as they were.</small>
              </>
            )}
          </Field>
        ) : null}
      </div>
    </li>
  );
}
