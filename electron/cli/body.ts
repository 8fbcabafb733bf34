/**
 * Builds an annotation body from `--type` and the repeated `--field key=value` options. Keys are
 * checked here, against the model's own field lists, so a typo ("pvalue") is a usage error naming the
 * valid keys rather than a field silently dropped; values are then validated by the contract.
 */
import type { Input } from '../../shared/contract.js';
import { OUTCOME_FIELDS } from '../../shared/model/index.js';
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
      return { type, fields: parseFields(fieldArgs, OUTCOME_FIELDS, type) };
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

function parseFields<K extends string>(args: string[], valid: readonly K[], type: string): Partial<Record<K, string>> {
  const fields: Partial<Record<K, string>> = {};
  for (const arg of args) {
    const eq = arg.indexOf('=');
    if (eq <= 0) throw usageError(`--field "${arg}" must be key=value`);
    const key = arg.slice(0, eq).trim();
    const known = valid.find((k) => k === key);
    if (!known) throw usageError(`--field "${key}" is not valid for --type ${type}; valid keys: ${valid.join(', ')}`);
    if (fields[known] !== undefined) throw usageError(`--field ${key} is given twice`);
    fields[known] = arg.slice(eq + 1);
  }
  return fields;
}
