/** The fact-check report's pure parts: grouping, numbering, sources, escaping (over DiscrepancyItem fixtures). */
import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { buildReport, webUrl, type ReportInput } from '../../electron/core/export/report-data.js';
import { esc, reportHtml } from '../../electron/core/export/report-html.js';
import { mdBlock, mdEscape, reportMarkdown } from '../../electron/core/export/report-md.js';
import { discrepancyKindLabel, type ArticleIndexEntry, type DiscrepancyItem, type DiscrepancyQuote } from '../../shared/model/index.js';

const NOW = new Date('2025-03-01T14:05:09Z');

function article(id: string, meta: Partial<ArticleIndexEntry> = {}): ArticleIndexEntry {
  return {
    id,
    kind: 'text',
    fileName: `${id}.txt`,
    sha256: 'a'.repeat(64),
    importedAt: '2025-01-01T00:00:00.000Z',
    pageCount: 0,
    noTextLayer: false,
    attachments: [],
    title: `Title ${id}`,
    authors: [],
    journal: null,
    year: null,
    doi: null,
    pmid: null,
    volume: null,
    issue: null,
    page: null,
    url: null,
    type: null,
    keywords: [],
    tags: [],
    ...meta,
  };
}

function quote(articleId: string, exact: string, anchor: DiscrepancyQuote['anchor'] = { status: 'exact', start: 0, end: exact.length, page: null }): DiscrepancyQuote {
  return { annotationId: `ann-${articleId}-${exact.length}`, articleId, articleLabel: `Label ${articleId}`, exact, anchor };
}

function item(id: string, meta: Partial<DiscrepancyItem>): DiscrepancyItem {
  return {
    id,
    annotationIds: [id],
    kind: 'journal',
    severity: 'medium',
    status: 'suggested',
    note: '',
    reason: '',
    reviewer: 'ann',
    quotes: [quote('a', 'quote')],
    studyGroupId: null,
    studyLabel: null,
    created: '2025-01-01T00:00:00.000Z',
    updated: '2025-01-01T00:00:00.000Z',
    ...meta,
  };
}

const input: ReportInput = {
  reviewName: 'Review',
  articles: [article('a', { doi: '10.1/x y', url: 'data:text/html,boom' }), article('b', { url: 'https://example.org/b' })],
  reviewerNames: new Map([['ann', 'Ann Smith']]),
};

describe('buildReport', () => {
  it('groups confirmed, suggested, dismissed; most severe first; numbers through the report', () => {
    const report = buildReport(
      [
        item('s-low', { severity: 'low' }),
        item('d', { status: 'dismissed', reason: 'same trial' }),
        item('s-high', { severity: 'high' }),
        item('c', { status: 'confirmed', kind: 'year-vs-reference' }),
      ],
      input,
      NOW,
    );
    expect(report.sections.map((s) => [s.status, s.entries.map((e) => [e.n, e.item.id])])).toEqual([
      ['confirmed', [[1, 'c']]],
      ['suggested', [[2, 's-high'], [3, 's-low']]],
      ['dismissed', [[4, 'd']]],
    ]);
    expect(report.byStatus).toEqual({ suggested: 2, confirmed: 1, dismissed: 1 });
    expect(report.byKind).toEqual([
      { kind: 'journal', label: 'Journal', counts: { suggested: 2, confirmed: 0, dismissed: 1 }, total: 3 },
      { kind: 'year-vs-reference', label: 'Year named ≠ reference', counts: { suggested: 0, confirmed: 1, dismissed: 0 }, total: 1 },
    ]);
    expect(report.generatedText).toBe('2025-03-01 14:05 UTC');
    expect(report.sections[0]!.entries[0]!.foundBy).toBe('Ann Smith');
  });

  it('numbers sources in library order, keeps deleted articles, links only DOIs and web addresses', () => {
    const report = buildReport(
      [item('x', { quotes: [quote('gone', 'q1'), quote('b', 'q2', { status: 'orphan' }), quote('a', 'q3', { status: 'fuzzy', start: 4, end: 6, page: 3 })], reviewer: 'evidentia' })],
      input,
      NOW,
    );
    expect(report.sources.map((s) => [s.n, s.articleId, s.doiUrl, s.url])).toEqual([
      [1, 'a', 'https://doi.org/10.1%2Fx%20y'.replace('%2F', '/'), null],
      [2, 'b', null, 'https://example.org/b'],
      [3, 'gone', null, null],
    ]);
    const [entry] = report.sections[1]!.entries;
    expect(entry!.foundBy).toBe('Evidentia (rule)');
    expect(entry!.quotes.map((q) => [q.source.n, q.page, q.orphan])).toEqual([
      [3, null, false],
      [2, null, true],
      [1, 3, false],
    ]);
  });

  it('labels rule kinds, keeps a reviewer\'s own word', () => {
    expect(discrepancyKindLabel('arm-sum')).toBe('Arms ≠ total');
    // The board, the CLI and the reports name a reviewer's own word the same way: as a title.
    expect(discrepancyKindLabel('  my word ')).toBe('My word');
    expect(discrepancyKindLabel('')).toBe('Discrepancy');
  });

  it('accepts only plain http(s) addresses as links', () => {
    expect(webUrl('https://example.org/a?b=1')).toBe('https://example.org/a?b=1');
    for (const bad of ['javascript:alert(1)', 'data:text/html,x', 'https://a.org/"onerror=x', 'https://a.org/<x>', 'ftp://a.org', '', null]) expect(webUrl(bad), String(bad)).toBeNull();
  });
});

describe('Markdown escaping', () => {
  it('leaves nothing that renders as markup', () => {
    for (const hostile of ['<img src=x onerror=alert(1)>', '[a](javascript:alert(1))', '![i](http://x/y.png)', 'see https://evil.example/x', 'www.evil.example', 'mail me@evil.example', '# h', '- li', '1. ol', '2) ol', '+ li', '= under', '> quote', '`code`', '*em* _em_', '&lt;b&gt;', 'a | b', '~~s~~', '\\*']) {
      const html = marked.parse(mdEscape(hostile), { async: false }).trim();
      expect(html, hostile).toMatch(/^<p>[^<]*<\/p>$/);
    }
  });

  it('keeps paragraphs and line breaks of a note', () => {
    expect(mdBlock('one\r\n# two\n\n\n- three\n')).toBe('one\\\n\\# two\n\n\\- three');
  });

  it('strips control characters and collapses whitespace in a line', () => {
    expect(mdEscape(' a\u0000\tb\n c ')).toBe('a b c');
  });
});

describe('HTML', () => {
  it('escapes text and attribute values', () => {
    expect(esc(`<a href="x" onclick='y'>&amp;`)).toBe('&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;amp;');
  });

  it('renders an empty report as a complete page', () => {
    const html = reportHtml(buildReport([], input, NOW));
    expect(html).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`);
    expect(html.match(/<p class="empty">None\.<\/p>/g)).toHaveLength(4);
    expect(html).not.toMatch(/<script|<link|src=/);
  });

  it('marks an orphan quote and keeps its text', () => {
    const report = buildReport([item('o', { quotes: [quote('a', 'lost <quote>', { status: 'orphan' })] })], input, NOW);
    expect(reportHtml(report)).toContain('<blockquote>lost &lt;quote&gt;</blockquote>');
    expect(reportHtml(report)).toContain('no longer found');
    expect(reportMarkdown(report)).toContain('> “lost \\<quote\\>”');
  });
});
