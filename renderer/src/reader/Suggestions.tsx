/**
 * Outcome suggestions in the reader: the "Show suggestions (N)" switch, and the sidebar list that
 * makes every suggestion reachable from the keyboard (each row opens the same card as its highlight).
 */
import type { OutcomeSuggestion } from '../../../shared/model/index';
import { excerpt } from './describe';
import { suggestionSummary } from './suggestion-text';

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
  /** The key of the suggestion whose card is open. */
  openKey: string | null;
  onOpen: (s: OutcomeSuggestion, from: HTMLElement) => void;
}

export function SuggestionList({ suggestions, shown, openKey, onOpen }: ListProps) {
  return (
    <section className="suggestions" aria-labelledby="suggestions-heading">
      <h2 id="suggestions-heading">Suggested outcomes ({suggestions.length})</h2>
      {!shown ? (
        <p className="muted">Hidden. Turn on “Show suggestions” above the text to see them.</p>
      ) : suggestions.length === 0 ? (
        <p className="muted">No numeric results left to check in this article.</p>
      ) : (
        <ul className="annotation-list suggestion-list">
          {suggestions.map((s) => {
            const summary = suggestionSummary(s);
            return (
              <li key={s.key} className="annotation-item type-suggestion" data-suggestion-key={s.key}>
                <button
                  type="button"
                  className="annotation-focus"
                  aria-haspopup="dialog"
                  aria-expanded={openKey === s.key}
                  onClick={(e) => onOpen(s, e.currentTarget)}
                >
                  <span className="badge badge-suggestion">Suggestion</span>
                  {summary ? <span className="annotation-fields">{excerpt(summary, 160)}</span> : null}
                  <q className="annotation-quote">{excerpt(s.quote.exact, 180)}</q>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
