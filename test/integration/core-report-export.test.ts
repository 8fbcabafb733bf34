/**
 * The fact-check report exports (report-md, report-html, report-jsonld) through the real core:
 * two articles, three linked discrepancies (one confirmed, one suggested with a hostile quote, one
 * dismissed with a reason), a study group. Markdown is rendered with marked and HTML parsed with
 * htmlparser2 to check that no quote can become markup.
 */
import ExcelJS from 'exceljs';
import { parseDocument } from 'htmlparser2';
import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/types.js';
import { base64, newReview } from './core-helpers.js';

const HOSTILE = '<script>alert(1)</script> "onerror=alert(2) # [x](javascript:alert(3)) | *bold* &amp;';
const TEXT_A = `IVIg study in The Lancet\nThe trial was published in The Lancet by Werth.\nIt enrolled 95 patients.\nQuoted: ${HOSTILE}\n`;
const TEXT_B = 'NEJM primary report\fPublished in NEJM 2022 by Aggarwal.\nIt enrolled 93 patients.\nNothing else.';

async function seed(core: Core) {
  const report = await core['articles.import']({
    files: [
      { fileName: 'a.txt', base64: base64(TEXT_A) },
      { fileName: 'b.fakepdf', base64: base64(TEXT_B) },
    ],
  });
  const [a, b] = report.results.map((r) => r.articleId!) as [string, string];
  await core['studies.update']({ action: 'create', articleIds: [a, b], label: 'ProDERM <trial>' });
  await core['articles.update']({
    id: a,
    changes: { authors: ['Werth VP'], year: 2023, journal: 'EClinicalMedicine', doi: '10.1016/S2589-5370(23)00123-4', url: 'javascript:alert(4)' },
  });
  await core['articles.update']({
    id: b,
    changes: {
      authors: ['Aggarwal R', 'Charles-Schoeman C', 'Werth VP'],
      year: 2022,
      journal: 'N Engl J Med',
      doi: '10.1056/NEJMoa2117912',
      url: 'https://www.nejm.org/doi/full/10.1056/NEJMoa2117912',
    },
  });
  const at = async (articleId: string, quote: string) => {
    const text = (await core['articles.get']({ id: articleId })).text;
    const start = text.indexOf(quote);
    if (start < 0) throw new Error(`no "${quote}" in ${articleId}`);
    return { articleId, start, end: start + quote.length, exact: quote };
  };
  type Spec = { kind: string; note: string; severity: 'low' | 'medium' | 'high' };
  const pair = async (one: Awaited<ReturnType<typeof at>>, two: Awaited<ReturnType<typeof at>>, spec: Spec) => {
    const first = await core['annotations.create']({ ...one, body: { type: 'discrepancy', ...spec, links: [], status: 'suggested' } });
    const second = await core['annotations.create']({ ...two, body: { type: 'discrepancy', ...spec, links: [first.id], status: 'suggested' } });
    await core['annotations.update']({ id: first.id, body: { ...first.body, links: [second.id] } as typeof first.body });
    return first.id;
  };
  const journal = await pair(await at(a, 'published in The Lancet by Werth'), await at(b, 'Published in NEJM 2022 by Aggarwal'), {
    kind: 'journal',
    note: 'One says The Lancet, the other NEJM.',
    severity: 'high',
  });
  const hostile = await pair(await at(a, HOSTILE), await at(b, 'Nothing else.'), { kind: 'my <b>own</b> | kind', note: 'Line one\n# not a heading\n\n- not a list', severity: 'low' });
  const size = await pair(await at(a, 'It enrolled 95 patients.'), await at(b, 'It enrolled 93 patients.'), {
    kind: 'sample-size',
    note: '95 vs 93 enrolled.',
    severity: 'medium',
  });
  await core['discrepancies.review']({ id: journal, action: 'confirm' });
  await core['discrepancies.review']({ id: size, action: 'dismiss', reason: 'Two were excluded after randomisation <b>really</b>.' });
  return { a, b, journal, hostile, size };
}

const headingOrder = (md: string) => [...md.matchAll(/^(#{1,3}) (.*)$/gm)].map((m) => `${m[1]} ${m[2]}`);

describe('export: fact-check report (Markdown)', () => {
  it('groups by status, counts, quotes with sources, dismissed last with the reason', async () => {
    const { core } = await newReview({ name: 'ProDERM review' });
    await seed(core);
    const file = await core['export.run']({ format: 'report-md' });
    expect(file).toMatchObject({ mimeType: 'text/markdown; charset=utf-8', encoding: 'utf8' });
    expect(file.fileName).toMatch(/^proderm-review-factcheck-\d{4}-\d{2}-\d{2}\.md$/);
    const md = file.content;
    expect(headingOrder(md)).toEqual([
      '# Fact-check report: ProDERM review',
      '## Confirmed discrepancies',
      '### 1. Journal (high severity)',
      '## Suggested discrepancies (not yet reviewed)',
      '### 2. My \\<b\\>own\\</b\\> \\| kind (low severity)',
      '## Dismissed (ruled out)',
      '### 3. Sample size (medium severity)',
      '## Sources',
    ]);
    expect(md).toContain('3 discrepancies: 1 confirmed, 1 suggested, 1 dismissed.');
    expect(md).toContain('- **Study:** ProDERM \\<trial\\>');
    expect(md).toContain('| Journal | 1 | 0 | 0 | 1 |');
    expect(md).toContain('| Sample size | 0 | 0 | 1 | 1 |');
    expect(md).toContain('> “published in The Lancet by Werth”\n>\n> — **Werth 2023** \\[1\\] · *IVIg study in The Lancet* · EClinicalMedicine, 2023 · [doi:10.1016/S2589-5370(23)00123-4](<https://doi.org/10.1016/S2589-5370(23)00123-4>)\n\n> “Published in NEJM 2022 by Aggarwal”');
    expect(md).toContain('**Dismissed because:** Two were excluded after randomisation \\<b\\>really\\</b\\>.');
    expect(md).toContain('1. **Werth 2023**: Werth VP. *IVIg study in The Lancet*. EClinicalMedicine, 2023. [doi:');
    expect(md).toContain('2. **Aggarwal et al. 2022**: Aggarwal R, Charles-Schoeman C, Werth VP. *NEJM primary report*. N Engl J Med, 2022.');
    expect(md).toContain('<https://www.nejm.org/doi/full/10.1056/NEJMoa2117912>');
    expect(md).not.toContain('javascript:alert(4)');

    // Rendered, the hostile quote and kind are text: no script, no extra link, heading or list.
    const html = await marked.parse(md);
    expect(html).not.toMatch(/<script|<b>|href="javascript/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html.match(/<blockquote>/g)).toHaveLength(6);
    expect(html.match(/<h[1-3][ >]/g)).toHaveLength(8);
    expect(html.match(/<li>/g)).toHaveLength(3 * 4 + 2); // the facts of each discrepancy + two sources
    const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
    expect(new Set(hrefs)).toEqual(
      new Set(['https://doi.org/10.1016/S2589-5370(23)00123-4', 'https://doi.org/10.1056/NEJMoa2117912', 'https://www.nejm.org/doi/full/10.1056/NEJMoa2117912']),
    );
  });

  it('says so when there is nothing to report', async () => {
    const { core } = await newReview({ name: 'Empty' });
    const md = (await core['export.run']({ format: 'report-md' })).content;
    expect(md).toContain('0 discrepancies: 0 confirmed, 0 suggested, 0 dismissed.');
    expect(md.match(/\*None\.\*/g)).toHaveLength(4);
  });
});

/** The parts of htmlparser2's DOM nodes these checks read. */
interface Node {
  type: string;
  name?: string;
  data?: string;
  attribs?: Record<string, string>;
  children?: Node[];
}
type Element = Node & { name: string; attribs: Record<string, string>; children: Node[] };

function walk(nodes: readonly Node[], visit: (el: Element) => void): void {
  for (const n of nodes) {
    if (n.type === 'tag' || n.type === 'script' || n.type === 'style') {
      visit(n as Element);
      walk(n.children ?? [], visit);
    }
  }
}

function textOf(nodes: readonly Node[]): string {
  return nodes.map((n) => (n.type === 'text' ? (n.data ?? '') : textOf(n.children ?? []))).join('');
}

describe('export: fact-check report (HTML)', () => {
  it('is one standalone page, with every quote as text and nothing to load or run', async () => {
    const { core } = await newReview({ name: 'ProDERM review' });
    await seed(core);
    const file = await core['export.run']({ format: 'report-html' });
    expect(file).toMatchObject({ mimeType: 'text/html; charset=utf-8', encoding: 'utf8' });
    expect(file.fileName).toMatch(/^proderm-review-factcheck-\d{4}-\d{2}-\d{2}\.html$/);
    const html = file.content;
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).not.toMatch(/<script|"onerror=|<b>/i);

    const doc = parseDocument(html, { decodeEntities: true }) as unknown as { children: Node[] };
    const tags = new Set<string>();
    const attributes = new Set<string>();
    const hrefs: string[] = [];
    let csp: string | undefined;
    walk(doc.children, (el) => {
      tags.add(el.name);
      for (const name of Object.keys(el.attribs)) attributes.add(name);
      if (el.attribs.href !== undefined) hrefs.push(el.attribs.href);
      if (el.attribs['http-equiv'] === 'Content-Security-Policy') csp = el.attribs.content;
    });
    expect(csp).toBe("default-src 'none'; style-src 'unsafe-inline'");
    for (const tag of ['script', 'img', 'link', 'iframe', 'object', 'b']) expect(tags.has(tag), tag).toBe(false);
    expect([...attributes].filter((a) => a.startsWith('on') || a === 'src' || a === 'style')).toEqual([]);
    for (const href of hrefs) expect(href).toMatch(/^(#source-\d+|https:\/\/)/);
    expect(hrefs).not.toContain('javascript:alert(4)');

    const blockquotes: string[] = [];
    walk(doc.children, (el) => {
      if (el.name === 'blockquote') blockquotes.push(textOf(el.children));
    });
    expect(blockquotes).toEqual([
      'published in The Lancet by Werth',
      'Published in NEJM 2022 by Aggarwal',
      HOSTILE,
      'Nothing else.',
      'It enrolled 95 patients.',
      'It enrolled 93 patients.',
    ]);
    const text = textOf(doc.children);
    expect(text).toContain('My <b>own</b> | kind');
    expect(text).toContain('Dismissed because: Two were excluded after randomisation <b>really</b>.');
    expect(text).toContain('Study: ProDERM <trial>');
    expect(text).toContain('Werth 2023: Werth VP. IVIg study in The Lancet. EClinicalMedicine, 2023. doi:10.1016/S2589-5370(23)00123-4');
    expect(text).toMatch(/3 discrepancies: 1 confirmed, 1 suggested, 1 dismissed/);
  });
});

describe('export: fact-check report (JSON-LD)', () => {
  it('is a W3C collection of assessing annotations, one per discrepancy, quotes as targets', async () => {
    const { core } = await newReview({ name: 'ProDERM review' });
    const s = await seed(core);
    const file = await core['export.run']({ format: 'report-jsonld' });
    expect(file.mimeType).toBe('application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"');
    expect(file.fileName).toMatch(/^proderm-review-factcheck-\d{4}-\d{2}-\d{2}\.jsonld$/);
    const ld = JSON.parse(file.content);
    expect(ld['@context'][0]).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(ld['@context'][1]).toMatchObject({ evidentia: 'urn:evidentia:vocab:', severity: 'evidentia:severity' });
    expect(ld).toMatchObject({ type: 'AnnotationCollection', total: 3, first: { type: 'AnnotationPage', startIndex: 0 } });
    const items = ld.first.items as Array<{ id: string; status: string; severity: string; motivation: string; body: unknown; annotations: string[]; target: unknown; dismissalReason?: string }>;
    expect(items.map((i) => [i.status, i.severity, i.motivation])).toEqual([
      ['confirmed', 'high', 'assessing'],
      ['suggested', 'low', 'assessing'],
      ['dismissed', 'medium', 'assessing'],
    ]);
    expect(items[0]!.id).toBe(`urn:evidentia:discrepancy:${s.journal}`);
    expect(items[0]!.body).toEqual([
      { type: 'TextualBody', purpose: 'assessing', value: 'One says The Lancet, the other NEJM.', format: 'text/plain' },
      { type: 'TextualBody', purpose: 'classifying', value: 'journal', label: 'Journal', format: 'text/plain' },
    ]);
    expect(items[0]!.annotations).toHaveLength(2);
    const textA = (await core['articles.get']({ id: s.a })).text;
    const start = textA.indexOf('published in The Lancet by Werth');
    expect(items[0]!.target).toEqual([
      {
        type: 'SpecificResource',
        source: 'https://doi.org/10.1016/S2589-5370(23)00123-4',
        selector: [
          { type: 'TextQuoteSelector', exact: 'published in The Lancet by Werth', prefix: expect.any(String), suffix: expect.any(String) },
          { type: 'TextPositionSelector', start, end: start + 'published in The Lancet by Werth'.length },
        ],
      },
      {
        type: 'SpecificResource',
        source: 'https://doi.org/10.1056/NEJMoa2117912',
        selector: [
          expect.objectContaining({ type: 'TextQuoteSelector', exact: 'Published in NEJM 2022 by Aggarwal' }),
          expect.objectContaining({ type: 'TextPositionSelector' }),
          { type: 'FragmentSelector', conformsTo: 'http://tools.ietf.org/rfc/rfc3778', value: 'page=2' },
        ],
      },
    ]);
    expect(items[2]!.dismissalReason).toBe('Two were excluded after randomisation <b>really</b>.');
    expect(items[0]!.dismissalReason).toBeUndefined();
  });
});

describe('export: XLSX Discrepancies sheet', () => {
  it('has Status, Severity and Dismissal reason', async () => {
    const { core } = await newReview({ name: 'ProDERM review' });
    await seed(core);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(new Uint8Array(Buffer.from((await core['export.run']({ format: 'xlsx' })).content, 'base64')).buffer);
    const ws = wb.getWorksheet('Discrepancies')!;
    const header = (ws.getRow(1).values as unknown[]).slice(1).map(String);
    expect(header.slice(5, 10)).toEqual(['Kind', 'Status', 'Severity', 'Note', 'Dismissal reason']);
    const rows: unknown[][] = [];
    ws.eachRow((row, n) => {
      if (n > 1) rows.push((row.values as unknown[]).slice(6, 11));
    });
    expect(rows).toContainEqual(['sample-size', 'Dismissed', 'Medium', '95 vs 93 enrolled.', 'Two were excluded after randomisation <b>really</b>.']);
    expect(rows).toContainEqual(['journal', 'Confirmed', 'High', 'One says The Lancet, the other NEJM.', undefined]);
  });
});
