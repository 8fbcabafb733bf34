/**
 * The outcome form, driven by the review's templates: a template picker (when there are several),
 * the template's outcome-level fields by kind, then status and tags. It reports the body to save
 * and, while it cannot be saved (loading, required fields empty), why not.
 */
import { useEffect, useMemo, useState } from 'react';
import {
  RECORD_STATUS_LABELS,
  RecordStatus,
  type FieldValues,
  type OutcomeBody,
  type Template,
} from '../../../shared/model/index';
import { useTemplates } from '../templates/useTemplates';
import { Field } from './Field';
import { mergeValues, missingRequired, parseTags } from '../../../shared/templates/form-values';
import { TemplateFields } from './TemplateFields';

interface Props {
  mode: 'create' | 'edit';
  initial: OutcomeBody;
  /** `blocker` says why the body cannot be saved yet (null: it can). */
  onChange: (body: OutcomeBody, blocker: string | null) => void;
}

/** The template last picked for a new outcome, offered again for the next one. */
let lastPicked: string | null = null;

function pick(templates: Template[], wanted: string | null): Template | undefined {
  return templates.find((t) => t.id === wanted) ?? templates[0];
}

export function OutcomeForm({ mode, initial, onChange }: Props) {
  const { templates } = useTemplates();
  const [templateId, setTemplateId] = useState<string | null>(mode === 'edit' ? initial.template.id : lastPicked);
  const [values, setValues] = useState<FieldValues>(initial.fields);
  const [status, setStatus] = useState(initial.status);
  const [tags, setTags] = useState(initial.tags.join('; '));
  const template = useMemo(() => (templates ? pick(templates, templateId) : undefined), [templates, templateId]);
  const stored = mode === 'edit' ? initial.fields : {};

  useEffect(() => {
    if (!template) {
      onChange(initial, templates ? 'This review has no templates.' : 'Loading the template…');
      return;
    }
    const missing = missingRequired(template, 'outcome', values);
    const body: OutcomeBody = {
      type: 'outcome',
      template: { id: template.id, version: template.version },
      fields: mergeValues(template, 'outcome', stored, values),
      status,
      tags: parseTags(tags),
    };
    onChange(body, missing.length > 0 ? `Fill in the required ${missing.length > 1 ? 'fields' : 'field'}: ${missing.join(', ')}.` : null);
    // onChange and initial are the caller's and fixed for this form's life.
  }, [template, values, status, tags]);

  if (!templates) return <p className="muted">Loading the template…</p>;
  if (!template) return <p className="form-error">This review has no templates: add one under Templates.</p>;

  const versionNote =
    mode === 'edit' && initial.template.id === template.id && initial.template.version !== template.version
      ? `Captured under version ${initial.template.version} of “${template.name}”; saving records it under version ${template.version}.`
      : null;

  return (
    <div className="outcome-form">
      {templates.length > 1 ? (
        <Field label="Template" className="template-picker">
          {(id) => (
            <select
              id={id}
              value={template.id}
              disabled={mode === 'edit'}
              title={mode === 'edit' ? 'A record stays with the template it was captured under.' : undefined}
              onChange={(e) => {
                lastPicked = e.target.value;
                setTemplateId(e.target.value);
              }}
            >
              {templates.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name} (v{t.version})
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : null}
      {versionNote ? <p className="muted version-note">{versionNote}</p> : null}
      <TemplateFields
        template={template}
        level="outcome"
        values={values}
        stored={stored}
        layout="grid"
        autoFocus
        onChange={(key, value) => setValues((v) => ({ ...v, [key]: value }))}
      />
      <div className="record-meta">
        <Field label="Status">
          {(id) => (
            <select id={id} value={status} onChange={(e) => setStatus(RecordStatus.parse(e.target.value))}>
              {RecordStatus.options.map((s) => (
                <option key={s} value={s}>
                  {RECORD_STATUS_LABELS[s]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Tags" className="grow">
          {(id) => (
            <input id={id} type="text" value={tags} placeholder="e.g. primary; efficacy" onChange={(e) => setTags(e.target.value)} />
          )}
        </Field>
      </div>
    </div>
  );
}
