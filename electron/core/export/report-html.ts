/**
 * The fact-check report as one standalone HTML page: readable on screen, printable (each
 * discrepancy kept on one page), with inline CSS only. It loads nothing (a CSP forbids every
 * resource but its own style element, and there is no script), and every string in it comes
 * through `esc`: a quote is text from an imported article and may be hostile.
 */
import type { ArticleIndexEntry } from '../../../shared/model/index.js';
import type { FactCheckReport, ReportEntry, ReportQuote, ReportSection, ReportSource } from './report-data.js';
import { SEVERITY_LABELS, STATUS_LABELS, STATUS_ORDER, authorList, journalYear, statusSummary } from './report-data.js';

const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made safe for element content and quoted attribute values. */
export function esc(text: string): string {
  return text.replace(CONTROL, '').replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'";

const CSS = `
:root { color-scheme: light; --ink: #1d1d1f; --muted: #5f6368; --rule: #d9dce1; --quote: #f5f6f8; --high: #b3261e; --medium: #9a6700; --low: #5f6368; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 62rem; padding: 2rem 1.5rem 4rem; font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: #fff; }
h1 { font-size: 1.7rem; margin: 0 0 .25rem; }
h2 { font-size: 1.3rem; margin: 2.5rem 0 1rem; padding-bottom: .25rem; border-bottom: 2px solid var(--rule); }
h3 { font-size: 1.1rem; margin: 0 0 .5rem; }
.meta, .facts, .empty, .intro { color: var(--muted); }
table.counts { border-collapse: collapse; margin: 1rem 0; }
table.counts th, table.counts td { padding: .25rem .75rem; border-bottom: 1px solid var(--rule); text-align: right; }
table.counts th:first-child, table.counts td:first-child { text-align: left; }
article.discrepancy { border: 1px solid var(--rule); border-left: 6px solid var(--low); border-radius: 6px; padding: 1rem 1.25rem; margin: 0 0 1.25rem; }
article.severity-high { border-left-color: var(--high); }
article.severity-medium { border-left-color: var(--medium); }
article.status-dismissed { opacity: .85; }
.badge { display: inline-block; font-size: .75rem; font-weight: 600; padding: .05rem .5rem; border-radius: 999px; border: 1px solid currentColor; vertical-align: middle; margin-left: .35rem; }
.badge.sev-high { color: var(--high); } .badge.sev-medium { color: var(--medium); } .badge.sev-low, .badge.status { color: var(--muted); }
.note p, .reason { margin: .5rem 0; }
.quotes { display: grid; grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr)); gap: 1rem; margin-top: .75rem; }
figure.quote { margin: 0; padding: .75rem 1rem; background: var(--quote); border-radius: 4px; }
blockquote { margin: 0 0 .5rem; font-family: Georgia, "Times New Roman", serif; font-size: 1.05rem; white-space: pre-wrap; overflow-wrap: anywhere; }
figcaption { font-size: .875rem; color: var(--muted); overflow-wrap: anywhere; }
.orphan { color: var(--high); font-style: italic; }
ol.sources li { margin: .35rem 0; overflow-wrap: anywhere; }
a { color: #0b57d0; }
footer { margin-top: 3rem; font-size: .8rem; color: var(--muted); }
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; }
  article.discrepancy, figure.quote { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
  a { color: inherit; text-decoration: none; }
  a.ext::after { content: " <" attr(href) ">"; font-size: .8em; }
}
`;

function paragraphs(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${p.split('\n').map(esc).join('<br>')}</p>`)
    .join('');
}

/** href values are only doi.org links and http(s) addresses that report-data's webUrl let through. */
function extLink(label: string, url: string): string {
  return `<a class="ext" href="${esc(url)}" rel="noopener noreferrer">${esc(label)}</a>`;
}

function doiLink(s: ReportSource): string {
  return s.doiUrl && s.article?.doi ? extLink(`doi:${s.article.doi.trim()}`, s.doiUrl) : '';
}

function cite(article: ArticleIndexEntry | null): string {
  return article?.title.trim() ? `<cite>${esc(article.title.trim())}</cite>` : '';
}

function quote(q: ReportQuote): string {
  const s = q.source;
  const head = `<a href="#source-${s.n}">[${s.n}]</a> <strong>${esc(s.label)}</strong>${q.page === null ? '' : `, p. ${q.page}`}`;
  const lines = [head, cite(s.article), [esc(journalYear(s.article)), doiLink(s)].filter(Boolean).join(' · ')].filter(Boolean);
  const orphan = q.orphan ? '<p class="orphan">This quote is no longer found in the article’s text.</p>' : '';
  return `<figure class="quote"><blockquote>${esc(q.quote.exact.trim())}</blockquote><figcaption>${lines.join('<br>')}</figcaption>${orphan}</figure>`;
}

function entry(e: ReportEntry): string {
  const { item } = e;
  const facts = [item.studyLabel ? `Study: ${esc(item.studyLabel)}` : '', `Found by: ${esc(e.foundBy)}`].filter(Boolean).join(' · ');
  const note = item.note.trim() ? `<div class="note">${paragraphs(item.note)}</div>` : '<p class="empty">No explanation given.</p>';
  const reason =
    item.status === 'dismissed'
      ? `<p class="reason"><strong>Dismissed because:</strong> ${item.reason.trim() ? item.reason.trim().replace(/\r\n?/g, '\n').split('\n').map(esc).join('<br>') : '<em>no reason given</em>'}</p>`
      : '';
  return [
    `<article class="discrepancy severity-${item.severity} status-${item.status}" id="d${e.n}">`,
    `<h3>${e.n}. ${esc(e.kindLabel)}<span class="badge sev-${item.severity}">${SEVERITY_LABELS[item.severity]} severity</span><span class="badge status">${STATUS_LABELS[item.status]}</span></h3>`,
    `<p class="facts">${facts}</p>`,
    note,
    reason,
    `<div class="quotes">${e.quotes.map(quote).join('\n')}</div>`,
    '</article>',
  ]
    .filter(Boolean)
    .join('\n');
}

function section(s: ReportSection): string {
  const intro = s.status === 'dismissed' && s.entries.length > 0 ? '<p class="intro">Ruled out by a reviewer, with the reason given; listed so the reader sees what was checked.</p>' : '';
  const body = s.entries.length === 0 ? '<p class="empty">None.</p>' : s.entries.map(entry).join('\n');
  return `<section id="${s.status}">\n<h2>${esc(s.title)}</h2>\n${intro}${body}\n</section>`;
}

function source(s: ReportSource): string {
  const a = s.article;
  const details = a
    ? [authorList(a) ? `${esc(authorList(a))}.` : '', cite(a) && !/[.?!]$/.test(a.title.trim()) ? `${cite(a)}.` : cite(a), journalYear(a) ? `${esc(journalYear(a))}.` : '', doiLink(s), s.url ? extLink(s.url, s.url) : ''].filter(Boolean).join(' ')
    : '<em>no longer in the review</em>';
  return `<li id="source-${s.n}" value="${s.n}"><strong>${esc(s.label)}</strong>: ${details}</li>`;
}

function countsTable(report: FactCheckReport): string {
  if (report.byKind.length === 0) return '';
  const head = `<tr><th scope="col">Kind</th>${STATUS_ORDER.map((s) => `<th scope="col">${STATUS_LABELS[s]}</th>`).join('')}<th scope="col">Total</th></tr>`;
  const rows = report.byKind.map((k) => `<tr><th scope="row">${esc(k.label)}</th>${STATUS_ORDER.map((s) => `<td>${k.counts[s]}</td>`).join('')}<td>${k.total}</td></tr>`);
  return `<table class="counts"><thead>${head}</thead><tbody>${rows.join('')}</tbody></table>`;
}

export function reportHtml(report: FactCheckReport): string {
  const count = `${report.total} ${report.total === 1 ? 'discrepancy' : 'discrepancies'}: ${statusSummary(report)}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Evidentia">
<title>${esc(report.title)}</title>
<style>${CSS}</style>
</head>
<body>
<header>
<h1>${esc(report.title)}</h1>
<p class="meta">Generated <time datetime="${esc(report.generated)}">${esc(report.generatedText)}</time> by Evidentia. ${esc(count)}.</p>
${countsTable(report)}
</header>
<main>
${report.sections.map(section).join('\n')}
<section id="sources">
<h2>Sources</h2>
${report.sources.length === 0 ? '<p class="empty">None.</p>' : `<ol class="sources">\n${report.sources.map(source).join('\n')}\n</ol>`}
</section>
</main>
<footer>Made with Evidentia from the review “${esc(report.reviewName)}”. Every quote is as written in its source.</footer>
</body>
</html>
`;
}
