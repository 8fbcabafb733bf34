/** The review's articles, import (button; drag-and-drop is wired by the app) and export. */
import { useRef } from 'react';
import type { ArticleSummary } from '../../../shared/model/index';
import { useReadOnly } from '../app/review';
import { ArticleTable } from './ArticleTable';
import { ExportButtons } from './ExportButtons';
import { ImportStatus } from './ImportStatus';
import { SearchBox } from './SearchBox';
import { IMPORT_ACCEPT } from './read-file';
import type { ImportProgress } from './useImport';

interface Props {
  articles: ArticleSummary[] | null;
  progress: ImportProgress;
  importFiles: (files: File[]) => void;
  /** Attach dropped files to one article (see ArticleTable). */
  attachFiles: (articleId: string, files: File[]) => void;
}

function EmptyState() {
  return (
    <div className="empty-state">
      <h2>No articles yet</h2>
      <p>
        Import the articles of your review: click <strong>Import files</strong> or drop PDF, text, Markdown or HTML
        files — or citation files from your searches (RIS, BibTeX, PubMed NBIB or XML, CSL-JSON, EndNote XML) —
        anywhere on this window. Drop a PDF on a record later to attach its full text.
      </p>
      <p>
        Then open an article, select a passage with the mouse and tag it as an outcome, a discrepancy or a note. Every
        value you extract stays anchored to the exact quote it came from.
      </p>
    </div>
  );
}

export function LibraryView({ articles, progress, importFiles, attachFiles }: Props) {
  const input = useRef<HTMLInputElement>(null);
  const readOnly = useReadOnly();
  return (
    <main className="library">
      <div className="toolbar">
        <h1>Library</h1>
        <SearchBox />
        <div className="spacer" />
        <input
          ref={input}
          type="file"
          multiple
          accept={IMPORT_ACCEPT}
          hidden
          data-testid="import-input"
          onChange={(event) => {
            const files = Array.from(event.target.files ?? []);
            event.target.value = ''; // so picking the same file again fires change again
            importFiles(files);
          }}
        />
        <button
          type="button"
          className="primary"
          disabled={readOnly || progress.running}
          onClick={() => input.current?.click()}
        >
          Import files
        </button>
        <ExportButtons />
      </div>
      <ImportStatus progress={progress} />
      {articles === null ? <p className="muted">Loading…</p> : articles.length === 0 ? <EmptyState /> : <ArticleTable articles={articles} {...(readOnly ? {} : { onAttach: attachFiles })} />}
    </main>
  );
}
