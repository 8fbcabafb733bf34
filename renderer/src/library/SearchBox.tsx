/**
 * The library's full-text search: a box in the toolbar, and while it holds text, the hits in a panel
 * over the article list (the list stays mounted underneath, so clearing the box returns to it as it
 * was). Escape clears the box; Down arrow moves into the hits, Up/Down between them.
 */
import { useRef, useState, type KeyboardEvent } from 'react';
import { SearchResults } from './SearchResults';
import { useSearch } from './useSearch';
import '../styles/search.css';

export function SearchBox() {
  const [query, setQuery] = useState('');
  const { result, error, searching } = useSearch(query);
  const box = useRef<HTMLInputElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const open = query.trim() !== '';

  const links = () => Array.from(panel.current?.querySelectorAll<HTMLAnchorElement>('.search-hit .title-link') ?? []);
  const clear = () => {
    setQuery('');
    box.current?.focus();
  };

  const onBoxKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      clear();
    } else if (event.key === 'ArrowDown' && open) {
      event.preventDefault();
      links()[0]?.focus();
    }
  };

  const onPanelKey = (event: KeyboardEvent<HTMLElement>) => {
    const all = links();
    const at = all.indexOf(document.activeElement as HTMLAnchorElement);
    if (event.key === 'Escape') {
      event.preventDefault();
      clear();
    } else if (event.key === 'ArrowDown' && at >= 0) {
      event.preventDefault();
      all[Math.min(at + 1, all.length - 1)]?.focus();
    } else if (event.key === 'ArrowUp' && at >= 0) {
      event.preventDefault();
      if (at === 0) box.current?.focus();
      else all[at - 1]?.focus();
    }
  };

  return (
    <div className="search" role="search">
      <input
        ref={box}
        type="search"
        className="search-input"
        placeholder="Search full text…"
        aria-label="Search full text"
        autoComplete="off"
        spellCheck={false}
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        onKeyDown={onBoxKey}
      />
      {open ? (
        <div className="search-panel" ref={panel}>
          <SearchResults result={result} error={error} searching={searching} onKeyDown={onPanelKey} />
        </div>
      ) : null}
    </div>
  );
}
