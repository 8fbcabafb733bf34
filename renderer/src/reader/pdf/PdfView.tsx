/**
 * A PDF article in the pdf.js viewer. The original file comes from fileUrl() (app://files/… in
 * Electron, /files/… on the bridge), usually prefetched (prefetch.ts); selections and highlights
 * go through PdfReader.
 */
import { useEffect, useRef, useState } from 'react';
import type { Article } from '../../../../shared/model/index';
import type { FocusRequest } from '../focus';
import type { Highlight } from '../segments';
import { rangeInside, toSelection, type TextSelection } from '../text-selection';
import { useMouseSelection } from '../useMouseSelection';
import { PdfReader } from './PdfReader';
import { takePdf } from './prefetch';

interface Props {
  article: Article;
  highlights: Highlight[];
  focus: FocusRequest | null;
  onSelect: (selection: TextSelection | null) => void;
  onError: (message: string) => void;
  /** Once, when the first page is drawn (or the PDF could not be opened). */
  onShown?: () => void;
}

export function PdfView({ article, highlights, focus, onSelect, onError, onShown }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const viewer = useRef<HTMLDivElement>(null);
  const reader = useRef<PdfReader | null>(null);
  const [status, setStatus] = useState<'loading' | 'ready' | 'failed'>('loading');
  const highlightsRef = useRef(highlights);
  highlightsRef.current = highlights;
  const onShownRef = useRef(onShown);
  onShownRef.current = onShown;

  useEffect(() => {
    const instance = new PdfReader(container.current!, viewer.current!, article.pages, () => onShownRef.current?.());
    reader.current = instance;
    instance.setHighlights(highlightsRef.current);
    let cancelled = false;
    takePdf(article.id)
      .then((bytes) => instance.open(bytes))
      .then(() => !cancelled && setStatus('ready'))
      .catch((error: unknown) => {
        if (cancelled) return;
        setStatus('failed');
        onShownRef.current?.();
        onError(`Could not open this PDF: ${error instanceof Error ? error.message : String(error)}`);
      });
    return () => {
      cancelled = true;
      reader.current = null;
      instance.destroy();
    };
    // One viewer per article: onError is only for reporting, highlights arrive through the next effect.
  }, [article.id, article.pages]);

  useEffect(() => reader.current?.setHighlights(highlights), [highlights]);
  useEffect(() => {
    if (focus) reader.current?.reveal(focus.id, focus.page);
  }, [focus]);

  useMouseSelection(container, () => {
    const el = container.current;
    const range = el ? rangeInside(el) : null;
    if (!range || !reader.current) return onSelect(null);
    void reader.current.offsetsOf(range).then((offsets) => {
      onSelect(offsets ? toSelection(article.text, offsets.start, offsets.end, range) : null);
    });
  });

  return (
    <div className="pdf-view" aria-label="Article PDF" role="document" aria-busy={status === 'loading'}>
      {status === 'loading' ? <p className="pdf-status muted">Opening PDF…</p> : null}
      <div ref={container} className="pdf-container">
        <div ref={viewer} className="pdfViewer" />
      </div>
    </div>
  );
}
