/** The shell: header, read-only banner, alerts, and the routed view (library, reader, sheet, board …). */
import { useCallback, useEffect, useState } from 'react';
import type { ArticleSummary, ReviewInfo } from '../../../shared/model/index';
import { api } from '../api';
import { LibraryView } from '../library/LibraryView';
import { PasswordDialog } from '../library/PasswordDialog';
import { useDropFiles } from '../library/useDropFiles';
import { useImport } from '../library/useImport';
import { ReaderView } from '../reader/ReaderView';
import { SheetView } from '../sheet/SheetView';
import { TemplatesView } from '../templates/TemplatesView';
import { DuplicatesView } from '../duplicates/DuplicatesView';
import { ForestView } from '../forest/ForestView';
import { DiscrepancyBoard } from '../discrepancies/DiscrepancyBoard';
import { CompareView } from '../discrepancies/CompareView';
import { HistoryButtons, HistoryProvider, HistoryToast } from '../history/HistoryProvider';
import { ErrorsProvider, useErrors } from './errors';
import { ReviewContext } from './review';
import { hrefFor, useRoute } from './route';

const NAV = [
  { view: 'library', label: 'Library' },
  { view: 'sheet', label: 'Sheet' },
  { view: 'forest', label: 'Forest plot' },
  { view: 'discrepancies', label: 'Discrepancies' },
  { view: 'duplicates', label: 'Duplicates' },
  { view: 'templates', label: 'Templates' },
] as const;

function Shell() {
  const { report } = useErrors();
  const route = useRoute();
  const [info, setInfo] = useState<ReviewInfo | null>(null);
  const [articles, setArticles] = useState<ArticleSummary[] | null>(null);

  const refresh = useCallback(async () => {
    const [infoResult, listResult] = await Promise.all([api['review.info']({}), api['articles.list']({})]);
    if (infoResult.ok) setInfo(infoResult.value);
    else report(infoResult.error);
    if (listResult.ok) setArticles(listResult.value);
    else report(listResult.error);
  }, [report]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const onImported = useCallback(() => void refresh(), [refresh]);
  const { progress, importFiles, attachFiles, passwordRequest, answerPassword } = useImport(onImported);
  const onDrop = useCallback(
    (files: File[]) => {
      window.location.hash = hrefFor({ view: 'library' }); // the progress is shown in the library
      void importFiles(files);
    },
    [importFiles],
  );
  const dragging = useDropFiles(onDrop, info !== null && !info.readOnly && !progress.running);

  const readOnly = info?.readOnly ?? true;
  return (
    <ReviewContext.Provider value={info}>
      <HistoryProvider readOnly={readOnly}>
        <header className="app-header">
          <a href={hrefFor({ view: 'library' })} className="brand">
            Evidentia
          </a>
          {info ? <span className="review-name">{info.name}</span> : null}
          <nav>
            {NAV.map(({ view, label }) => (
              <a key={view} href={hrefFor({ view })} aria-current={route.view === view || (route.view === 'compare' && view === 'discrepancies') ? 'page' : undefined}>
                {label}
              </a>
            ))}
          </nav>
          <HistoryButtons readOnly={readOnly} />
        </header>
        {info?.readOnly ? (
          <div className="banner" role="status">
            This review is open read-only: another Evidentia window or process is writing to it. You can read and export;
            importing and tagging are disabled.
          </div>
        ) : null}
        {(info?.notices ?? []).map((notice) => (
          <div key={notice} className="banner" role="alert">
            {notice}
          </div>
        ))}
        {route.view === 'reader' ? (
          <ReaderView key={route.articleId} articleId={route.articleId} annotationId={route.annotationId} onChanged={onImported} />
        ) : route.view === 'sheet' ? (
          <SheetView />
        ) : route.view === 'templates' ? (
          <TemplatesView />
        ) : route.view === 'duplicates' ? (
          <DuplicatesView onChanged={onImported} />
        ) : route.view === 'forest' ? (
          <ForestView />
        ) : route.view === 'discrepancies' ? (
          <DiscrepancyBoard />
        ) : route.view === 'compare' ? (
          <CompareView key={route.discrepancyId} discrepancyId={route.discrepancyId} />
        ) : (
          <LibraryView articles={articles} progress={progress} importFiles={importFiles} attachFiles={(id, files) => void attachFiles(id, files)} />
        )}
        {dragging ? <div className="drop-overlay">Drop files to import them</div> : null}
        {passwordRequest ? (
          <PasswordDialog {...passwordRequest} onSubmit={answerPassword} onCancel={() => answerPassword(null)} />
        ) : null}
        <HistoryToast />
      </HistoryProvider>
    </ReviewContext.Provider>
  );
}

export function App() {
  return (
    <ErrorsProvider>
      <Shell />
    </ErrorsProvider>
  );
}
