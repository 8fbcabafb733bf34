/** One labelled input per outcome field (labels from the shared model, so exports use the same words). */
import { useState } from 'react';
import { Field } from './Field';
import { OUTCOME_FIELDS, OUTCOME_FIELD_LABELS, type OutcomeFields } from '../../../shared/model/index';

const EMPTY = Object.fromEntries(OUTCOME_FIELDS.map((f) => [f, ''])) as OutcomeFields;

interface Props {
  initial?: OutcomeFields;
  onChange: (fields: OutcomeFields) => void;
}

export function OutcomeFieldsInputs({ initial, onChange }: Props) {
  const [fields, setFields] = useState<OutcomeFields>({ ...EMPTY, ...initial });
  return (
    <div className="field-grid">
      {OUTCOME_FIELDS.map((key, i) => (
        <Field key={key} label={OUTCOME_FIELD_LABELS[key]} className={key === 'note' || key === 'outcome' ? 'span-2' : undefined}>
          {(id) => (
            <input
              id={id}
              type="text"
              name={key}
              value={fields[key]}
              autoFocus={i === 0}
              onChange={(e) => {
                const next = { ...fields, [key]: e.target.value };
                setFields(next);
                onChange(next);
              }}
            />
          )}
        </Field>
      ))}
    </div>
  );
}

export { EMPTY as EMPTY_OUTCOME };
