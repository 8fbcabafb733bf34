/** What / shows when the renderer has not been built: the API still works, the page says what to do. */
import type { ServerResponse } from 'node:http';

export function notBuiltPage(res: ServerResponse, rendererDir: string): void {
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Evidentia: user interface not built</title></head>
<body><h1>The Evidentia user interface has not been built</h1>
<p>Run <code>npm run build</code> in the Evidentia folder, then start <code>evidentia serve</code> again.</p>
<p>Looked for <code>index.html</code> in <code>${escapeHtml(rendererDir)}</code>. The API is running.</p>
</body></html>
`;
  res.statusCode = 503;
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.end(html);
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
