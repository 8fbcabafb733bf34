/**
 * Builds an annotation body from `--type` and the repeated `--field key=value` options. Discrepancy
 * and note keys are checked here; outcome keys belong to the review's template, so the core checks
 * them (a typo such as "pvalue" comes back as an error naming the template) rather than dropping them.
 */
import type { Input } from '../../shared/contract.js';
import { usageError } from './errors.js';

export const ANNOTATION_TYPES = ['outcome', 'discrepancy', 'note'] as const;
export type AnnotationTypeArg = (typeof ANNOTATION_TYPES)[number];

const DISCREPANCY_FIELDS = ['kind', 'note', 'links'] as const;
const NOTE_FIELDS = ['text'] as const;

type RawBody = Input<'annotations.create'>['body'];

export function parseType(raw: string | undefined): AnnotationTypeArg {
  if (raw === undefined) throw usageError(`--type is required: ${ANNOTATION_TYPES.join(', ')}`);
  const type = ANNOTATION_TYPES.find((t) => t === raw);
  if (!type) throw usageError(`--type "${raw}" is not one of: ${ANNOTATION_TYPES.join(', ')}`);
  return type;
}

export function buildBody(type: AnnotationTypeArg, fieldArgs: string[], quote: string): RawBody {
  switch (type) {
    case 'outcome':
      return { type, fields: parseFields(fieldArgs, null, type) as Record<string, string> };
    case 'discrepancy': {
      const f = parseFields(fieldArgs, DISCREPANCY_FIELDS, type);
      const links = (f.links ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s.length > 0);
      return { type, kind: f.kind ?? '', note: f.note ?? '', links };
    }
    case 'note': {
      // A note without text is the quote itself: "remember this passage".
      const f = parseFields(fieldArgs, NOTE_FIELDS, type);
      return { type, text: f.text ?? quote };
    }
  }
}

/** `valid` null: any key (checked by the core against the template). */
function parseFields<K extends string>(args: string[], valid: readonly K[] | null, type: string): Partial<Record<K, string>> {
  const fields: Partial<Record<K, string>> = {};
  for (const arg of args) {
    const eq = arg.indexOf('=');
    if (eq <= 0) throw usageError(`--field "${arg}" must be key=value`);
    const key = arg.slice(0, eq).trim();
    const known = valid === null ? (key as K) : valid.find((k) => k === key);
    if (!known) throw usageError(`--field "${key}" is not valid for --type ${type}; valid keys: ${(valid ?? []).join(', ')}`);
    if (fields[known] !== undefined) throw usageError(`--field ${key} is given twice`);
    fields[known] = arg.slice(eq + 1);
  }
  return fields;
}
