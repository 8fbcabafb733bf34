import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../electron/core/import/index.js';
import { splitFrontMatter } from '../../electron/core/import/front-matter.js';
import { markdownToText } from '../../electron/core/import/markdown-text.js';

const enc = (s: string) => new TextEncoder().encode(s);

describe('Markdown import', () => {
  it('turns Markdown into readable plain text', () => {
    const md = [
      '# IVIG in *Dermatomyositis*',
      '',
      'Patients **improved**: see [the trial](https://example.org/t "T") and `CDASI-A` &amp; more\\*.',
      '',
      '- first item',
      '- second item',
      '  1. nested one',
      '',
      '> quoted text',
      '',
      '```js',
      'const x = 1;',
      '```',
      '',
      '| Arm | n |',
      '|-----|---|',
      '| IVIG | 47 |',
      '',
      '![a figure](fig.png)',
      '',
      '---',
      '',
      'Last line',
    ].join('\n');
    expect(markdownToText(md).text).toBe(
      [
        'IVIG in Dermatomyositis',
        '',
        'Patients improved: see the trial and CDASI-A & more*.',
        '',
        '• first item\n• second item\n  1. nested one',
        '',
        'quoted text',
        '',
        'const x = 1;',
        '',
        'Arm\tn\nIVIG\t47',
        '',
        'a figure',
        '',
        'Last line',
      ].join('\n'),
    );
  });

  it('drops raw HTML scripts inside Markdown, keeping other inline HTML text', () => {
    const { text } = markdownToText('Hello <b>bold</b> <script>alert("x")</script> end\n\n<script>\nalert("block")\n</script>\n\n<div onclick="evil()">div text</div>');
    expect(text).toContain('Hello bold');
    expect(text).toContain('end');
    expect(text).toContain('div text');
    expect(text).not.toContain('alert');
    expect(text).not.toContain('evil');
  });

  it('reads YAML front matter', () => {
    const { fields, body } = splitFrontMatter('---\ntitle: "A Title: With Colon"\nauthors:\n  - Jane Doe\n  - John Roe\ndate: 2021-02-03\n---\n# Heading\n');
    expect(fields.get('title')).toEqual(['A Title: With Colon']);
    expect(fields.get('authors')).toEqual(['Jane Doe', 'John Roe']);
    expect(body).toBe('# Heading\n');
    expect(splitFrontMatter('no front matter').body).toBe('no front matter');
  });

  it('takes the title from front matter, else the first heading, else the file name', async () => {
    const withFm = await extractDocument(enc('---\ntitle: Front Title\nauthor: Jane Doe\ndoi: 10.1234/abc\nyear: 2020\n---\n# Heading Title\n\nBody.\n'), 'x.md');
    expect(withFm.meta).toMatchObject({ title: 'Front Title', authors: ['Jane Doe'], doi: '10.1234/abc', year: 2020 });
    expect(withFm.text).toBe('Heading Title\n\nBody.');
    expect(withFm.kind).toBe('markdown');
    expect(withFm.extraction.engine).toBe('marked');
    const heading = await extractDocument(enc('Intro sentence here.\n\n## Second Level\n\n# Main Title\n'), 'y.markdown');
    expect(heading.meta.title).toBe('Main Title');
    expect(heading.ext).toBe('markdown');
    const none = await extractDocument(enc('just words, and a period.\n'), 'notes.MD');
    expect(none.meta.title).toBe('notes');
    expect(none.ext).toBe('md');
  });
});
