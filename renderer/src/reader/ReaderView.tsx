/**
 * Reading one article: the text or PDF view, the selection toolbar, the tag forms, and the sidebar
 * of annotations. The views only report selections and draw highlights; saving happens here.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type MouseEvent } from 'react';
import type { AnchoredAnnotation, AnnotationBody } from '../../../shared/model/index';
import { api } from '../api';
import { useErrors } from '../app/errors';
import { useReadOnly } from '../app/review';
import { AnnotationEditor, emptyBody } from '../forms/AnnotationEditor';
import { ConfirmDialog } from '../forms/ConfirmDialog';
import { annotationCreated, annotationDeleted, annotationUpdated } from '../history/commands';
import { HistoryDialog } from '../history/HistoryDialog';
import { useHistory } from '../history/HistoryProvider';
import { ArticleHeader } from './ArticleHeader';
import { quoteOf } from './describe';
import type { FocusRequest } from './focus';
import { PdfView } from './pdf/LazyPdfView';
import { highlightsOf, withSuggestions } from './segments';
import { SelectionToolbar } from './SelectionToolbar';
import { SuggestionCard, type CardAnchor } from './SuggestionCard';
import { pageOf, suggestionHighlights } from './suggestion-text';
import { SuggestionList, SuggestionToggle } from './Suggestions';
import { StudyPanel } from './StudyPanel';
import { Sidebar } from './Sidebar';
import type { TextSelection } from './text-selection';
import { TextView } from './TextView';
import { useArticle } from './useArticle';
import { useSuggestions } from './useSuggestions';
import { useTagShortcuts } from './useTagShortcuts';
import { usePdfShown } from './pdf/usePdfShown';

type Editor =
  | { mode: 'create'; type: AnnotationBody['type']; selection: TextSelection }
  | { mode: 'edit'; annotation: AnchoredAnnotation };

/** The suggestion whose card is open, where it was opened from, and what to refocus after. */
type OpenSuggestion = { key: string; anchor: CardAnchor; opener: HTMLElement | null };

interface Props {
  articleId: string;
  /** Scroll to this annotation once loaded (e.g. opened from a sheet row). */
  annotationId?: string | null;
  /** Something changed that the library's counts show. */
  onChanged: () => void;
}

export function ReaderView({ articleId, annotationId = null, onChanged }: Props) {
  const { report } = useErrors();
  const readOnly = useReadOnly();
  const { article, annotations, setAnnotations, failed } = useArticle(articleId);
  const [selection, setSelection] = useState<TextSelection | null>(null);
  const [editor, setEditor] = useState<Editor | null>(null);
  const [toDelete, setToDelete] = useState<AnchoredAnnotation | null>(null);
  const [historyOf, setHistoryOf] = useState<AnchoredAnnotation | null>(null);
  const history = useHistory();
  const [focus, setFocus] = useState<FocusRequest | null>(null);
  const isPdf = article?.kind === 'pdf';
  const [pdfShown, setPdfShown] = usePdfShown(isPdf);
  const { suggestions, ready, shown, setShown, accept, reject } = useSuggestions(articleId, annotations, article !== null && (!isPdf || pdfShown));
  const [card, setCard] = useState<OpenSuggestion | null>(null);
  const highlights = useMemo(
    () => (shown ? withSuggestions(highlightsOf(annotations), suggestionHighlights(suggestions)) : highlightsOf(annotations)),
    [annotations, suggestions, shown],
  );
  const textRoot = useRef<HTMLElement>(null);

  const tag = useCallback(
    (type: AnnotationBody['type']) => {
      if (selection && !readOnly) setEditor({ mode: 'create', type, selection });
    },
    [selection, readOnly],
  );
  useTagShortcuts(selection !== null && editor === null && !readOnly, tag, () => setSelection(null));

  const replace = (saved: AnchoredAnnotation) =>
    setAnnotations((list) => [...list.filter((a) => a.id !== saved.id), saved]);

  async function save(body: AnnotationBody): Promise<string | null> {
    if (!editor) return null;
    if (editor.mode === 'create') {
      const { start, end, exact } = editor.selection;
      const result = await api['annotations.create']({ articleId, start, end, exact, body });
      if (!result.ok) return result.error.message;
      replace(result.value);
      history.record(annotationCreated(result.value));
      setSelection(null);
      window.getSelection()?.removeAllRanges();
    } else {
      const result = await api['annotations.update']({ id: editor.annotation.id, body });
      if (!result.ok) return result.error.message;
      replace(result.value);
      history.record(annotationUpdated(editor.annotation, result.value));
    }
    onChanged();
    return null;
  }

  async function remove(a: AnchoredAnnotation) {
    setToDelete(null);
    const result = await api['annotations.delete']({ id: a.id });
    if (!result.ok) return report(result.error);
    setAnnotations((list) => list.filter((x) => x.id !== a.id));
    history.record(annotationDeleted(a));
    onChanged();
  }

  // An undo or redo that touched this article: show the annotations as they now are.
  const { changed } = history;
  useEffect(() => {
    if (!changed?.scopes.includes(`article:${articleId}`)) return;
    let cancelled = false;
    void api['annotations.list']({ articleId }).then((r) => {
      if (cancelled) return;
      if (r.ok) setAnnotations(r.value);
      else report(r.error);
    });
    onChanged();
    return () => {
      cancelled = true;
    };
    // Once per step; articleId is fixed for this view (App keys it by article).
  }, [changed]);

  const focusOn = (a: AnchoredAnnotation) =>
    setFocus({ id: a.id, page: a.anchor.status === 'orphan' ? null : a.anchor.page, nonce: Date.now() });

  // A click (not a drag) on a suggestion's highlight opens its card.
  function clickText(event: MouseEvent) {
    const mark = (event.target as Element).closest?.('mark[data-suggestion-key]');
    const key = mark?.getAttribute('data-suggestion-key');
    if (!mark || !key || !window.getSelection()?.isCollapsed) return;
    setCard({ key, anchor: { rect: mark.getBoundingClientRect(), placement: 'below' }, opener: null });
  }

  /** Escape and × give focus back to where the card was opened from; a click elsewhere keeps it there. */
  function closeCard(refocus: boolean) {
    if (refocus) (card?.opener ?? textRoot.current?.querySelector<HTMLElement>('[tabindex="0"]'))?.focus({ preventScroll: true });
    setCard(null);
  }

  async function acceptSuggestion(key: string) {
    const created = await accept(key);
    if (!created) return;
    setCard(null);
    replace(created);
    onChanged();
    setEditor({ mode: 'edit', annotation: created });
  }

  async function rejectSuggestion(key: string) {
    // Opened from the list: the keyboard goes on to the next row (the rejected one disappears).
    const row = card?.opener?.closest('li');
    const next = (row?.nextElementSibling ?? row?.previousElementSibling)?.querySelector<HTMLElement>('button');
    if (!(await reject(key))) return;
    setCard(null);
    (next ?? textRoot.current?.querySelector<HTMLElement>('[tabindex="0"]'))?.focus({ preventScroll: true });
  }

  const openSuggestion = card ? suggestions.find((s) => s.key === card.key) : undefined;

  // Opened at an annotation (#/article/<id>/annotation/<annotationId>): scroll there once it is loaded.
  const target = annotationId ? annotations.find((a) => a.id === annotationId) : undefined;
  useEffect(() => {
    if (target) focusOn(target);
    // Once per target, not on every change of the list.
  }, [target?.id, article !== null]);

  // Wait for the suggestions too: marks drawn a moment after the text would cut a selection being made.
  // Not for a PDF: its first page comes first (see useSuggestions), and no text can be selected before it.
  if (!article || (!ready && !isPdf)) return <main className="reader">{failed ? null : <p className="muted pad">Loading article…</p>}</main>;

  return (
    <main className="reader">
      <section className="reader-main" ref={textRoot} onClick={clickText}>
        <div className="reader-head">
          <ArticleHeader article={article} />
          <SuggestionToggle
            count={suggestions.length}
            shown={shown}
            onChange={(v) => {
              setShown(v);
              if (!v) setCard(null);
            }}
          />
        </div>
        {article.kind === 'pdf' && article.noTextLayer ? (
          <p className="banner inline">This PDF has no text layer (a scanned image?): there is no text to select and tag.</p>
        ) : null}
        {article.kind === 'pdf' ? (
          <PdfView article={article} highlights={highlights} focus={focus} onSelect={setSelection} onError={report} onShown={setPdfShown} />
        ) : (
          <TextView text={article.text} highlights={highlights} focus={focus} onSelect={setSelection} />
        )}
      </section>
      <Sidebar
        annotations={annotations}
        readOnly={readOnly}
        onFocus={focusOn}
        onEdit={(a) => setEditor({ mode: 'edit', annotation: a })}
        onDelete={setToDelete}
        onHistory={setHistoryOf}
        activeId={focus?.id ?? null}
        top={<StudyPanel articleId={articleId} readOnly={readOnly} />}
        bottom={
          <SuggestionList
            loading={!ready}
            suggestions={suggestions}
            shown={shown}
            openKey={openSuggestion?.key ?? null}
            onOpen={(s, from) => {
              setFocus({ id: s.key, page: pageOf(article.pages, s.quote.start), nonce: Date.now() });
              setCard({ key: s.key, anchor: { rect: from.getBoundingClientRect(), placement: 'left' }, opener: from });
            }}
          />
        }
      />
      {openSuggestion && card && shown ? (
        <SuggestionCard
          suggestion={openSuggestion}
          anchor={card.anchor}
          readOnly={readOnly}
          onAccept={() => acceptSuggestion(openSuggestion.key)}
          onReject={() => rejectSuggestion(openSuggestion.key)}
          onClose={closeCard}
        />
      ) : null}
      {selection && !editor ? <SelectionToolbar selection={selection} disabled={readOnly} onTag={tag} /> : null}
      {editor ? (
        <AnnotationEditor
          key={editor.mode === 'edit' ? editor.annotation.id : 'new'}
          mode={editor.mode}
          quote={editor.mode === 'create' ? editor.selection.exact : quoteOf(editor.annotation)}
          initial={editor.mode === 'create' ? emptyBody(editor.type) : editor.annotation.body}
          selfId={editor.mode === 'edit' ? editor.annotation.id : undefined}
          onSave={save}
          onClose={() => setEditor(null)}
        />
      ) : null}
      {historyOf ? <HistoryDialog annotation={historyOf} onClose={() => setHistoryOf(null)} /> : null}
      {toDelete ? (
        <ConfirmDialog
          title="Delete annotation?"
          message={`Delete this ${toDelete.body.type} and its quote “${quoteOf(toDelete).slice(0, 80)}”? You can undo it (Ctrl+Z or Undo).`}
          confirmLabel="Delete"
          onConfirm={() => void remove(toDelete)}
          onCancel={() => setToDelete(null)}
        />
      ) : null}
    </main>
  );
}
