/**
 * Reading one article: the text or PDF view, the selection toolbar, the tag forms, and the sidebar
 * of annotations. The views only report selections and draw highlights; saving happens here.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { AnchoredAnnotation, AnnotationBody } from '../../../shared/model/index';
import { api } from '../api';
import { useErrors } from '../app/errors';
import { useReadOnly } from '../app/review';
import { AnnotationEditor, emptyBody } from '../forms/AnnotationEditor';
import { ConfirmDialog } from '../forms/ConfirmDialog';
import { ArticleHeader } from './ArticleHeader';
import { quoteOf } from './describe';
import type { FocusRequest } from './focus';
import { PdfView } from './pdf/LazyPdfView';
import { highlightsOf } from './segments';
import { SelectionToolbar } from './SelectionToolbar';
import { StudyPanel } from './StudyPanel';
import { Sidebar } from './Sidebar';
import type { TextSelection } from './text-selection';
import { TextView } from './TextView';
import { useArticle } from './useArticle';
import { useTagShortcuts } from './useTagShortcuts';

type Editor =
  | { mode: 'create'; type: AnnotationBody['type']; selection: TextSelection }
  | { mode: 'edit'; annotation: AnchoredAnnotation };

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
  const [focus, setFocus] = useState<FocusRequest | null>(null);
  const highlights = useMemo(() => highlightsOf(annotations), [annotations]);

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
      setSelection(null);
      window.getSelection()?.removeAllRanges();
    } else {
      const result = await api['annotations.update']({ id: editor.annotation.id, body });
      if (!result.ok) return result.error.message;
      replace(result.value);
    }
    onChanged();
    return null;
  }

  async function remove(a: AnchoredAnnotation) {
    setToDelete(null);
    const result = await api['annotations.delete']({ id: a.id });
    if (!result.ok) return report(result.error);
    setAnnotations((list) => list.filter((x) => x.id !== a.id));
    onChanged();
  }

  const focusOn = (a: AnchoredAnnotation) =>
    setFocus({ id: a.id, page: a.anchor.status === 'orphan' ? null : a.anchor.page, nonce: Date.now() });

  // Opened at an annotation (#/article/<id>/annotation/<annotationId>): scroll there once it is loaded.
  const target = annotationId ? annotations.find((a) => a.id === annotationId) : undefined;
  useEffect(() => {
    if (target) focusOn(target);
    // Once per target, not on every change of the list.
  }, [target?.id, article !== null]);

  if (!article) return <main className="reader">{failed ? null : <p className="muted pad">Loading article…</p>}</main>;

  return (
    <main className="reader">
      <section className="reader-main">
        <ArticleHeader article={article} />
        {article.kind === 'pdf' && article.noTextLayer ? (
          <p className="banner inline">This PDF has no text layer (a scanned image?): there is no text to select and tag.</p>
        ) : null}
        {article.kind === 'pdf' ? (
          <PdfView article={article} highlights={highlights} focus={focus} onSelect={setSelection} onError={report} />
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
        top={<StudyPanel articleId={articleId} readOnly={readOnly} />}
      />
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
      {toDelete ? (
        <ConfirmDialog
          title="Delete annotation?"
          message={`Delete this ${toDelete.body.type} and its quote “${quoteOf(toDelete).slice(0, 80)}”? This cannot be undone.`}
          confirmLabel="Delete"
          onConfirm={() => void remove(toDelete)}
          onCancel={() => setToDelete(null)}
        />
      ) : null}
    </main>
  );
}
