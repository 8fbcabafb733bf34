import { describe, expect, it } from 'vitest';
import { parseCitations } from '../../electron/core/citations/index.js';

const ris = (text: string) => parseCitations(text, 'refs.ris', 'ris');

describe('RIS import', () => {
  it('maps a journal article, joining wrapped lines and keeping each KW line whole', () => {
    const { records, errors } = ris(`TY  - JOUR
AU  - Baldwin, S.A.
AU  - Doe, John, Jr.
TI  - Blood-brain barrier breach following
cortical contusion in the rat
T2  - Journal of Neurosurgery
PY  - 1996
VL  - 85
IS  - 4
SP  - 476
EP  - 481
DO  - 10.3171/jns.1996.85.3.0476
KW  - Brain Injuries/pathology
KW  - Rats, Inbred F344
AB  - Adult rats were
subjected to impact.
UR  - https://example.org/a
ER  - 
`);
    expect(errors).toEqual([]);
    expect(records[0]).toEqual({
      record: 1,
      meta: {
        title: 'Blood-brain barrier breach following cortical contusion in the rat',
        authors: ['Baldwin, S.A.', 'Doe, John, Jr.'],
        journal: 'Journal of Neurosurgery',
        year: 1996,
        doi: '10.3171/jns.1996.85.3.0476',
        pmid: null,
        volume: '85',
        issue: '4',
        page: '476-481',
        url: 'https://example.org/a',
        type: 'article-journal',
        keywords: ['Brain Injuries/pathology', 'Rats, Inbred F344'],
      },
      abstract: 'Adult rats were subjected to impact.',
    });
  });

  it('reads CRLF files, one-space tags, and keeps the original title over TT/TA translations', () => {
    const text = 'TY - BOOK\r\nAU - Original, Author\r\nTA - Translated, Author\r\nTI - Originaltitel\r\nTT - Original title\r\nPY - 2001\r\nER - \r\n';
    const [record] = ris(text).records;
    expect(record?.meta).toMatchObject({ title: 'Originaltitel', authors: ['Original, Author'], year: 2001, type: 'book', journal: null });
  });

  it('reports records without TY, and empty ones, by number while the others import', () => {
    const text = `TY  - JOUR
TI  - First
ER  - 

TI  - Lost its TY line
AU  - Someone, A
ER  - 

TY  - JOUR
ER  - 

TY  - UNKNOWNTYPE
TI  - Fourth
ER  - 
`;
    const { records, errors } = ris(text);
    expect(records.map((r) => [r.record, r.meta.title])).toEqual([
      [1, 'First'],
      [4, 'Fourth'],
    ]);
    expect(errors).toEqual([
      { record: 2, reason: expect.stringMatching(/line 5 has no "TY {2}- " line/) },
      { record: 3, reason: expect.stringMatching(/line 9 has no title, authors or identifiers/) },
    ]);
  });

  it('accepts a last record without ER and 0000 years as unknown', () => {
    const [record] = ris('TY  - JOUR\nTI  - Open ended\nPY  - 0000\n').records;
    expect(record?.meta).toMatchObject({ title: 'Open ended', year: null });
  });
});
