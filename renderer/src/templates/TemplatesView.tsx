/**
 * #/templates: the review's extraction templates (codebooks) and an editor for the chosen one.
 * Saving makes a new version; fields taken out are kept as retired, which the notice says.
 */
import { useState } from 'react';
import type { Template } from '../../../shared/model/index';
import { api } from '../api';
import { useErrors } from '../app/errors';
import { useReadOnly } from '../app/review';
import { newlyRetired } from './draft';
import { NewTemplateDialog } from './NewTemplateDialog';
import { TemplateEditor } from './TemplateEditor';
import { useTemplates } from './useTemplates';

interface Notice {
  templateId: string;
  version: number;
  retired: string[];
}

function updated(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

function counts(t: Template): string {
  const active = (level: string) => t.sections.filter((s) => s.level === level).flatMap((s) => s.fields.filter((f) => !f.retired)).length;
  return `${active('study')} study · ${active('outcome')} outcome fields`;
}

export function TemplatesView() {
  const { report } = useErrors();
  const readOnly = useReadOnly();
  const { templates, setTemplates } = useTemplates();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);

  if (!templates) return <main className="templates-view pad muted">Loading templates…</main>;
  const selected = templates.find((t) => t.id === selectedId) ?? templates[0];

  function saved(before: Template, after: Template) {
    setTemplates((list) => (list ?? []).map((t) => (t.id === after.id ? after : t)));
    setNotice({ templateId: after.id, version: after.version, retired: newlyRetired(before, after) });
  }

  async function create(name: string, copyOf: string | undefined): Promise<boolean> {
    const result = await api['templates.create']({ name, ...(copyOf ? { copyOf } : {}) });
    if (!result.ok) {
      report(result.error);
      return false;
    }
    setTemplates((list) => [...(list ?? []), result.value]);
    setSelectedId(result.value.id);
    setNotice(null);
    return true;
  }

  return (
    <main className="templates-view">
      <aside className="template-list" aria-label="Templates">
        <div className="template-list-head">
          <h1>Templates</h1>
          <button type="button" disabled={readOnly} onClick={() => setCreating(true)}>
            New template
          </button>
        </div>
        <ul>
          {templates.map((t, i) => (
            <li key={t.id}>
              <button
                type="button"
                className="template-item"
                aria-current={t.id === selected?.id ? 'true' : undefined}
                onClick={() => {
                  setSelectedId(t.id);
                  setNotice(null);
                }}
              >
                <span className="template-name">{t.name}</span>
                <span className="muted">
                  Version {t.version} · updated {updated(t.updated)}
                </span>
                <span className="muted">
                  {counts(t)}
                  {i === 0 ? ' · default' : ''}
                </span>
              </button>
            </li>
          ))}
        </ul>
      </aside>
      <div className="template-main">
        {notice && selected && notice.templateId === selected.id ? (
          <div className="notice" role="status">
            <p>
              Saved “{selected.name}” as version {notice.version}. New records use it; existing records keep the version they
              were captured under.
            </p>
            {notice.retired.length > 0 ? (
              <p>
                Removed fields are kept as retired: {notice.retired.join(', ')}. Values stored under them stay in the sheet and
                exports.
              </p>
            ) : null}
          </div>
        ) : null}
        {selected ? (
          <TemplateEditor
            key={`${selected.id}@${selected.version}`}
            template={selected}
            readOnly={readOnly}
            onSaved={(after) => saved(selected, after)}
          />
        ) : (
          <p className="muted">This review has no templates yet.</p>
        )}
      </div>
      {creating ? <NewTemplateDialog templates={templates} onCreate={create} onClose={() => setCreating(false)} /> : null}
    </main>
  );
}
