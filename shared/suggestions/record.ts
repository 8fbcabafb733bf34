/**
 * An accepted outcome suggestion becomes an ordinary outcome record: its values fill the template's
 * fields that exist (by key; the default "Trial outcomes" keys), as text the way a reviewer types them.
 */
import type { FieldValues, OutcomeSuggestion } from '../model/index.js';

const num = (value: number | null): string | null => (value === null ? null : String(value));

/** The values a suggestion offers, keyed by the default template's field keys. */
export function suggestionValues(s: OutcomeSuggestion): Record<string, string | null> {
  return {
    outcome: s.outcome || null,
    arm: s.arm || null,
    timepoint: s.timepoint || null,
    measure: s.measure || null,
    value: num(s.value),
    unit: s.unit || null,
    ci_low: num(s.ciLow),
    ci_high: num(s.ciHigh),
    p_value: s.p,
    n: num(s.n),
    sd: num(s.sd),
    events: num(s.events),
  };
}

/** Fields for an outcome record under a template whose active outcome fields are `keys`. */
export function recordFields(s: OutcomeSuggestion, keys: ReadonlySet<string>): FieldValues {
  const out: FieldValues = {};
  for (const [key, value] of Object.entries(suggestionValues(s))) {
    if (value !== null && value !== '' && keys.has(key)) out[key] = value;
  }
  return out;
}
