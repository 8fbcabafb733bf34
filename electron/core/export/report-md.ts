/**
 * The fact-check report as Markdown (CommonMark + a GFM table): readable as plain text, renders in
 * any Markdown viewer. Quotes, notes, titles and kinds are text from imported articles and
 * reviewers, so every one is escaped: nothing in them can become a heading, a list, a link, an
 * image or raw HTML.
 */
import type { ArticleIndexEntry } from '../../../shared/model/index.js';
import type { FactCheckReport, ReportEntry, ReportQuote, ReportSource } from './report-data.js';
import { SEVERITY_LABELS, STATUS_LABELS, STATUS_ORDER, authorList, journalYear, statusSummary } from './report-data.js';

const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
/** Characters with a meaning anywhere in a line (emphasis, code, links, images, HTML, entities, tables, headings). */
const SIGNIFICANT = /[\\`*_[\]<>#|~&!]/g;

/** One line of text, safe to put anywhere in a line of Markdown (also inside a table cell). */
export function mdEscape(text: string): string {
  const line = text.replace(CONTROL, '').replace(/\s+/g, ' ').trim().replace(SIGNIFICANT, '\\$&');
  // At the start of a line these would begin a list item, a setext underline or an ordered list;
  // a bare address or e-mail would become a link in GFM (its autolinks need "://", "www." and "@" as written).
  return line
    .replace(/^([-+=])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2')
    .replace(/([a-z]):(\/\/)/gi, '$1\\:$2')
    .replace(/\b(www)\./gi, '$1\\.')
    .replace(/@/g, '\\@');
}

/** Multi-line text (a note): paragraphs kept, lines kept as hard breaks, every line escaped. */
export function mdBlock(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(CONTROL, '')
    .split(/\n[ \t]*\n/)
    .map((p) =>
      p
        .split('\n')
        .map(mdEscape)
        .filter(Boolean)
        .join('\\\n'),
    )
    .filter(Boolean)
    .join('\n\n');
}

/** A link whose destination is already a safe URL (doi.org, or an http(s) address checked by webUrl: no spaces, no < >). */
function link(label: string, url: string): string {
  return `[${mdEscape(label)}](<${url}>)`;
}

function doiLink(source: ReportSource): string {
  return source.doiUrl && source.article?.doi ? link(`doi:${source.article.doi.trim()}`, source.doiUrl) : '';
}

function title(article: ArticleIndexEntry | null): string {
  return article?.title.trim() ? `*${mdEscape(article.title)}*` : '';
}

function quoteLines(q: ReportQuote): string {
  const s = q.source;
  const where = [`**${mdEscape(s.label)}** \\[${s.n}\\]`, q.page === null ? '' : `p. ${q.page}`].filter(Boolean).join(', ');
  const cite = [where, title(s.article), mdEscape(journalYear(s.article)), doiLink(s)].filter(Boolean).join(' · ');
  const orphan = q.orphan ? '\n>\n> *(This quote is no longer found in the article’s text.)*' : '';
  return `> “${mdEscape(q.quote.exact)}”\n>\n> — ${cite}${orphan}`;
}

function entry(e: ReportEntry): string {
  const { item } = e;
  const facts = [
    `**Status:** ${STATUS_LABELS[item.status]}`,
    `**Severity:** ${SEVERITY_LABELS[item.severity]}`,
    item.studyLabel ? `**Study:** ${mdEscape(item.studyLabel)}` : '',
    `**Found by:** ${mdEscape(e.foundBy)}`,
  ].filter(Boolean);
  const parts = [`### ${e.n}. ${mdEscape(e.kindLabel)} (${item.severity} severity)`, facts.map((f) => `- ${f}`).join('\n')];
  const note = mdBlock(item.note);
  parts.push(note || '*No explanation given.*');
  if (item.status === 'dismissed') parts.push(`**Dismissed because:** ${item.reason.trim() ? mdBlock(item.reason) : '*no reason given*'}`);
  for (const q of e.quotes) parts.push(quoteLines(q));
  return parts.join('\n\n');
}

function source(s: ReportSource): string {
  if (!s.article) return `${s.n}. **${mdEscape(s.label)}**: no longer in the review.`;
  const a = s.article;
  const named = title(a);
  const parts = [
    authorList(a) ? `${mdEscape(authorList(a))}.` : '',
    named && !/[.?!]$/.test(a.title.trim()) ? `${named}.` : named,
    journalYear(a) ? `${mdEscape(journalYear(a))}.` : '',
    doiLink(s),
    s.url ? `<${s.url}>` : '',
  ];
  return `${s.n}. **${mdEscape(s.label)}**: ${parts.filter(Boolean).join(' ')}`;
}

export function reportMarkdown(report: FactCheckReport): string {
  const out: string[] = [`# ${mdEscape(report.title)}`];
  out.push(
    `Generated ${report.generatedText} by Evidentia. ${report.total} ${report.total === 1 ? 'discrepancy' : 'discrepancies'}: ${statusSummary(report)}.`,
  );
  if (report.byKind.length > 0) {
    const header = `| Kind | ${STATUS_ORDER.map((s) => STATUS_LABELS[s]).join(' | ')} | Total |`;
    const align = `| :--- | ${STATUS_ORDER.map(() => '---:').join(' | ')} | ---: |`;
    const rows = report.byKind.map((k) => `| ${mdEscape(k.label)} | ${STATUS_ORDER.map((s) => k.counts[s]).join(' | ')} | ${k.total} |`);
    out.push([header, align, ...rows].join('\n'));
  }
  for (const section of report.sections) {
    out.push(`## ${section.title}`);
    if (section.status === 'dismissed' && section.entries.length > 0) out.push('Ruled out by a reviewer, with the reason given; listed so the reader sees what was checked.');
    if (section.entries.length === 0) out.push('*None.*');
    for (const e of section.entries) out.push(entry(e));
  }
  out.push('## Sources');
  out.push(report.sources.length === 0 ? '*None.*' : report.sources.map(source).join('\n'));
  return `${out.join('\n\n')}\n`;
}
