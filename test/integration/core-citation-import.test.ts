/**
 * Citation files through the core's importer: one article per record, malformed records reported
 * with their number while the rest import, DOI/PMID matches merged automatically, title + year +
 * author matches queued, the same file again recognised, and full texts attached to records (by
 * DOI at import, and by dropping a file on a record).
 */
import { describe, expect, it } from 'vitest';
import { base64, newReview } from './core-helpers.js';

const RIS = `TY  - JOUR
TI  - Trial of Intravenous Immune Globulin in Dermatomyositis
AU  - Aggarwal, Rohit
AU  - Werth, Victoria P.
PY  - 2022
JO  - New England Journal of Medicine
VL  - 387
IS  - 14
SP  - 1264
EP  - 1278
DO  - 10.1056/NEJMoa2117912
AB  - In a phase 3 trial, IVIG was effective in adults with dermatomyositis.
KW  - Dermatomyositis
ER  -

TY  - JOUR
TI  - Efficacy and safety of IVIg in dermatomyositis: the ProDERM extension
AU  - Werth, Victoria P.
PY  - 2023
JO  - The Lancet Rheumatology
ER  -

ID  - no type line: this record is malformed
TI  - A record without TY
ER  -

TY  - JOUR
TI  - Cutaneous outcomes of immunoglobulin therapy
AU  - Chen, Li
PY  - 2021
JO  - JAMA Dermatology
ER  -
`;

// The same NEJM article from another database, with a PMID and the DOI written as a URL.
const BIB = `@article{aggarwal2022,
  title = {Trial of Intravenous Immune Globulin in Dermatomyositis},
  author = {Aggarwal, Rohit and Charles-Schoeman, Christina and Werth, Victoria P.},
  journal = {N Engl J Med},
  year = {2022},
  doi = {https://doi.org/10.1056/nejmoa2117912},
  pmid = {36198180},
}

@article{chen2022,
  title = {Cutaneous Outcomes of Immunoglobulin Therapy.},
  author = {Chen, L. and Park, S.},
  journal = {JAMA Dermatol},
  year = {2022},
}
`;

describe('citation files imported into a review', () => {
  it('imports records, reports the malformed one by number, merges by DOI and queues title matches', async () => {
    const { core } = await newReview();
    const first = (await core['articles.import']({ files: [{ fileName: 'search.ris', base64: base64(RIS) }] })).results;
    expect(first.map((r) => [r.record, r.status])).toEqual([
      [1, 'imported'],
      [2, 'imported'],
      [3, 'failed'],
      [4, 'imported'],
    ]);
    expect(first[2]!.error!.message).toMatch(/search\.ris, record 3/);
    const nejm = first[0]!.articleId!;
    const article = await core['articles.get']({ id: nejm });
    expect(article).toMatchObject({
      kind: 'citation',
      title: 'Trial of Intravenous Immune Globulin in Dermatomyositis',
      authors: ['Aggarwal, Rohit', 'Werth, Victoria P.'],
      journal: 'New England Journal of Medicine',
      year: 2022,
      volume: '387',
      issue: '14',
      doi: '10.1056/NEJMoa2117912',
      keywords: ['Dermatomyositis'],
      text: 'In a phase 3 trial, IVIG was effective in adults with dermatomyositis.',
    });

    const second = (await core['articles.import']({ files: [{ fileName: 'pubmed.bib', base64: base64(BIB) }] })).results;
    expect(second.map((r) => r.status)).toEqual(['merged', 'imported']);
    expect(second[0]!.articleId).toBe(nejm);
    const merged = await core['articles.get']({ id: nejm });
    // The richer author list and the PMID came from the second file; both files are kept.
    expect(merged.authors).toHaveLength(3);
    expect(merged.pmid).toBe('36198180');
    expect([merged.source.fileName, ...merged.attachments.map((a) => a.fileName)]).toEqual(['search.ris', 'pubmed.bib']);
    // Same title (case and final period aside), year within one, a shared surname: queued, not merged.
    expect(second[1]!.possibleDuplicates).toEqual([first[3]!.articleId]);
    const pairs = await core['duplicates.list']({});
    expect(pairs.map((p) => [p.a.id, p.b.id, p.reason])).toEqual([[first[3]!.articleId, second[1]!.articleId, 'title-year-author']]);
    expect((await core['articles.list']({})).length).toBe(4);

    const again = (await core['articles.import']({ files: [{ fileName: 'copy.ris', base64: base64(RIS) }] })).results;
    expect(again[0]!.status).toBe('duplicate');
  });

  it('a PDF whose DOI matches a record becomes its full text; a dropped file attaches to the record; a text file is only queued', async () => {
    const { core } = await newReview();
    const [nejmRecord, extension] = (await core['articles.import']({ files: [{ fileName: 'search.ris', base64: base64(RIS) }] })).results;
    const pdfText = 'Trial of IVIG in dermatomyositis\nDOI: 10.1056/NEJMoa2117912\fAt week 16, 79% responded.';
    const attached = (await core['articles.import']({ files: [{ fileName: 'nejm.fakepdf', base64: base64(pdfText) }] })).results[0]!;
    expect(attached).toMatchObject({ status: 'attached', articleId: nejmRecord!.articleId });
    const article = await core['articles.get']({ id: nejmRecord!.articleId! });
    expect(article.kind).toBe('pdf');
    expect(article.text).toContain('79% responded');
    expect(article.abstract).toContain('phase 3 trial');
    expect(article.attachments.map((a) => a.fileName)).toEqual(['search.ris']);
    expect((await core.fileForArticle(article.id)).mimeType).toBe('application/octet-stream'); // the fake PDF's extension

    // A text file naming the same DOI (a news piece citing the trial) is not merged: it is queued.
    const news = (await core['articles.import']({ files: [{ fileName: 'news.txt', base64: base64('News about the trial\nDOI: 10.1056/NEJMoa2117912') }] })).results[0]!;
    expect(news).toMatchObject({ status: 'imported', possibleDuplicates: [nejmRecord!.articleId] });
    expect((await core['duplicates.list']({})).map((p) => p.reason)).toEqual(['doi']);

    const dropped = await core['articles.attach']({ id: extension!.articleId!, file: { fileName: 'supplement.txt', base64: base64('Supplement\nExtension data.') } });
    expect(dropped).toMatchObject({ status: 'attached', articleId: extension!.articleId });
    expect((await core['articles.get']({ id: extension!.articleId! })).text).toBe('Supplement\nExtension data.');
    // The same file again is recognised wherever it is kept.
    const twice = await core['articles.attach']({ id: nejmRecord!.articleId!, file: { fileName: 'supplement.txt', base64: base64('Supplement\nExtension data.') } });
    expect(twice).toMatchObject({ status: 'duplicate', articleId: extension!.articleId });
  });
});

describe('a PDF without a DOI', () => {
  it('becomes the full text of the one record with its exact title and a year within one; a short title never matches', async () => {
    const { core } = await newReview();
    const [, extension] = (await core['articles.import']({ files: [{ fileName: 'search.ris', base64: base64(RIS) }] })).results;
    const pdf = 'Efficacy and Safety of IVIg in Dermatomyositis: the ProDERM Extension\nYear: 2024\fResults page.';
    const attached = (await core['articles.import']({ files: [{ fileName: 'ext.fakepdf', base64: base64(pdf) }] })).results[0]!;
    expect(attached).toMatchObject({ status: 'attached', articleId: extension!.articleId });
    const other = 'Efficacy and Safety of IVIg in Dermatomyositis: the ProDERM Extension\nYear: 2026\fToo late to be it.';
    expect((await core['articles.import']({ files: [{ fileName: 'later.fakepdf', base64: base64(other) }] })).results[0]!.status).toBe('imported');
  });
});

describe('deleting records that share a citation file', () => {
  it('keeps the citation file while any article uses it, as source or attachment', async () => {
    const { core, dir } = await newReview();
    const two = 'TY  - JOUR\nTI  - First record of two\nER  -\n\nTY  - JOUR\nTI  - Second record of two\nER  -\n';
    const [a, b] = (await core['articles.import']({ files: [{ fileName: 'two.ris', base64: base64(two) }] })).results;
    await core['articles.attach']({ id: a!.articleId!, file: { fileName: 'full.txt', base64: base64('Full text\nof the first record.') } });
    const { readdir } = await import('node:fs/promises');
    const kinds = async () => (await readdir(`${dir}/files`)).map((n) => n.split('.').pop()).sort();
    expect(await kinds()).toEqual(['ris', 'txt']);
    await core['articles.delete']({ id: b!.articleId! });
    // No article has two.ris as its source any more, but the first keeps it as an attachment.
    expect(await kinds()).toEqual(['ris', 'txt']);
    await core['articles.delete']({ id: a!.articleId! });
    expect(await kinds()).toEqual([]);
  });
});
