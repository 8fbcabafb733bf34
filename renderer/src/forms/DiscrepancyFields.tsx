/**
 * A discrepancy: what kind of disagreement, a note, and the other quotes (in any article) it
 * disagrees with. Quotes are picked article by article — find the article by its title, then choose
 * among that article's annotations — so the form loads one article's annotations at a time, never
 * the whole review's (hundreds of MB at 500,000 annotations). Links chosen in one article stay
 * chosen while another is picked, and are listed with a Remove button.
 */
import { useEffect, useMemo, useState } from 'react';
import type { AnchoredAnnotation, ArticleSummary } from '../../../shared/model/index';
import { api } from '../api';
import { excerpt, keyFields, quoteOf, TYPE_LABEL } from '../reader/describe';
import { Field } from './Field';

export interface DiscrepancyValue {
  kind: string;
  note: string;
  links: string[];
}

const KINDS = ['journal', 'author', 'year', 'value', 'population', 'outcome definition', 'other'];

/** The article list shows this many matches; typing narrows it (a 10,000-option list helps nobody). */
const MAX_SHOWN = 200;

/** The article last picked, offered again: several discrepancies often point at one other report. */
let lastArticleId: string | null = null;
/** Labels of annotations seen in this session, so a chosen link keeps its label when another article is picked. */
const labels = new Map<string, string>();

interface Props {
  initial: DiscrepancyValue;
  /** The annotation being edited, which cannot link to itself. */
  selfId?: string;
  onChange: (value: DiscrepancyValue) => void;
}

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
const titleOf = (a: ArticleSummary) => a.title || a.fileName;

function annotationLabel(a: AnchoredAnnotation, article: string): string {
  const fields = keyFields(a);
  return `${excerpt(article, 40)} — ${TYPE_LABEL[a.body.type]}: “${excerpt(quoteOf(a), 60)}”${fields ? ` (${excerpt(fields, 40)})` : ''}`;
}

function useArticles() {
  const [articles, setArticles] = useState<ArticleSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void api['articles.list']({}).then((result) => (result.ok ? setArticles(result.value) : setError(result.error.message)));
  }, []);
  return { articles, error };
}

/** Articles whose title, authors, journal or year hold every word typed (accents and case ignored). */
function useMatches(articles: ArticleSummary[] | null, filter: string) {
  const haystacks = useMemo(
    () => (articles ?? []).map((a) => ({ a, text: fold([titleOf(a), a.authors.join(' '), a.journal ?? '', a.year ?? ''].join(' ')) })),
    [articles],
  );
  return useMemo(() => {
    const words = fold(filter).split(/\s+/).filter(Boolean);
    return haystacks.filter(({ text }) => words.every((w) => text.includes(w))).map(({ a }) => a);
  }, [haystacks, filter]);
}

function useAnnotationsOf(article: ArticleSummary | null) {
  const [state, setState] = useState<{ id: string; list: AnchoredAnnotation[] | null; error: string | null } | null>(null);
  useEffect(() => {
    if (!article) return;
    let current = true;
    setState({ id: article.id, list: null, error: null });
    void api['annotations.list']({ articleId: article.id }).then((result) => {
      if (!current) return;
      if (!result.ok) return setState({ id: article.id, list: null, error: result.error.message });
      for (const a of result.value) labels.set(a.id, annotationLabel(a, titleOf(article)));
      setState({ id: article.id, list: result.value, error: null });
    });
    return () => {
      current = false;
    };
  }, [article]);
  return state && state.id === article?.id ? state : null;
}

function LinkPicker({ links, selfId, onChange }: { links: string[]; selfId?: string; onChange: (links: string[]) => void }) {
  const { articles, error: listError } = useArticles();
  const [filter, setFilter] = useState('');
  const [articleId, setArticleId] = useState<string | null>(lastArticleId);
  const matches = useMatches(articles, filter);
  const article = articles?.find((a) => a.id === articleId) ?? null;
  const loaded = useAnnotationsOf(article);
  const options = (loaded?.list ?? []).filter((a) => a.id !== selfId);
  const here = new Set(options.map((a) => a.id));
  const shown = matches.slice(0, MAX_SHOWN);
  // The chosen article stays listed even when the filter no longer matches it.
  if (article && !shown.includes(article)) shown.unshift(article);

  const hint = !article
    ? 'Pick the article that holds the conflicting quote.'
    : loaded?.error
      ? `Could not list its annotations: ${loaded.error}`
      : !loaded?.list
        ? 'Loading its annotations…'
        : options.length === 0
          ? 'No other annotations in this article yet: tag the conflicting quote first, then link it here.'
          : 'Ctrl/Cmd-click to choose several; pick another article to add quotes from it too.';
  return (
    <div className="link-picker">
      <Field label="Find article">
        {(id) => (
          <input id={id} type="search" value={filter} placeholder="Words of the title, an author, the journal…" onChange={(e) => setFilter(e.target.value)} />
        )}
      </Field>
      <Field label="Article">
        {(id) => (
          <>
            <select
              id={id}
              size={Math.min(6, Math.max(2, shown.length))}
              value={articleId ?? ''}
              onChange={(e) => {
                lastArticleId = e.target.value;
                setArticleId(e.target.value);
              }}
            >
              {shown.map((a) => (
                <option key={a.id} value={a.id}>
                  {excerpt(titleOf(a), 90)}
                  {a.year ? ` (${a.year})` : ''}
                  {` · ${a.annotationCount} annotations`}
                </option>
              ))}
            </select>
            <small className="muted">
              {listError
                ? `Could not list articles: ${listError}`
                : articles === null
                  ? 'Loading articles…'
                  : matches.length > MAX_SHOWN
                    ? `${matches.length.toLocaleString()} articles match; the first ${MAX_SHOWN} are listed. Type more to narrow.`
                    : `${matches.length.toLocaleString()} of ${articles.length.toLocaleString()} articles.`}
            </small>
          </>
        )}
      </Field>
      <Field label="Disagrees with">
        {(id) => (
          <>
            <select
              id={id}
              multiple
              disabled={!article}
              size={Math.min(8, Math.max(3, options.length))}
              value={links.filter((l) => here.has(l))}
              // Links into other articles are not options here: keep them, replace this article's.
              onChange={(e) => onChange([...links.filter((l) => !here.has(l)), ...Array.from(e.target.selectedOptions, (o) => o.value)])}
            >
              {options.map((a) => (
                <option key={a.id} value={a.id}>
                  {labels.get(a.id)}
                </option>
              ))}
            </select>
            <small className="muted">{hint}</small>
          </>
        )}
      </Field>
      <ChosenLinks links={links} onRemove={(id) => onChange(links.filter((l) => l !== id))} />
    </div>
  );
}

function ChosenLinks({ links, onRemove }: { links: string[]; onRemove: (id: string) => void }) {
  if (links.length === 0) return <p className="muted small">No quote linked yet.</p>;
  return (
    <ul className="chosen-links" aria-label="Linked quotes">
      {links.map((id) => (
        <li key={id}>
          <span title={id}>{labels.get(id) ?? 'A quote in another article (pick that article to see it)'}</span>
          <button type="button" className="link" aria-label={`Remove link: ${labels.get(id) ?? id}`} onClick={() => onRemove(id)}>
            Remove
          </button>
        </li>
      ))}
    </ul>
  );
}

export function DiscrepancyFields({ initial, selfId, onChange }: Props) {
  const [value, setValue] = useState(initial);
  const update = (patch: Partial<DiscrepancyValue>) => {
    const next = { ...value, ...patch };
    setValue(next);
    onChange(next);
  };
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
      <LinkPicker links={value.links} selfId={selfId} onChange={(links) => update({ links })} />
    </div>
  );
}
