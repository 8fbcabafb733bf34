/**
 * A template's fields at one level (outcome or study), section by section, plus the values the
 * record holds under retired or unknown fields, read-only in a "Retired fields" disclosure (they
 * are kept on save, never dropped).
 */
import type { FieldValue, FieldValues, SectionLevel, Template } from '../../../shared/model/index';
import { FieldInput } from './FieldInput';
import { activeSections, hiddenValues } from '../../../shared/templates/form-values';
import { cellText } from '../../../shared/sheet/query';

interface Props {
  template: Template;
  level: SectionLevel;
  /** What the form currently shows. */
  values: FieldValues;
  /** What the record held when the form opened (for the retired values). */
  stored: FieldValues;
  onChange: (key: string, value: FieldValue) => void;
  /** grid: the wide outcome form; stack: one column (the sidebar). */
  layout: 'grid' | 'stack';
  autoFocus?: boolean;
}

/** Long free-text fields get a wider cell in the grid. */
const WIDE_KEYS = new Set(['outcome', 'note', 'population', 'intervention', 'comparator', 'funding']);

export function TemplateFields({ template, level, values, stored, onChange, layout, autoFocus }: Props) {
  const sections = activeSections(template, level);
  const hidden = hiddenValues(template, level, stored);
  const titled = sections.length > 1;
  let first = autoFocus;
  return (
    <div className="template-fields">
      {sections.length === 0 ? <p className="muted">This template has no {level}-level fields.</p> : null}
      {sections.map((section) => (
        <section key={section.key} className="form-section" aria-label={titled ? section.title : undefined}>
          {titled ? <h3 className="form-section-title">{section.title}</h3> : null}
          <div className={layout === 'grid' ? 'field-grid template-grid' : 'field-stack'}>
            {section.fields.map((field) => {
              const focus = first;
              first = false;
              const wide = layout === 'grid' && (field.kind === 'multiple' || (field.kind === 'text' && WIDE_KEYS.has(field.key)));
              return (
                <FieldInput
                  key={field.key}
                  field={field}
                  value={values[field.key]}
                  autoFocus={focus}
                  className={wide ? 'span-2' : undefined}
                  onChange={(v) => onChange(field.key, v)}
                />
              );
            })}
          </div>
        </section>
      ))}
      {hidden.length > 0 ? (
        <details className="retired-values">
          <summary>Retired fields ({hidden.length})</summary>
          <p className="muted">
            Values stored under fields this template no longer shows. They are kept when you save, and stay in the sheet
            and exports.
          </p>
          <dl>
            {hidden.map((h) => (
              <div key={h.key}>
                <dt>{h.label}</dt>
                <dd>{cellText(h.value)}</dd>
              </div>
            ))}
          </dl>
        </details>
      ) : null}
    </div>
  );
}
