/**
 * One section of a template in the editor: title, level, its fields (add, remove, reorder), and
 * the retired fields, which can be restored.
 */
import type { SectionLevel, TemplateField } from '../../../shared/model/index';
import { Field } from '../forms/Field';
import { keyFromLabel, keysAt, move, newField, type FieldDraft, type SectionDraft, type TemplateDraftState } from './draft';
import { FieldEditor } from './FieldEditor';

interface Props {
  draft: TemplateDraftState;
  section: SectionDraft;
  onChange: (next: SectionDraft) => void;
  onMove: (delta: number) => void;
  onRemove: () => void;
  first: boolean;
  last: boolean;
  /** The field just added, to focus its label. */
  focusUid: string | null;
  onAdded: (uid: string) => void;
}

export const LEVEL_LABELS: Record<SectionLevel, string> = {
  study: 'Study: once per article',
  outcome: 'Outcome: once per tagged quote',
};

export function SectionEditor({ draft, section, onChange, onMove, onRemove, first, last, focusUid, onAdded }: Props) {
  const active = section.fields.filter((f) => !f.field.retired);
  const retired = section.fields.filter((f) => f.field.retired);
  const title = section.title.trim() || 'Untitled section';
  const hasSaved = section.fields.some((f) => f.saved);

  const setFields = (fields: FieldDraft[]) => onChange({ ...section, fields });
  const patchField = (uid: string, patch: Partial<TemplateField>, keyTouched?: boolean) =>
    setFields(
      section.fields.map((f) => {
        if (f.uid !== uid) return f;
        const next: FieldDraft = { ...f, keyTouched: f.keyTouched || keyTouched === true, field: { ...f.field, ...patch } };
        // A new field's key follows its label until the key is typed by hand.
        if (!f.saved && !next.keyTouched && patch.label !== undefined) {
          const taken = keysAt(draft, section.level, uid);
          next.field.key = keyFromLabel(patch.label, taken);
        }
        return next;
      }),
    );
  /** Moves within the active fields; retired ones keep their place at the end. */
  const moveField = (index: number, delta: number) => setFields([...move(active, index, delta), ...retired]);
  const removeField = (f: FieldDraft) =>
    setFields(f.saved ? section.fields.map((x) => (x.uid === f.uid ? { ...x, field: { ...x.field, retired: true } } : x)) : section.fields.filter((x) => x.uid !== f.uid));
  const restore = (f: FieldDraft) =>
    setFields([...active, { ...f, field: { ...f.field, retired: false } }, ...retired.filter((x) => x.uid !== f.uid)]);
  const add = () => {
    const created = newField(draft, section.level);
    setFields([...active, created, ...retired]);
    onAdded(created.uid);
  };

  return (
    <li className="section-editor" role="group" aria-label={title}>
      <div className="section-head">
        <Field label="Section title" className="grow">
          {(id) => <input id={id} type="text" value={section.title} onChange={(e) => onChange({ ...section, title: e.target.value })} />}
        </Field>
        <Field label="Level" className="level-field">
          {(id) => (
            <select
              id={id}
              value={section.level}
              disabled={hasSaved}
              title={hasSaved ? 'Locked: this section has saved fields, whose values are stored at this level.' : undefined}
              onChange={(e) => onChange({ ...section, level: e.target.value === 'study' ? 'study' : 'outcome' })}
            >
              {(['outcome', 'study'] as const).map((l) => (
                <option key={l} value={l}>
                  {LEVEL_LABELS[l]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="row-actions">
          <button type="button" className="icon" aria-label={`Move section ${title} up`} title="Move up" disabled={first} onClick={() => onMove(-1)}>
            ↑
          </button>
          <button type="button" className="icon" aria-label={`Move section ${title} down`} title="Move down" disabled={last} onClick={() => onMove(1)}>
            ↓
          </button>
          <button type="button" className="link danger" onClick={onRemove}>
            Remove section
          </button>
        </div>
      </div>
      <ol className="field-editor-list">
        {active.map((f, i) => (
          <FieldEditor
            key={f.uid}
            draft={f}
            takenKeys={keysAt(draft, section.level, f.uid)}
            autoFocus={f.uid === focusUid}
            first={i === 0}
            last={i === active.length - 1}
            onChange={(patch, keyTouched) => patchField(f.uid, patch, keyTouched)}
            onMove={(delta) => moveField(i, delta)}
            onRemove={() => removeField(f)}
          />
        ))}
      </ol>
      {active.length === 0 ? <p className="muted">No fields in this section.</p> : null}
      <button type="button" onClick={add}>
        Add field
      </button>
      {retired.length > 0 ? (
        <div className="retired-fields" aria-label={`Retired fields of ${title}`} role="group">
          <h4>Retired fields</h4>
          <p className="muted">Hidden from forms. Values stored under them stay in the sheet and exports.</p>
          <ul>
            {retired.map((f) => (
              <li key={f.uid}>
                <span>{f.field.label}</span> <code>{f.field.key}</code>
                <button type="button" className="link" onClick={() => restore(f)} aria-label={`Restore ${f.field.label}`}>
                  Restore
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </li>
  );
}
