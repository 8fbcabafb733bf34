/**
 * A discrepancy: what kind of disagreement, a note, and the other quotes (in any article) it
 * disagrees with, chosen from every annotation in the review.
 */
import { useEffect, useState } from 'react';
import type { AnchoredAnnotation, ArticleSummary } from '../../../shared/model/index';
import { api } from '../api';
import { Field } from './Field';
import { excerpt, keyFields, quoteOf, TYPE_LABEL } from '../reader/describe';

export interface DiscrepancyValue {
  kind: string;
  note: string;
  links: string[];
}

const KINDS = ['journal', 'author', 'year', 'value', 'population', 'outcome definition', 'other'];

interface Props {
  initial: DiscrepancyValue;
  /** The annotation being edited, which cannot link to itself. */
  selfId?: string;
  onChange: (value: DiscrepancyValue) => void;
}

function useLinkCandidates() {
  const [candidates, setCandidates] = useState<{ id: string; label: string }[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void Promise.all([api['annotations.list']({}), api['articles.list']({})]).then(([anns, arts]) => {
      if (!anns.ok) return setError(anns.error.message);
      const titles = new Map((arts.ok ? arts.value : []).map((a: ArticleSummary) => [a.id, a.title || a.fileName]));
      const label = (a: AnchoredAnnotation) =>
        `${excerpt(titles.get(a.articleId) ?? a.articleId, 40)} — ${TYPE_LABEL[a.body.type]}: “${excerpt(quoteOf(a), 60)}”${
          keyFields(a) ? ` (${excerpt(keyFields(a), 40)})` : ''
        }`;
      setCandidates(anns.value.map((a) => ({ id: a.id, label: label(a) })));
    });
  }, []);
  return { candidates, error };
}

export function DiscrepancyFields({ initial, selfId, onChange }: Props) {
  const [value, setValue] = useState(initial);
  const { candidates, error } = useLinkCandidates();
  const update = (patch: Partial<DiscrepancyValue>) => {
    const next = { ...value, ...patch };
    setValue(next);
    onChange(next);
  };
  const options = (candidates ?? []).filter((c) => c.id !== selfId);
  const hint = error
    ? `Could not list annotations: ${error}`
    : candidates === null
      ? 'Loading annotations…'
      : options.length === 0
        ? 'No other annotations yet: tag the conflicting quote first, then link it here.'
        : 'Ctrl/Cmd-click to choose several, in any article.';
  return (
    <div className="field-stack">
      <Field label="Kind">
        {(id) => (
          <>
            <input id={id} type="text" list="discrepancy-kinds" value={value.kind} autoFocus onChange={(e) => update({ kind: e.target.value })} />
            <datalist id="discrepancy-kinds">
              {KINDS.map((k) => (
                <option key={k} value={k} />
              ))}
            </datalist>
          </>
        )}
      </Field>
      <Field label="Note">
        {(id) => <textarea id={id} rows={3} value={value.note} onChange={(e) => update({ note: e.target.value })} />}
      </Field>
      <Field label="Disagrees with">
        {(id) => (
          <>
            <select
              id={id}
              multiple
              size={Math.min(8, Math.max(3, options.length))}
              value={value.links}
              onChange={(e) => update({ links: Array.from(e.target.selectedOptions, (o) => o.value) })}
            >
              {options.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.label}
                </option>
              ))}
            </select>
            <small className="muted">{hint}</small>
          </>
        )}
      </Field>
    </div>
  );
}
