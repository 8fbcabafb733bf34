/**
 * Values of template fields as forms edit them: which fields a level shows, what counts as empty, which
 * required fields are missing, and how a record's values are put back together on save (keys the
 * form does not show — retired or unknown fields — are always kept).
 */
import type { FieldValue, FieldValues, SectionLevel, Template, TemplateField, TemplateSection } from '../model/template.js';
import { isAnswered } from './values.js';

/** The sections of a level with their active (non-retired) fields; sections left empty are skipped. */
export function activeSections(template: Template, level: SectionLevel): TemplateSection[] {
  return template.sections
    .filter((s) => s.level === level)
    .map((s) => ({ ...s, fields: s.fields.filter((f) => !f.retired) }))
    .filter((s) => s.fields.length > 0);
}

export function activeFields(template: Template, level: SectionLevel): TemplateField[] {
  return activeSections(template, level).flatMap((s) => s.fields);
}

/** Labels of required fields that have no value yet. */
export function missingRequired(template: Template, level: SectionLevel, values: FieldValues): string[] {
  return activeFields(template, level)
    .filter((f) => f.required && !isAnswered(values[f.key]))
    .map((f) => f.label);
}

/** Stored values the form does not show (the field is retired or unknown to the template), with a label. */
export function hiddenValues(template: Template | null, level: SectionLevel, values: FieldValues): { key: string; label: string; value: FieldValue }[] {
  const all = new Map<string, TemplateField>();
  for (const s of template?.sections ?? []) if (s.level === level) for (const f of s.fields) all.set(f.key, f);
  return Object.entries(values)
    .filter(([key, value]) => isAnswered(value) && (all.get(key)?.retired ?? true))
    .map(([key, value]) => ({ key, label: all.get(key)?.label ?? key, value }));
}

/**
 * The values to save: everything the record held, with the shown fields replaced by the edited
 * values (an emptied field is removed); retired and unknown keys stay as they were.
 */
export function mergeValues(template: Template, level: SectionLevel, stored: FieldValues, edited: FieldValues): FieldValues {
  const out: FieldValues = { ...stored };
  for (const field of activeFields(template, level)) {
    const value = edited[field.key];
    if (!isAnswered(value)) delete out[field.key];
    else out[field.key] = value!;
  }
  return out;
}

/** "a; b ;; c" → ["a", "b", "c"] (trimmed, no blanks or repeats). */
export function parseTags(text: string): string[] {
  return [...new Set(text.split(';').map((t) => t.trim()).filter(Boolean))];
}
