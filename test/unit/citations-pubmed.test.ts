import { describe, expect, it } from 'vitest';
import { parseCitations } from '../../electron/core/citations/index.js';

describe('PubMed MEDLINE (.nbib) import', () => {
  const nbib = `PMID- 25744111
OWN - NLM
VI  - 129
IP  - 5
DP  - 2015 May
TI  - Effectiveness of public health practices against shaken baby syndrome/abusive
      head trauma in Japan.
PG  - 475-82
LID - 10.1016/j.puhe.2015.01.018 [doi]
LID - S0033-3506(15)00037-2 [pii]
AB  - Objectives: to evaluate
      the programme.
FAU - Fujiwara, T
AU  - Fujiwara T
CN  - Japan Shaken Baby Study Group
PT  - Journal Article
TA  - Public Health
JT  - Public health
MH  - Adolescent
MH  - Caregivers/*education/psychology
MH  - *Health Knowledge, Attitudes, Practice
OT  - abusive head trauma

PMID- 21249755
DP  - 2009
TI  - Peutz-Jeghers Syndrome
BTI - Cancer Syndromes
FED - Riegert-Johnson, Douglas L
AU  - Riegert-Johnson D
AU  - Gleeson FC
PT  - Book Chapter

PMID- 99999999
OWN - NLM
`;

  it('joins continuation lines and maps the tags, keeping MeSH commas and dropping "*" marks', () => {
    const { records, errors } = parseCitations(nbib, 'pubmed.nbib', 'nbib');
    expect(records[0]).toEqual({
      record: 1,
      meta: {
        title: 'Effectiveness of public health practices against shaken baby syndrome/abusive head trauma in Japan.',
        authors: ['Fujiwara, T', 'Japan Shaken Baby Study Group'],
        journal: 'Public health',
        year: 2015,
        doi: '10.1016/j.puhe.2015.01.018',
        pmid: '25744111',
        volume: '129',
        issue: '5',
        page: '475-82',
        url: null,
        type: 'article-journal',
        keywords: ['Adolescent', 'Caregivers/education/psychology', 'Health Knowledge, Attitudes, Practice', 'abusive head trauma'],
      },
      abstract: 'Objectives: to evaluate the programme.',
    });
    // A book chapter: AU without FAU gives "Family, Initials"; the book is the container.
    expect(records[1]?.meta).toMatchObject({ title: 'Peutz-Jeghers Syndrome', type: 'chapter', journal: 'Cancer Syndromes', authors: ['Riegert-Johnson, D', 'Gleeson, FC'], year: 2009 });
    // A PMID alone is still an identifier: the record imports rather than failing.
    expect(records[2]?.meta).toMatchObject({ pmid: '99999999', title: '' });
    expect(errors).toEqual([]);
  });

  it('reports a record with nothing readable by number', () => {
    const { records, errors } = parseCitations('PMID- 1\nTI  - Fine\n\nOWN - NLM\nSTAT- MEDLINE\n', 'x.nbib', 'nbib');
    expect(records.map((r) => r.record)).toEqual([1]);
    expect(errors).toEqual([{ record: 2, reason: expect.stringMatching(/line 4 has no title, authors or identifiers/) }]);
  });
});

describe('PubMed XML import', () => {
  const xml = `<?xml version="1.0"?>
<!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle, 1st January 2019//EN" "x.dtd">
<PubmedArticleSet>
<PubmedBookArticle><BookDocument><PMID Version="1">20821847</PMID>
  <Book><BookTitle book="endocrin">Endocrinology: An Integrated Approach</BookTitle><PubDate><Year>2001</Year></PubDate>
  <AuthorList Type="authors"><Author><LastName>Nussey</LastName><ForeName>Stephen</ForeName></Author></AuthorList></Book>
  <Abstract><AbstractText>A truly integrated text.</AbstractText></Abstract></BookDocument></PubmedBookArticle>
<PubmedArticle><MedlineCitation Status="MEDLINE"><PMID Version="1">31000001</PMID>
  <Article><Journal><JournalIssue><Volume>12</Volume><Issue>3</Issue><PubDate><MedlineDate>2019 Mar-Apr</MedlineDate></PubDate></JournalIssue>
  <Title>Journal of Things &amp; Stuff</Title><ISOAbbreviation>J Things Stuff</ISOAbbreviation></Journal>
  <ArticleTitle>Effect of <i>IVIg</i> on CD4<sup>+</sup> counts &amp; fatigue.</ArticleTitle>
  <Pagination><MedlinePgn>101-9</MedlinePgn></Pagination>
  <ELocationID EIdType="doi" ValidYN="Y">10.1000/things.2019.3</ELocationID>
  <Abstract><AbstractText Label="BACKGROUND">Why.</AbstractText><AbstractText Label="RESULTS">What &lt;5%.</AbstractText></Abstract>
  <AuthorList><Author><LastName>Øster</LastName><ForeName>Åse</ForeName><Initials>Å</Initials></Author><Author><CollectiveName>TRIAL Group</CollectiveName></Author></AuthorList>
  </Article>
  <MeshHeadingList><MeshHeading><DescriptorName UI="D1">Fatigue</DescriptorName></MeshHeading></MeshHeadingList>
  <KeywordList><Keyword>immunoglobulin</Keyword></KeywordList>
</MedlineCitation></PubmedArticle>
</PubmedArticleSet>`;

  it('reads books and articles in file order, flattening inline markup and decoding entities', () => {
    const { records, errors } = parseCitations(xml, 'efetch.xml', 'pubmed-xml');
    expect(errors).toEqual([]);
    expect(records[0]?.meta).toMatchObject({ title: 'Endocrinology: An Integrated Approach', type: 'book', authors: ['Nussey, Stephen'], year: 2001, pmid: '20821847', journal: null });
    expect(records[0]?.abstract).toBe('A truly integrated text.');
    expect(records[1]).toEqual({
      record: 2,
      meta: {
        title: 'Effect of IVIg on CD4+ counts & fatigue.',
        authors: ['Øster, Åse', 'TRIAL Group'],
        journal: 'Journal of Things & Stuff',
        year: 2019,
        doi: '10.1000/things.2019.3',
        pmid: '31000001',
        volume: '12',
        issue: '3',
        page: '101-9',
        url: null,
        type: 'article-journal',
        keywords: ['Fatigue', 'immunoglobulin'],
      },
      abstract: 'BACKGROUND: Why.\n\nRESULTS: What <5%.',
    });
  });
});
