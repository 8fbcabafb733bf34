/**
 * Checking values against a template before they are stored. Values are kept as typed (a number
 * field may hold "<0.001"), but their shape must fit the field's kind, and choices must be offered.
 */
import { EvidentiaError } from '../result.js';
import type { FieldValue, FieldValues, SectionLevel, Template, TemplateField } from '../model/template.js';

export function fieldsAt(template: Template, level: SectionLevel): Map<string, TemplateField> {
  const out = new Map<string, TemplateField>();
  for (const section of template.sections) if (section.level === level) for (const f of section.fields) out.set(f.key, f);
  return out;
}

function problem(field: TemplateField, value: FieldValue): string | null {
  if (value === null) return null;
  switch (field.kind) {
    case 'text':
    case 'number':
      return typeof value === 'string' ? null : `"${field.label}" takes text`;
    case 'yesno':
      return typeof value === 'boolean' ? null : `"${field.label}" takes yes or no`;
    case 'single':
      if (typeof value !== 'string') return `"${field.label}" takes one choice`;
      return value === '' || field.options.includes(value) ? null : `"${value}" is not a choice of "${field.label}"`;
    case 'multiple': {
      if (!Array.isArray(value)) return `"${field.label}" takes a list of choices`;
      const unknown = value.filter((v) => !field.options.includes(v));
      return unknown.length === 0 ? null : `"${unknown[0]}" is not a choice of "${field.label}"`;
    }
  }
}

/**
 * Throws bad-input naming every value that does not fit. Only `changed` keys are checked against
 * choices, so a value captured before an option was renamed stays storable alongside new edits.
 */
export function checkValues(template: Template, level: SectionLevel, values: FieldValues, changed: Iterable<string> = Object.keys(values)): void {
  const fields = fieldsAt(template, level);
  const found: string[] = [];
  for (const key of changed) {
    const field = fields.get(key);
    if (!field) {
      found.push(`"${key}" is not ${level === 'outcome' ? 'an' : 'a'} ${level}-level field of "${template.name}"`);
      continue;
    }
    const p = problem(field, values[key] ?? null);
    if (p) found.push(p);
  }
  if (found.length > 0) throw new EvidentiaError('bad-input', `${found.join('; ')}.`);
}

/** The changed keys between two value sets (added, removed or different). */
export function changedKeys(before: FieldValues, after: FieldValues): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((k) => JSON.stringify(before[k] ?? null) !== JSON.stringify(after[k] ?? null));
}

/** A value someone gave: not null, not blank text, not an empty list (false is an answer). */
export function isAnswered(value: FieldValue | undefined): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  return true;
}
