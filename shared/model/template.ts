/**
 * Extraction templates (codebooks): sections of typed fields. A template is versioned: every save
 * bumps `version`, and every stored value records the template id and version it was captured
 * under. Fields are never deleted from a template, only `retired`, so values stored under an older
 * version always keep a column to appear in.
 */
import { z } from 'zod';
import { IsoTime } from './ids.js';

export const TemplateId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'a template id is 1-64 characters: a-z, 0-9, -');
export type TemplateId = z.infer<typeof TemplateId>;

/** Field keys become JSON keys and export column names, so they are restricted. */
export const FieldKey = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'a field key is 1-40 characters: a-z, 0-9, _ (starting with a letter)');
export type FieldKey = z.infer<typeof FieldKey>;

export const FieldKind = z.enum(['text', 'number', 'single', 'multiple', 'yesno']);
export type FieldKind = z.infer<typeof FieldKind>;

export const FIELD_KIND_LABELS: Record<FieldKind, string> = {
  text: 'Text',
  number: 'Number',
  single: 'Single choice',
  multiple: 'Multiple choice',
  yesno: 'Yes / no',
};

export const TemplateField = z.object({
  key: FieldKey,
  label: z.string().min(1).max(200),
  kind: FieldKind,
  help: z.string().max(2000).default(''),
  required: z.boolean().default(false),
  /** Choices for single and multiple fields (ignored for other kinds). */
  options: z.array(z.string().min(1).max(200)).max(200).default([]),
  /** Hidden from forms; kept so values captured under older versions still have a column. */
  retired: z.boolean().default(false),
});
export type TemplateField = z.infer<typeof TemplateField>;

/** study: one set of values per article (and reviewer); outcome: one per outcome record (a quote). */
export const SectionLevel = z.enum(['study', 'outcome']);
export type SectionLevel = z.infer<typeof SectionLevel>;

export const TemplateSection = z.object({
  key: FieldKey,
  title: z.string().min(1).max(200),
  level: SectionLevel,
  fields: z.array(TemplateField).max(200),
});
export type TemplateSection = z.infer<typeof TemplateSection>;

export const Template = z.object({
  id: TemplateId,
  name: z.string().min(1).max(200),
  version: z.number().int().positive(),
  updated: IsoTime,
  sections: z.array(TemplateSection).max(50),
});
export type Template = z.infer<typeof Template>;

/** The template a set of values was captured under. */
export const TemplateRef = z.object({ id: TemplateId, version: z.number().int().positive() });
export type TemplateRef = z.infer<typeof TemplateRef>;

/**
 * One field's value: text and number fields keep the text as typed ("<0.001", "−9.36") so nothing
 * the reviewer wrote is lost (exports parse numbers); single choice is a string, multiple choice a
 * list, yes/no a boolean; null is "not answered".
 */
export const FieldValue = z.union([
  z.string().max(10_000),
  z.array(z.string().max(500)).max(200),
  z.boolean(),
  z.null(),
]);
export type FieldValue = z.infer<typeof FieldValue>;

export const FieldValues = z.record(FieldKey, FieldValue);
export type FieldValues = z.infer<typeof FieldValues>;
