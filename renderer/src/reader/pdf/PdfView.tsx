/**
 * A PDF article in the pdf.js viewer. The original file is fetched from fileUrl() (app://files/…
 * in Electron, /files/… on the bridge); selections and highlights go through PdfReader.
 */
import { useEffect, useRef, useState } from 'react';
import type { Article } from '../../../../shared/model/index';
import { fileUrl } from '../../api';
import type { FocusRequest } from '../focus';
import type { Highlight } from '../segments';
import { rangeInside, toSelection, type TextSelection } from '../text-selection';
import { useMouseSelection } from '../useMouseSelection';
import { PdfReader } from './PdfReader';

interface Props {
  article: Article;
  highlights: Highlight[];
  focus: FocusRequest | null;
  onSelect: (selection: TextSelection | null) => void;
  onError: (message: string) => void;
}

async function fetchBytes(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`The PDF file could not be loaded (HTTP ${response.status}).`);
  return new Uint8Array(await response.arrayBuffer());
}

export function PdfView({ article, highlights, focus, onSelect, onError }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const viewer = useRef<HTMLDivElement>(null);
  const reader = useRef<PdfReader | null>(null);
  const [status, setStatus] = useState<'loading' | 'ready' | 'failed'>('loading');
  const highlightsRef = useRef(highlights);
  highlightsRef.current = highlights;

  useEffect(() => {
    const instance = new PdfReader(container.current!, viewer.current!, article.pages);
    reader.current = instance;
    instance.setHighlights(highlightsRef.current);
    let cancelled = false;
    fetchBytes(fileUrl(article.id))
      .then((bytes) => instance.open(bytes))
      .then(() => !cancelled && setStatus('ready'))
      .catch((error: unknown) => {
        if (cancelled) return;
        setStatus('failed');
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
