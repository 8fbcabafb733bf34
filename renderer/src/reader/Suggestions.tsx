/**
 * Outcome suggestions in the reader: the "Show suggestions (N)" switch, and the sidebar list that
 * makes every suggestion reachable from the keyboard (each row opens the same card as its highlight).
 * A long report can hold hundreds: the list is virtualised like the annotations above it.
 */
import { memo, useCallback } from 'react';
import type { OutcomeSuggestion } from '../../../shared/model/index';
import { excerpt } from './describe';
import { suggestionSummary } from './suggestion-text';
import { VirtualList, type ItemProps } from './VirtualList';

export function SuggestionToggle({ count, shown, onChange }: { count: number; shown: boolean; onChange: (shown: boolean) => void }) {
  return (
    <label className="suggestion-toggle" title="Numeric results the outcome finder read in this text; check each one">
      <input type="checkbox" checked={shown} onChange={(e) => onChange(e.target.checked)} />
      Show suggestions ({count})
    </label>
  );
}

interface ListProps {
  suggestions: OutcomeSuggestion[];
  shown: boolean;
  /** The list has not arrived yet (a PDF's first page comes first). */
  loading?: boolean;
  /** The key of the suggestion whose card is open. */
  openKey: string | null;
  onOpen: (s: OutcomeSuggestion, from: HTMLElement) => void;
}

const Row = memo(function Row({ s, open, item, onOpen }: { s: OutcomeSuggestion; open: boolean; item: ItemProps; onOpen: ListProps['onOpen'] }) {
  const summary = suggestionSummary(s);
  return (
    <li {...item} className="annotation-item type-suggestion" data-suggestion-key={s.key}>
      <button type="button" className="annotation-focus" aria-haspopup="dialog" aria-expanded={open} onClick={(e) => onOpen(s, e.currentTarget)}>
        <span className="badge badge-suggestion">Suggestion</span>
        {summary ? <span className="annotation-fields">{excerpt(summary, 160)}</span> : null}
        <q className="annotation-quote">{excerpt(s.quote.exact, 180)}</q>
      </button>
    </li>
  );
});

const keyOf = (s: OutcomeSuggestion) => s.key;

export function SuggestionList({ suggestions, shown, loading = false, openKey, onOpen }: ListProps) {
  const render = useCallback((s: OutcomeSuggestion, item: ItemProps) => <Row s={s} open={openKey === s.key} item={item} onOpen={onOpen} />, [openKey, onOpen]);
  return (
    <section className="suggestions" aria-labelledby="suggestions-heading">
      <h2 id="suggestions-heading">Suggested outcomes ({suggestions.length})</h2>
      {!shown ? (
        <p className="muted">Hidden. Turn on “Show suggestions” above the text to see them.</p>
      ) : loading ? (
        <p className="muted">Reading the text for numeric results…</p>
      ) : suggestions.length === 0 ? (
        <p className="muted">No numeric results left to check in this article.</p>
      ) : (
        <VirtualList className="annotation-list suggestion-list" items={suggestions} getKey={keyOf} renderItem={render} estimate={90} />
      )}
    </section>
  );
}
