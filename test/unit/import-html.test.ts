import { describe, expect, it } from 'vitest';
import { EMPTY_BIBLIO } from '../../shared/model/index.js';
import { extractDocument } from '../../electron/core/import/index.js';
import { htmlToText } from '../../electron/core/import/html-text.js';

const enc = (s: string) => new TextEncoder().encode(s);

const HOSTILE = `<!DOCTYPE html>
<html><head>
  <title>Trial of IVIG in Dermatomyositis | The Journal Site</title>
  <meta name="citation_title" content="Trial of Intravenous Immune Globulin in Dermatomyositis">
  <meta name="citation_author" content="Aggarwal, Rohit">
  <meta name="citation_author" content="Charles-Schoeman, Christina">
  <meta name="citation_journal_title" content="New England Journal of Medicine">
  <meta name="citation_publication_date" content="2022/10/06">
  <meta name="citation_doi" content="10.1056/NEJMoa2117912">
  <style>body { color: red } .secret-style {}</style>
  <script>window.stolen = document.cookie; alert("head script")</script>
</head>
<body onload="alert('onload handler')">
  <script type="text/javascript">var bodyScript = "BODY SCRIPT TEXT";</script>
  <noscript>NOSCRIPT FALLBACK</noscript>
  <template><p>TEMPLATE CONTENT</p></template>
  <iframe src="https://evil.example/frame">IFRAME FALLBACK</iframe>
  <object data="x.swf">OBJECT FALLBACK</object>
  <svg><text>SVG TEXT</text><script>alert('svg')</script></svg>
  <h1>Trial of IVIG</h1>
  <p>Patients improved: <b>79%</b> vs 44% &mdash; a &quot;clear&quot; effect&nbsp;at week&#160;16.</p>
  <p onclick="alert('click handler')">Click <a href="javascript:alert('js link')">here</a> for more.</p>
  <ul><li>First point</li><li>Second   point
      wrapped</li></ul>
  <div>A div<br>with a break</div>
  <table><tr><th>Arm</th><th>n</th></tr><tr><td>IVIG</td><td>47</td></tr></table>
  <pre>line one
line two</pre>
  <img src="x" onerror="alert('img onerror')" alt="an image">
  <button onclick="steal()">Visible button</button>
</body></html>`;

describe('HTML import', () => {
  it('keeps the visible text and nothing of scripts, handlers, frames or styles', async () => {
    const doc = await extractDocument(enc(HOSTILE), 'nejm.html');
    expect(doc.kind).toBe('html');
    expect(doc.text).toContain('Patients improved: 79% vs 44% — a "clear" effect at week 16.');
    expect(doc.text).toContain('Click here for more.');
    expect(doc.text).toContain('Visible button');
    for (const banned of [
      'alert', 'cookie', 'BODY SCRIPT', 'NOSCRIPT', 'TEMPLATE CONTENT', 'IFRAME', 'OBJECT FALLBACK', 'SVG TEXT',
      'javascript:', 'onload', 'onclick', 'onerror', 'color: red', 'secret-style', 'steal', '<', '>',
    ]) {
      expect(doc.text, banned).not.toContain(banned);
    }
  });

  it('turns blocks into lines and paragraphs into blank-line-separated blocks', () => {
    const { text } = htmlToText('<h1>Title</h1><p>One   two\nthree</p><p>Four</p><ul><li>a</li><li>b</li></ul><div>x<br>y</div>');
    expect(text).toBe('Title\n\nOne two three\n\nFour\n\na\nb\n\nx\ny');
  });

  it('keeps table cells apart and pre-formatted line breaks', () => {
    const { text } = htmlToText('<table><tr><th>Arm</th><th>n</th></tr><tr><td>IVIG</td><td>47</td></tr></table><pre>a\nb</pre>');
    expect(text).toBe('Arm\tn\nIVIG\t47\n\na\nb');
  });

  it('reads citation_* meta tags', async () => {
    const doc = await extractDocument(enc(HOSTILE), 'nejm.html');
    expect(doc.meta).toEqual({
      ...EMPTY_BIBLIO,
      title: 'Trial of Intravenous Immune Globulin in Dermatomyositis',
      authors: ['Aggarwal, Rohit', 'Charles-Schoeman, Christina'],
      journal: 'New England Journal of Medicine',
      year: 2022,
      doi: '10.1056/NEJMoa2117912',
    });
    expect(doc.extraction.engine).toBe('htmlparser2');
    expect(doc.extraction.version).toMatch(/^\d+\./);
  });

  it('falls back to Dublin Core, Open Graph, <meta name=author> and <title>', async () => {
    const dc = `<html><head><meta name="DC.title" content="DC Title Here"><meta name="DC.creator" content="Jane Doe">
      <meta name="DC.date" content="2019-05-01"><meta name="DC.identifier" content="doi:10.1000/dc.1"></head><body><p>x</p></body></html>`;
    expect((await extractDocument(enc(dc), 'a.htm')).meta).toMatchObject({ title: 'DC Title Here', authors: ['Jane Doe'], year: 2019, doi: '10.1000/dc.1' });
    const og = `<html><head><title>Page title | Site</title><meta property="og:title" content="OG Title Wins"><meta name="author" content="Ann Poe"></head><body><p>x</p></body></html>`;
    expect((await extractDocument(enc(og), 'b.html')).meta).toMatchObject({ title: 'OG Title Wins', authors: ['Ann Poe'] });
    const plain = `<html><head><title>Long Enough Page Title | Site Name</title></head><body><p>text</p></body></html>`;
    expect((await extractDocument(enc(plain), 'c.HTML')).meta.title).toBe('Long Enough Page Title');
    expect((await extractDocument(enc('<p>only a sentence here.</p>'), 'd.html')).meta.title).toBe('d');
  });

  it('refuses an HTML file with no visible text', async () => {
    await expect(extractDocument(enc('<html><head><title>t</title><script>x()</script></head><body> </body></html>'), 'e.html')).rejects.toMatchObject({ code: 'empty-file' });
  });
});

describe('HTML nested beyond any real page', () => {
  it('is refused with a message naming the file, however the elements are left open', async () => {
    const closed = '<div>'.repeat(100_000) + 'x' + '</div>'.repeat(100_000);
    const unclosed = '<b><i>'.repeat(50_000) + 'x';
    for (const html of [closed, unclosed]) {
      expect(() => htmlToText(html, 'deep.html')).toThrow(/deep\.html nests HTML elements more than 4096 deep/);
    }
    await expect(extractDocument(new TextEncoder().encode(unclosed), 'deep.html')).rejects.toMatchObject({ code: 'corrupt-file' });
  });

  it('reads deep but plausible nesting, and elements that close themselves do not add up', () => {
    expect(htmlToText('<div>'.repeat(1000) + 'deep text' + '</div>'.repeat(1000)).text).toBe('deep text');
    expect(htmlToText('<p>a<br>b<img src=x></p>'.repeat(10_000)).text.split('\n\n')).toHaveLength(10_000);
  });
});
