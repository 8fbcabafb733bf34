/**
 * One template field as a form control, by kind: text and number (kept as typed, so "<0.001" and
 * "−9.36" survive) as text inputs, single choice as a select, multiple choice as checkboxes, yes/no
 * as radios. The label is the field's label exactly (tests and screen readers find it by that);
 * the required mark sits outside it, and the help text describes the control.
 */
import { useId } from 'react';
import type { FieldValue, TemplateField } from '../../../shared/model/index';

interface Props {
  field: TemplateField;
  value: FieldValue | undefined;
  onChange: (value: FieldValue) => void;
  autoFocus?: boolean;
  className?: string;
}

function Required({ field }: { field: TemplateField }) {
  return field.required ? (
    <span className="required-mark" aria-hidden="true" title="Required">
      *
    </span>
  ) : null;
}

function Help({ id, field }: { id: string; field: TemplateField }) {
  return field.help ? (
    <small id={id} className="field-help">
      {field.help}
    </small>
  ) : null;
}

function ChoiceGroup({ field, value, onChange, autoFocus, className }: Props) {
  const helpId = useId();
  const name = useId();
  const describedBy = field.help ? helpId : undefined;
  const classes = `field choice-field ${className ?? ''}`.trim();
  if (field.kind === 'multiple') {
    const chosen = Array.isArray(value) ? value : [];
    // Choices no longer offered but stored in this record stay visible and can be unticked.
    const options = [...field.options, ...chosen.filter((c) => !field.options.includes(c))];
    return (
      <fieldset className={classes} aria-describedby={describedBy}>
        <legend>
          {field.label}
          <Required field={field} />
        </legend>
        <div className="choices">
          {options.map((option, i) => (
            <label key={option} className="choice">
              <input
                type="checkbox"
                checked={chosen.includes(option)}
                autoFocus={autoFocus && i === 0}
                onChange={(e) => onChange(e.target.checked ? options.filter((o) => o === option || chosen.includes(o)) : chosen.filter((c) => c !== option))}
              />
              {option}
            </label>
          ))}
        </div>
        <Help id={helpId} field={field} />
      </fieldset>
    );
  }
  const current = typeof value === 'boolean' ? value : null;
  const choices: [string, boolean | null][] = [
    ['Yes', true],
    ['No', false],
    ['Not answered', null],
  ];
  return (
    <fieldset className={classes} aria-describedby={describedBy} aria-required={field.required || undefined}>
      <legend>
        {field.label}
        <Required field={field} />
      </legend>
      <div className="choices">
        {choices.map(([label, v], i) => (
          <label key={label} className="choice">
            <input type="radio" name={name} checked={current === v} autoFocus={autoFocus && i === 0} onChange={() => onChange(v)} />
            {label}
          </label>
        ))}
      </div>
      <Help id={helpId} field={field} />
    </fieldset>
  );
}

export function FieldInput(props: Props) {
  const { field, value, onChange, autoFocus, className } = props;
  const id = useId();
  const helpId = useId();
  if (field.kind === 'multiple' || field.kind === 'yesno') return <ChoiceGroup {...props} />;
  const common = {
    id,
    name: field.key,
    autoFocus,
    required: field.required,
    'aria-describedby': field.help ? helpId : undefined,
  };
  const text = typeof value === 'string' ? value : '';
  return (
    <div className={`field ${className ?? ''}`.trim()}>
      <div className="field-label">
        <label htmlFor={id}>{field.label}</label>
        <Required field={field} />
      </div>
      {field.kind === 'single' ? (
        <select {...common} value={text} onChange={(e) => onChange(e.target.value === '' ? null : e.target.value)}>
          <option value="" />
          {(field.options.includes(text) || text === '' ? field.options : [...field.options, text]).map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      ) : (
        <input
          {...common}
          type="text"
          inputMode={field.kind === 'number' ? 'decimal' : undefined}
          className={field.kind === 'number' ? 'number-input' : undefined}
          value={text}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
      <Help id={helpId} field={field} />
    </div>
  );
}
