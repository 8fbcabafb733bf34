/**
 * Editing one template: its name and sections. Save makes the next version (the core keeps any
 * field left out as retired); errors from the core go to the alert region.
 */
import { useState } from 'react';
import type { Template } from '../../../shared/model/index';
import { api } from '../api';
import { useErrors } from '../app/errors';
import { Field } from '../forms/Field';
import { fromDraft, move, newSection, sameDraft, toDraft, type SectionDraft } from './draft';
import { SectionEditor } from './SectionEditor';

interface Props {
  /** The saved version being edited (the parent remounts the editor with each new version). */
  template: Template;
  readOnly: boolean;
  onSaved: (saved: Template) => void;
}

export function TemplateEditor({ template, readOnly, onSaved }: Props) {
  const { report } = useErrors();
  const [original] = useState(() => toDraft(template));
  const [draft, setDraft] = useState(original);
  const [saving, setSaving] = useState(false);
  const [focusUid, setFocusUid] = useState<string | null>(null);
  const dirty = !sameDraft(draft, original);

  const setSections = (sections: SectionDraft[]) => setDraft((d) => ({ ...d, sections }));
  const replaceSection = (next: SectionDraft) => setDraft((d) => ({ ...d, sections: d.sections.map((s) => (s.uid === next.uid ? next : s)) }));

  async function save() {
    setSaving(true);
    const result = await api['templates.save']({ template: fromDraft(draft) });
    setSaving(false);
    if (!result.ok) return report(result.error);
    onSaved(result.value);
  }

  return (
    <section className="template-editor" aria-label="Template editor">
      <div className="editor-head">
        <Field label="Template name" className="grow">
          {(id) => <input id={id} type="text" value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />}
        </Field>
        <div className="editor-actions">
          <span className="muted" role="status">
            {dirty ? 'Unsaved changes' : `Version ${template.version}`}
          </span>
          <button type="button" disabled={!dirty || saving} onClick={() => setDraft(original)}>
            Discard changes
          </button>
          <button type="button" className="primary" disabled={!dirty || saving || readOnly} onClick={() => void save()}>
            {saving ? 'Saving…' : `Save as version ${template.version + 1}`}
          </button>
        </div>
      </div>
      <p className="muted editor-intro">
        Study-level sections are filled once per article (in the reader&apos;s “Study details”); outcome-level sections once
        per tagged quote. Saving makes a new version: records keep the version they were captured under.
      </p>
      <ol className="section-editor-list">
        {draft.sections.map((section, i) => (
          <SectionEditor
            key={section.uid}
            draft={draft}
            section={section}
            first={i === 0}
            last={i === draft.sections.length - 1}
            focusUid={focusUid}
            onAdded={setFocusUid}
            onChange={replaceSection}
            onMove={(delta) => setSections(move(draft.sections, i, delta))}
            onRemove={() => setSections(draft.sections.filter((s) => s.uid !== section.uid))}
          />
        ))}
      </ol>
      <div className="button-group">
        <button type="button" onClick={() => setSections([...draft.sections, newSection(draft, 'outcome')])}>
          Add outcome section
        </button>
        <button type="button" onClick={() => setSections([...draft.sections, newSection(draft, 'study')])}>
          Add study section
        </button>
      </div>
    </section>
  );
}
