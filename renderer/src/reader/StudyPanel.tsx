/**
 * "Study details": the template's study-level fields for this article (design, population …), one
 * set per reviewer, edited in place and saved explicitly. Values under retired fields are kept.
 */
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import type { StudyValues } from '../../../shared/contract';
import type { FieldValues, Template } from '../../../shared/model/index';
import { api } from '../api';
import { useErrors } from '../app/errors';
import { useReview } from '../app/review';
import { Field } from '../forms/Field';
import { activeFields, mergeValues, missingRequired } from '../../../shared/templates/form-values';
import { TemplateFields } from '../forms/TemplateFields';
import { useTemplates } from '../templates/useTemplates';

interface Props {
  articleId: string;
  readOnly: boolean;
}

type SaveState = 'clean' | 'dirty' | 'saving' | 'saved';

export function StudyPanel({ articleId, readOnly }: Props) {
  const { report } = useErrors();
  const reviewer = useReview()?.defaultReviewer ?? null;
  const { templates } = useTemplates();
  const [records, setRecords] = useState<StudyValues[] | null>(null);
  const [templateId, setTemplateId] = useState<string | null>(null);
  const [values, setValues] = useState<FieldValues>({});
  const [state, setState] = useState<SaveState>('clean');

  // Templates with study-level fields; the first is the default.
  const usable = useMemo(() => (templates ?? []).filter((t) => activeFields(t, 'study').length > 0), [templates]);
  const template: Template | undefined = usable.find((t) => t.id === templateId) ?? usable[0];
  const mine = records?.find((r) => r.reviewer === reviewer && r.template.id === template?.id);

  useEffect(() => {
    void api['study.get']({ articleId }).then((result) => {
      if (result.ok) setRecords(result.value);
      else report(result.error);
    });
  }, [articleId, report]);

  // Show the stored values whenever the template (or the loaded records) change.
  useEffect(() => {
    setValues(mine?.fields ?? {});
    setState((s) => (s === 'saved' ? s : 'clean'));
  }, [mine]);

  if (!templates || !records) return null;
  if (!template) return null;

  const missing = missingRequired(template, 'study', values);
  async function save(event: FormEvent) {
    event.preventDefault();
    if (!template || missing.length > 0) return;
    setState('saving');
    const fields = mergeValues(template, 'study', mine?.fields ?? {}, values);
    const result = await api['study.save']({ articleId, templateId: template.id, fields, ...(reviewer ? { reviewer } : {}) });
    if (!result.ok) {
      setState('dirty');
      return report(result.error);
    }
    // The saved record replaces the old one; the effect above then shows it as clean.
    setRecords((list) => [...(list ?? []).filter((r) => !(r.reviewer === result.value.reviewer && r.template.id === result.value.template.id)), result.value]);
    setState('saved');
  }

  const filled = activeFields(template, 'study').filter((f) => mine?.fields[f.key] !== undefined).length;
  const status =
    state === 'saving' ? 'Saving…' : state === 'saved' ? 'Saved' : state === 'dirty' ? 'Unsaved changes' : mine
            ? `Last saved ${new Date(mine.updated).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })}`
            : 'Not filled in yet';

  return (
    <details className="study-panel">
      <summary>
        <span className="study-title">Study details</span>
        <span className="muted study-count">
          {filled}/{activeFields(template, 'study').length}
        </span>
      </summary>
      <form onSubmit={save} aria-label="Study details">
        <fieldset disabled={readOnly} className="plain">
          {usable.length > 1 ? (
            <Field label="Template">
              {(id) => (
                <select id={id} value={template.id} onChange={(e) => {
                    setState('clean');
                    setTemplateId(e.target.value);
                  }}
                >
                  {usable.map((t) => (
                    <option key={t.id} value={t.id}>
                      {t.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          ) : null}
          <TemplateFields
            template={template}
            level="study"
            values={values}
            stored={mine?.fields ?? {}}
            layout="stack"
            onChange={(key, value) => {
              setValues((v) => ({ ...v, [key]: value }));
              setState('dirty');
            }}
          />
          <div className="study-actions">
            <span className={`save-state state-${state}`} role="status">
              {missing.length > 0 && state === 'dirty' ? `Required: ${missing.join(', ')}` : status}
            </span>
            <button type="submit" className="primary" disabled={state !== 'dirty' || missing.length > 0}>
              Save
            </button>
          </div>
        </fieldset>
      </form>
    </details>
  );
}
