/**
 * pdf.js is large: load it only when a PDF is opened, so the library starts fast. The reader calls
 * preloadPdfView as soon as it knows the article is a PDF, so pdf.js loads (and its worker starts)
 * and the file downloads while the rest of the article is still being read.
 */
import { lazy, Suspense, type ComponentProps } from 'react';
import { prefetchPdf } from './prefetch';

let loading: Promise<typeof import('./PdfView')> | null = null;
const load = () => (loading ??= import('./PdfView'));

const Inner = lazy(() => load().then((m) => ({ default: m.PdfView })));

export function preloadPdfView(articleId: string) {
  prefetchPdf(articleId);
  void load();
}

export function PdfView(props: ComponentProps<typeof Inner>) {
  return (
    <Suspense fallback={<p className="muted pad">Loading the PDF viewer…</p>}>
      <Inner {...props} />
    </Suspense>
  );
}
