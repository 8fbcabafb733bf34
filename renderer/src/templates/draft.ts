/**
 * The template editor's working copy. Each section and field carries a stable uid (React keys) and
 * whether it exists in the saved template: a saved field's key is locked (stored values are keyed
 * by it) and removing it retires it; a new field's key follows its label until edited.
 */
import type { FieldKind, SectionLevel, Template, TemplateField, TemplateSection } from '../../../shared/model/index';
import { slugify } from '../../../shared/text/slug';

export interface FieldDraft {
  uid: string;
  saved: boolean;
  /** The key was typed by hand, so it no longer follows the label. */
  keyTouched: boolean;
  field: TemplateField;
}

export interface SectionDraft {
  uid: string;
  saved: boolean;
  key: string;
  title: string;
  level: SectionLevel;
  fields: FieldDraft[];
}

export interface TemplateDraftState {
  id: string;
  name: string;
  sections: SectionDraft[];
}

let counter = 0;
const uid = () => `d${++counter}`;

export function toDraft(template: Template): TemplateDraftState {
  return {
    id: template.id,
    name: template.name,
    sections: template.sections.map((s) => ({
      uid: uid(),
      saved: true,
      key: s.key,
      title: s.title,
      level: s.level,
      fields: s.fields.map((f) => ({ uid: uid(), saved: true, keyTouched: true, field: { ...f, options: [...f.options] } })),
    })),
  };
}

/** What templates.save takes. */
export function fromDraft(draft: TemplateDraftState): { id: string; name: string; sections: TemplateSection[] } {
  return {
    id: draft.id,
    name: draft.name.trim(),
    sections: draft.sections.map((s) => ({ key: s.key, title: s.title.trim(), level: s.level, fields: s.fields.map((f) => f.field) })),
  };
}

export function sameDraft(a: TemplateDraftState, b: TemplateDraftState): boolean {
  return JSON.stringify(fromDraft(a)) === JSON.stringify(fromDraft(b));
}

/** A key from a label: "Risk of bias" → "risk_of_bias", unique among `taken`. */
export function keyFromLabel(label: string, taken: ReadonlySet<string>, fallback = 'field'): string {
  let base = slugify(label, { separator: '_', max: 36, fallback: '' });
  if (!/^[a-z]/.test(base)) base = base ? `${fallback[0]}_${base}`.slice(0, 36) : fallback;
  let key = base;
  for (let n = 2; taken.has(key); n += 1) key = `${base}_${n}`;
  return key;
}

/** Field keys used at a level, except by the field `exceptUid`. */
export function keysAt(draft: TemplateDraftState, level: SectionLevel, exceptUid?: string): Set<string> {
  return new Set(draft.sections.filter((s) => s.level === level).flatMap((s) => s.fields.filter((f) => f.uid !== exceptUid).map((f) => f.field.key)));
}

export function newField(draft: TemplateDraftState, level: SectionLevel): FieldDraft {
  const key = keyFromLabel('', keysAt(draft, level));
  return {
    uid: uid(),
    saved: false,
    keyTouched: false,
    field: { key, label: '', kind: 'text', help: '', required: false, options: [], retired: false },
  };
}

export function newSection(draft: TemplateDraftState, level: SectionLevel): SectionDraft {
  const title = level === 'study' ? 'Study' : 'Outcomes';
  return { uid: uid(), saved: false, key: keyFromLabel(title, new Set(draft.sections.map((s) => s.key)), 'section'), title, level, fields: [] };
}

/** The list with item `index` moved by `delta` places (unchanged at the ends). */
export function move<T>(list: T[], index: number, delta: number): T[] {
  const to = index + delta;
  if (to < 0 || to >= list.length) return list;
  const out = [...list];
  const [item] = out.splice(index, 1);
  out.splice(to, 0, item!);
  return out;
}

export const CHOICE_KINDS: ReadonlySet<FieldKind> = new Set(['single', 'multiple']);

/** Fields active in `before` that `after` keeps as retired (what a save retired). */
export function newlyRetired(before: Template, after: Template): string[] {
  const active = new Set(before.sections.flatMap((s) => s.fields.filter((f) => !f.retired).map((f) => `${s.level}:${f.key}`)));
  return after.sections.flatMap((s) => s.fields.filter((f) => f.retired && active.has(`${s.level}:${f.key}`)).map((f) => f.label));
}
