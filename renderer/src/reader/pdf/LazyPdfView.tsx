/** pdf.js is large: load it only when a PDF is opened, so the library starts fast. */
import { lazy, Suspense, type ComponentProps } from 'react';

const Inner = lazy(() => import('./PdfView').then((m) => ({ default: m.PdfView })));

export function PdfView(props: ComponentProps<typeof Inner>) {
  return (
    <Suspense fallback={<p className="muted pad">Loading the PDF viewer…</p>}>
      <Inner {...props} />
    </Suspense>
  );
}
