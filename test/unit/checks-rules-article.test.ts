import { describe, expect, it } from 'vitest';
import { runRules } from '../../shared/checks/index.js';
import { article, fact, ID, reference, werth } from './checks-builders.js';


describe('journal / year / author named in the text vs the article\'s own reference', () => {
  it('flags The Lancet in the text against the EClinicalMedicine reference (the seed case), and nothing for Werth = Werth', () => {
    const a = werth();
    const found = runRules([a], []);
    expect(found.map((d) => d.kind)).toEqual(['journal-vs-reference']);
    const [d] = found;
    expect(d!.severity).toBe('high');
    expect(d!.studyGroupId).toBeNull();
    expect(d!.explanation).toBe('The text says the study was published in The Lancet, but the reference it cites is in EClinicalMedicine.');
    expect(d!.quotes.map((q) => [q.articleId, q.exact])).toEqual([
      [ID.a, 'published in The Lancet'],
      [ID.a, 'EClinicalMedicine'],
    ]);
    for (const q of d!.quotes) expect(a.text.slice(q.start, q.end)).toBe(q.exact);
    expect(d!.fingerprint).toBe('journal-vs-reference|a000000000000001|lancet|eclinicalmedicine');
  });

  it('says nothing when the article has no reference list', () => {
    const a = werth();
    const noRefs = { ...a, facts: { ...a.facts, references: [], facts: a.facts.facts.filter((f) => f.source === 'text') } };
    expect(runRules([noRefs], [])).toEqual([]);
  });

  it('with several references, flags the journal only when it matches none of them', () => {
    const t = 'Published in The Lancet by Smith and colleagues (the ALPHA trial).\nReferences\n1. Smith J. ALPHA primary results. Lancet 2020.\n2. Jones K. ALPHA follow-up. BMJ 2021.';
    const base = {
      facts: [
        fact(t, 'journal', 'The Lancet', 'lancet', { quote: 'Published in The Lancet' }),
        fact(t, 'lead-author', 'Smith', 'smith'),
        fact(t, 'acronym', 'ALPHA', 'alpha'),
        fact(t, 'journal', 'Lancet', 'lancet', { reference: 0, quote: 'Lancet', nth: 1 }),
        fact(t, 'year', '2020', '2020', { reference: 0 }),
        fact(t, 'lead-author', 'Smith', 'smith', { reference: 0, nth: 1 }),
        fact(t, 'journal', 'BMJ', 'bmj', { reference: 1 }),
        fact(t, 'year', '2021', '2021', { reference: 1 }),
        fact(t, 'lead-author', 'Jones', 'jones', { reference: 1 }),
      ],
      references: [reference(t, '1. Smith J. ALPHA primary results. Lancet 2020.'), reference(t, '2. Jones K. ALPHA follow-up. BMJ 2021.')],
    };
    expect(runRules([article(ID.a, t, base)], [])).toEqual([]);

    // The text now says JAMA: neither reference is in JAMA, the best match (Smith, first author) is the Lancet one.
    const t2 = t.replace('Published in The Lancet', 'Published in JAMA');
    const facts2 = [fact(t2, 'journal', 'JAMA', 'jama', { quote: 'Published in JAMA' }), ...base.facts.slice(1).map((f) => ({ ...f, quote: { ...f.quote, start: f.quote.start - 6, end: f.quote.end - 6 } }))];
    const found = runRules([article(ID.a, t2, { facts: facts2, references: base.references })], []);
    expect(found.map((d) => d.kind)).toEqual(['journal-vs-reference']);
    expect(found[0]!.explanation).toContain('JAMA');
    expect(found[0]!.explanation).toContain('Lancet');
    expect(found[0]!.quotes[1]!.exact).toBe('Lancet');
    expect(t2.slice(found[0]!.quotes[1]!.start, found[0]!.quotes[1]!.end)).toBe('Lancet');
  });

  it('flags the year and the author named in the text, with both values', () => {
    const t = 'The trial, published in 2019 by Miller and colleagues, enrolled 200 patients.\nReference: Garcia L, Miller P. Trial X. BMJ 2021;1:1.';
    const a = article(ID.c, t, {
      facts: [
        fact(t, 'year', '2019', '2019'),
        fact(t, 'lead-author', 'Miller', 'miller'),
        fact(t, 'year', '2021', '2021', { reference: 0 }),
        fact(t, 'lead-author', 'Garcia', 'garcia', { reference: 0 }),
      ],
      references: [reference(t, 'Garcia L, Miller P. Trial X. BMJ 2021;1:1.', { authors: ['Garcia', 'Miller'], year: 2021 })],
    });
    const found = runRules([a], []);
    expect(found.map((d) => [d.kind, d.severity])).toEqual([
      ['year-vs-reference', 'high'],
      // Miller is a co-author of the cited paper, not its first author: borderline.
      ['author-vs-reference', 'low'],
    ]);
    expect(found[0]!.explanation).toBe('The text says the study was published in 2019, but the reference it cites is from 2021.');
    expect(found[1]!.explanation).toContain('Miller');
    expect(found[1]!.explanation).toContain('Garcia');
    expect(found[1]!.quotes.map((q) => q.exact)).toEqual(['Miller', 'Garcia']);
  });

  it('an author who is on no author list of the references is high severity', () => {
    const t = 'A study by Okafor and colleagues.\nReference: Garcia L. Trial X. BMJ 2021.';
    const a = article(ID.c, t, {
      facts: [fact(t, 'lead-author', 'Okafor', 'okafor'), fact(t, 'lead-author', 'Garcia', 'garcia', { reference: 0 })],
      references: [reference(t, 'Garcia L. Trial X. BMJ 2021.', { authors: ['Garcia'] })],
    });
    expect(runRules([a], []).map((d) => [d.kind, d.severity])).toEqual([['author-vs-reference', 'high']]);
  });

  it('compares with the parsed reference when the finder gave no reference facts', () => {
    const t = 'This study appeared in The Lancet.\nReference: Werth VP. Post-hoc analysis. EClinicalMedicine 2023.';
    const a = article(ID.d, t, {
      facts: [fact(t, 'journal', 'The Lancet', 'lancet')],
      references: [reference(t, 'Werth VP. Post-hoc analysis. EClinicalMedicine 2023.', { authors: ['Werth'], journal: 'EClinicalMedicine', journalNormalised: 'EClinicalMedicine', year: 2023 })],
    });
    const found = runRules([a], []);
    expect(found.map((d) => d.kind)).toEqual(['journal-vs-reference']);
    expect(found[0]!.quotes[1]!.exact).toBe('Werth VP. Post-hoc analysis. EClinicalMedicine 2023.');
    // Same journal in other words and case: nothing.
    const same = article(ID.d, t, { facts: [fact(t, 'journal', 'The Lancet', 'lancet')], references: [reference(t, 'Werth VP. Post-hoc analysis. EClinicalMedicine 2023.', { journal: 'Lancet', journalNormalised: 'The Lancet' })] });
    expect(runRules([same], [])).toEqual([]);
  });

  it('gives the same fingerprints across runs', () => {
    expect(runRules([werth()], []).map((d) => d.fingerprint)).toEqual(runRules([werth()], []).map((d) => d.fingerprint));
  });
});
