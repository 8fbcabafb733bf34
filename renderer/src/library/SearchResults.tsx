/** The hits of a full-text search: title link to the reader, label, snippet with the query words marked. */
import type { KeyboardEvent } from 'react';
import type { SearchHit, SearchResult, SearchSnippet } from '../../../shared/model/index';
import { hrefFor } from '../app/route';

function Snippet({ snippet }: { snippet: SearchSnippet }) {
  const parts: (string | { mark: string })[] = [];
  let at = 0;
  for (const [start, end] of snippet.marks) {
    if (start < at || end > snippet.text.length) continue; // never trust offsets blindly
    parts.push(snippet.text.slice(at, start), { mark: snippet.text.slice(start, end) });
    at = end;
  }
  parts.push(snippet.text.slice(at));
  return (
    <p className="search-snippet">
      {parts.map((p, i) => (typeof p === 'string' ? p : <mark key={i}>{p.mark}</mark>))}
    </p>
  );
}

/** An article without authors is labelled by its shortened title: beside the title that only repeats it. */
function labelAddsSomething(hit: SearchHit): boolean {
  const head = hit.label.slice(0, 20);
  return !hit.title.startsWith(head);
}

function Hit({ hit }: { hit: SearchHit }) {
  return (
    <li className="search-hit">
      <a className="title-link" href={hrefFor({ view: 'reader', articleId: hit.articleId, annotationId: null })}>
        {hit.title || '(untitled)'}
      </a>
      {labelAddsSomething(hit) ? <span className="search-label">{hit.label}</span> : null}
      {hit.snippet ? <Snippet snippet={hit.snippet} /> : null}
    </li>
  );
}

function summary(result: SearchResult): string {
  const count = result.total === 0 ? 'No articles match' : result.total === 1 ? '1 article' : `${result.total.toLocaleString()} articles`;
  const shown = result.hits.length < result.total ? ` (best ${result.hits.length} shown)` : '';
  return `${count}${shown}`;
}

interface Props {
  result: SearchResult | null;
  error: string | null;
  searching: boolean;
  /** Arrow keys move between the hits; Escape goes back to the box. */
  onKeyDown: (event: KeyboardEvent<HTMLElement>) => void;
}

export function SearchResults({ result, error, searching, onKeyDown }: Props) {
  const { index } = result ?? {};
  return (
    <section className="search-results" aria-label="Search results" onKeyDown={onKeyDown}>
      <div className="search-summary" role="status">
        {error ? <span className="warn-text">{error}</span> : result ? summary(result) : searching ? 'Searching…' : null}
        {index && !index.ready ? (
          <span className="search-indexing">
            {' '}
            · Indexing… {index.indexed.toLocaleString()} of {index.total.toLocaleString()}
          </span>
        ) : null}
      </div>
      {result && result.hits.length > 0 ? (
        <ol className="search-hits">
          {result.hits.map((hit) => (
            <Hit key={hit.articleId} hit={hit} />
          ))}
        </ol>
      ) : null}
    </section>
  );
}
