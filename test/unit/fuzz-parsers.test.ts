/**
 * The importers' parsers under random and mutated input (fast-check). Each must return, or throw
 * EvidentiaError (which becomes a failed outcome with its message); any other exception would reach
 * the user as "internal error". What they return must also be storable: record metadata that the
 * Article schema refuses would fail only later, at the write. Inputs are capped at a few KB so a
 * run is quick and a pathological (super-linear) case shows up as a slow test, not a hang.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readBibtex } from '../../electron/core/citations/bibtex.js';
import { readCslJson } from '../../electron/core/citations/csl-json.js';
import { readEndnoteXml } from '../../electron/core/citations/endnote-xml.js';
import { detectCitationFormat, parseCitations, type CitationFormat } from '../../electron/core/citations/index.js';
import { readMedline } from '../../electron/core/citations/nbib.js';
import { readPubmedXml } from '../../electron/core/citations/pubmed-xml.js';
import { readRis } from '../../electron/core/citations/ris.js';
import { decodeText } from '../../electron/core/import/decode-text.js';
import { splitFrontMatter } from '../../electron/core/import/front-matter.js';
import { extractMarkdown } from '../../electron/core/import/markdown.js';
import { extractPlainText } from '../../electron/core/import/text.js';
import { splitAuthors } from '../../shared/extraction/authors.js';
import { normaliseDoi } from '../../shared/extraction/doi.js';
import { guessFromText, mergeMeta } from '../../shared/extraction/metadata.js';
import { titleFromSizedLines } from '../../shared/extraction/pdf-title.js';
import { yearOfDate } from '../../shared/extraction/year.js';
import { ArticleMeta } from '../../shared/model/article.js';
import { EvidentiaError } from '../../shared/result.js';
import { manyRisRecords, SAMPLE_BIB, SAMPLE_CSL, SAMPLE_NBIB, SAMPLE_PUBMED_XML, SAMPLE_RIS } from '../fixtures/hostile.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const SEED = Number(process.env.FUZZ_SEED ?? 20261122);
const RecordMeta = ArticleMeta.omit({ tags: true });

/** Call `parse`; anything thrown that is not an EvidentiaError fails the property with its message. */
function onlyEvidentiaErrors<T>(parse: () => T): T | null {
  try {
    return parse();
  } catch (error) {
    if (error instanceof EvidentiaError) return null;
    throw new Error(`threw ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
  }
}

/** Pieces of syntax the formats care about, so mutations hit delimiters rather than only letters. */
const SYNTAX = ['{', '}', '@', '"', '\\', '%', '#', ',', '=', '<', '>', '</', '/>', '&amp;', '&#x0;', '&bogus;', '<![CDATA[', ']]>', '[', ']', ':', 'null', 'TY  - ', 'ER  - ', 'AU  - ', 'PMID- ', 'DP  - ', '\n', '\r', '\t', '\u0000', '\uFEFF', '\uD800', '---\n', '> ', '- ', '1. ', '```', '@string{a = "', '{"type":"article",', 'crossref = {'];

/** A sample with a few random edits: deletions, insertions of syntax, duplicated and cut ranges. */
function mutated(sample: string): fc.Arbitrary<string> {
  const edit = fc.record({
    at: fc.nat(),
    kind: fc.constantFrom('delete', 'insert', 'duplicate', 'truncate'),
    length: fc.integer({ min: 1, max: 40 }),
    piece: fc.oneof(fc.constantFrom(...SYNTAX), fc.string({ maxLength: 8, unit: 'binary' })),
  });
  return fc.array(edit, { minLength: 1, maxLength: 8 }).map((edits) => {
    let s = sample;
    for (const e of edits) {
      const at = s.length === 0 ? 0 : e.at % s.length;
      if (e.kind === 'delete') s = s.slice(0, at) + s.slice(at + e.length);
      else if (e.kind === 'insert') s = s.slice(0, at) + e.piece + s.slice(at);
      else if (e.kind === 'duplicate') s = s.slice(0, at + e.length) + s.slice(at, at + e.length) + s.slice(at + e.length);
      else s = s.slice(0, at);
    }
    return s.slice(0, 4000);
  });
}

/** Random text, mutated samples and several samples glued together (multi-record files). */
function inputsFor(sample: string): fc.Arbitrary<string> {
  return fc.oneof(
    fc.string({ maxLength: 600, unit: 'binary' }),
    fc.array(fc.constantFrom(...SYNTAX, 'x', ' ', '2022'), { maxLength: 200 }).map((parts) => parts.join('')),
    mutated(sample),
    fc.array(mutated(sample), { minLength: 2, maxLength: 4 }).map((parts) => parts.join('\n')),
  );
}

/** CSL-JSON that parses: arrays of items whose fields hold any JSON value (mutations mostly break the JSON). */
const cslField = fc.constantFrom('id', 'type', 'title', 'author', 'editor', 'issued', 'DOI', 'PMID', 'container-title', 'container-title-short', 'volume', 'issue', 'page', 'URL', 'keyword', 'abstract');
const cslItems = fc
  .array(fc.oneof(fc.dictionary(cslField, fc.jsonValue({ maxDepth: 3 })), fc.jsonValue({ maxDepth: 2 })), { maxLength: 6 })
  .map((items) => JSON.stringify(items));

/** PubMed XML with several articles whose inner elements are random but well-formed. */
const pubmedArticles = fc
  .array(fc.record({ pmid: fc.string({ maxLength: 12 }), title: fc.string({ maxLength: 40 }), year: fc.string({ maxLength: 6 }), last: fc.string({ maxLength: 12 }) }), { maxLength: 5 })
  .map((arts) => {
    const esc = (v: string) => v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    const body = arts
      .map((a) => `<PubmedArticle><MedlineCitation><PMID>${esc(a.pmid)}</PMID><Article><ArticleTitle>${esc(a.title)}</ArticleTitle><AuthorList><Author><LastName>${esc(a.last)}</LastName></Author></AuthorList><Journal><JournalIssue><PubDate><Year>${esc(a.year)}</Year></PubDate></JournalIssue></Journal></Article></MedlineCitation></PubmedArticle>`)
      .join('');
    return `<?xml version="1.0"?><PubmedArticleSet>${body}</PubmedArticleSet>`;
  });

const READERS: Array<{ format: CitationFormat; sample: string; structured?: fc.Arbitrary<string>; read: (text: string) => { records: Array<{ meta: unknown }> } }> = [
  { format: 'ris', sample: SAMPLE_RIS + SAMPLE_RIS.replace('JOUR', 'BOOK'), read: readRis },
  { format: 'bibtex', sample: `@string{nejm = "N Engl J Med"}\n${SAMPLE_BIB}@book{b, title={B}, crossref={aggarwal2022}}\n`, read: readBibtex },
  { format: 'nbib', sample: `${SAMPLE_NBIB}AB  - An abstract\n      continued.\n\n${SAMPLE_NBIB}`, read: readMedline },
  { format: 'pubmed-xml', sample: SAMPLE_PUBMED_XML, structured: pubmedArticles, read: (t) => readPubmedXml(t, 'f.xml') },
  {
    format: 'endnote-xml',
    sample: '<?xml version="1.0"?><xml><records><record><ref-type name="Journal Article">17</ref-type><contributors><authors><author><style face="normal">Doe, J</style></author></authors></contributors><titles><title>A &amp; B</title></titles><dates><year>2021</year></dates></record></records></xml>',
    read: (t) => readEndnoteXml(t, 'f.xml'),
  },
  { format: 'csl-json', sample: SAMPLE_CSL, structured: cslItems, read: (t) => readCslJson(t, 'f.json') },
];

describe('citation readers under random and mutated input', () => {
  for (const { format, sample, structured, read } of READERS) {
    it(`${format}: returns storable records or throws EvidentiaError, never anything else`, () => {
      fc.assert(
        fc.property(structured ? fc.oneof(inputsFor(sample), structured, structured.chain(mutated)) : inputsFor(sample), (text) => {
          const result = onlyEvidentiaErrors(() => read(text));
          for (const record of result?.records ?? []) expect(RecordMeta.safeParse(record.meta).error).toBeUndefined();
          // The full path the importer takes: detect by name and content, then parse with the empty/corrupt policy.
          const ext = { ris: 'ris', bibtex: 'bib', nbib: 'nbib', 'pubmed-xml': 'xml', 'csl-json': 'json', 'endnote-xml': 'xml' }[format];
          const detected = onlyEvidentiaErrors(() => detectCitationFormat(`f.${ext}`, text));
          if (detected) onlyEvidentiaErrors(() => parseCitations(text, `f.${ext}`, detected));
        }),
        { numRuns: RUNS, seed: SEED },
      );
    });
  }
});

describe('text decoding and document extractors under random bytes', () => {
  const bytes = fc.oneof(
    fc.uint8Array({ maxLength: 2000 }),
    // Mostly text with a few odd bytes: the windows-1252 and UTF-16 sniffing paths.
    fc.array(fc.oneof(fc.integer({ min: 0x20, max: 0x7e }), fc.constantFrom(0, 0x0a, 0x0d, 0x80, 0xff, 0xfe, 0xef, 0xbb, 0xbf)), { maxLength: 2000 }).map((a) => Uint8Array.from(a)),
    fc.string({ maxLength: 1000, unit: 'binary' }).map((s) => new TextEncoder().encode(s)),
  );

  it('decodeText, plain text and Markdown extraction return or throw EvidentiaError, with storable metadata', () => {
    fc.assert(
      fc.property(bytes, (input) => {
        onlyEvidentiaErrors(() => decodeText(input, 'f.txt'));
        for (const doc of [onlyEvidentiaErrors(() => extractPlainText(input, 'f.txt', 'txt')), onlyEvidentiaErrors(() => extractMarkdown(input, 'f.md', 'md'))]) {
          if (doc) expect(ArticleMeta.safeParse(doc.meta).error).toBeUndefined();
        }
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });

  it('Markdown extraction survives mutated documents, front matter and nesting', () => {
    const sample = '---\ntitle: "A: B"\nauthors:\n  - Doe, J\ndoi: 10.1/x\n---\n# Title\n\n> quote\n> > nested\n\n- a\n  - b\n    1. c\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n<div><script>x</script>text</div>\n';
    fc.assert(
      fc.property(inputsFor(sample), (text) => {
        onlyEvidentiaErrors(() => splitFrontMatter(text));
        const doc = onlyEvidentiaErrors(() => extractMarkdown(new TextEncoder().encode(text), 'f.md', 'md'));
        if (doc) expect(ArticleMeta.safeParse(doc.meta).error).toBeUndefined();
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });
});

describe('metadata helpers under random strings', () => {
  it('guessFromText, mergeMeta, splitAuthors, yearOfDate, normaliseDoi and titleFromSizedLines never throw', () => {
    const text = fc.oneof(fc.string({ maxLength: 500, unit: 'binary' }), mutated('Title of a trial\nDoe J, Roe R\nN Engl J Med 2022; doi:10.1056/NEJMoa2117912\nPublished 2022-10-06\n'));
    fc.assert(
      fc.property(text, fc.array(fc.record({ text: fc.string({ maxLength: 80, unit: 'binary' }), size: fc.double() }), { maxLength: 30 }), (s, lines) => {
        const guess = guessFromText(s);
        const meta = mergeMeta(s.slice(0, 40) || 'f.txt', { title: s, authors: splitAuthors(s), doi: normaliseDoi(s), year: yearOfDate(s) }, guess, { title: titleFromSizedLines(lines) });
        expect(ArticleMeta.safeParse(meta).error).toBeUndefined();
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });
});

describe('a library-sized citation file', () => {
  // The whole import of 50,000 records is dominated by writing 50,000 article files (about a minute,
  // see the hostile-import integration test for 5,000); parsing them must stay a few seconds.
  it('parses 50,000 RIS records, one record each', () => {
    const text = new TextDecoder().decode(manyRisRecords(50_000));
    const parsed = parseCitations(text, 'library.ris', 'ris');
    expect(parsed.errors).toEqual([]);
    expect(parsed.records).toHaveLength(50_000);
    expect(parsed.records[49_999]!.meta.title).toBe('Hostile record number 50000 on immune globulin');
  });
});
