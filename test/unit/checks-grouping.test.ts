import { describe, expect, it } from 'vitest';
import { proposeStudyGroups, runRules, type CheckedArticle } from '../../shared/checks/index.js';
import { ProposedStudyGroup } from '../../shared/model/index.js';
import { aggarwal, article, fact, group, ID, reference, werth } from './checks-builders.js';

/** An article whose text is just its keys, each key a fact of its own. */
function keyed(id: string, keys: { trial?: string[]; acronym?: string[]; doi?: string[]; title?: string; ownDoi?: string; refDois?: string[] } = {}): CheckedArticle {
  const trial = keys.trial ?? [];
  const acronym = keys.acronym ?? [];
  const doi = keys.doi ?? [];
  const refDois = keys.refDois ?? [];
  const text = [...trial, ...acronym, ...doi, ...refDois].map((k, i) => `${i}: ${k}.`).join('\n') || 'Nothing here.';
  return article(id, text, {
    title: keys.title ?? `Unrelated title ${id}`,
    doi: keys.ownDoi ?? null,
    facts: [
      ...trial.map((t) => fact(text, 'trial-id', t, t.toUpperCase())),
      ...acronym.map((a) => fact(text, 'acronym', a, a.toLowerCase())),
      ...doi.map((d) => fact(text, 'doi', d, d.toLowerCase())),
    ],
    references: refDois.map((d) => reference(text, d, { doi: d })),
  });
}

describe('proposeStudyGroups', () => {
  it('groups the two seed news pieces by their acronym', () => {
    const found = proposeStudyGroups([werth(), aggarwal()], [], []);
    for (const p of found) expect(ProposedStudyGroup.parse(p)).toEqual(p);
    expect(found).toEqual([{ articleIds: [ID.a, ID.b], label: 'ProDERM', evidence: ['acronym ProDERM'] }]);
  });

  it('joins by trial id (any spelling of it), with the id as evidence', () => {
    const found = proposeStudyGroups([keyed(ID.a, { trial: ['NCT01234567'] }), keyed(ID.b, { trial: ['nct01234567'] }), keyed(ID.c, { trial: ['NCT07654321'] })], [], []);
    expect(found).toEqual([{ articleIds: [ID.a, ID.b], label: 'NCT01234567', evidence: ['trial id NCT01234567'] }]);
  });

  it('joins two pieces citing one DOI, and a paper with a piece citing its DOI', () => {
    const cited = '10.1056/NEJMoa2117912';
    const found = proposeStudyGroups([keyed(ID.a, { refDois: [cited] }), keyed(ID.b, { doi: [cited] }), keyed(ID.c, { ownDoi: `https://doi.org/${cited}` })], [], []);
    expect(found).toHaveLength(1);
    expect(found[0]!.articleIds).toEqual([ID.a, ID.b, ID.c]);
    expect(found[0]!.evidence).toEqual(['same DOI 10.1056/nejmoa2117912']);
  });

  it('does not join through the DOIs of a long reference list (that article is about many studies)', () => {
    const many = ['10.1000/a1', '10.1000/b2', '10.1000/c3', '10.1000/d4'];
    expect(proposeStudyGroups([keyed(ID.a, { refDois: many }), keyed(ID.b, { refDois: ['10.1000/a1'] })], [], [])).toEqual([]);
    expect(proposeStudyGroups([keyed(ID.a, { refDois: many.slice(0, 3) }), keyed(ID.b, { refDois: ['10.1000/a1'] })], [], [])).toHaveLength(1);
  });

  it('joins close titles, not merely related ones, and never two differently registered trials', () => {
    const t1 = 'Intravenous immunoglobulin for cutaneous dermatomyositis in adults: the randomised trial';
    const t2 = 'Intravenous Immunoglobulin for Cutaneous Dermatomyositis in Adults';
    const t3 = 'Oral methotrexate for psoriasis in adults';
    const found = proposeStudyGroups([article(ID.a, 'x', { title: t1 }), article(ID.b, 'y', { title: t2 }), article(ID.c, 'z', { title: t3 })], [], []);
    expect(found).toEqual([{ articleIds: [ID.a, ID.b], label: t1, evidence: ['similar titles'] }]);
    const seedTitles = proposeStudyGroups([{ ...werth(), facts: { ...werth().facts, facts: [] , references: [] } }, { ...aggarwal(), facts: { ...aggarwal().facts, facts: [], references: [] } }], [], []);
    expect(seedTitles).toEqual([]); // their titles share three words of eight: not similar enough alone
    const registered = proposeStudyGroups([{ ...keyed(ID.a, { trial: ['NCT00000001'] }), title: t1 }, { ...keyed(ID.b, { trial: ['NCT00000002'] }), title: t2 }], [], []);
    expect(registered).toEqual([]);
  });

  it('is transitive, with the evidence of every link', () => {
    const found = proposeStudyGroups([keyed(ID.a, { trial: ['NCT01234567'] }), keyed(ID.b, { trial: ['NCT01234567'], acronym: ['ALPHA'] }), keyed(ID.c, { acronym: ['Alpha'] })], [], []);
    expect(found).toEqual([{ articleIds: [ID.a, ID.b, ID.c], label: 'ALPHA', evidence: ['trial id NCT01234567', 'acronym ALPHA'] }]);
  });

  it('never proposes a pair a person split apart, even through a third article', () => {
    expect(proposeStudyGroups([werth(), aggarwal()], [], [[ID.a, ID.b]])).toEqual([]);
    expect(proposeStudyGroups([werth(), aggarwal()], [], [[ID.b, ID.a]])).toEqual([]);
    const found = proposeStudyGroups([keyed(ID.a, { acronym: ['ALPHA'] }), keyed(ID.b, { acronym: ['ALPHA'], doi: ['10.1000/x1'] }), keyed(ID.c, { doi: ['10.1000/x1'] })], [], [[ID.a, ID.c]]);
    expect(found.map((p) => p.articleIds)).toEqual([[ID.b, ID.c]]);
  });

  it('adds new articles to an existing group as one proposal holding that group, and says nothing about groups already complete', () => {
    const existing = [group('grp_existing1', [ID.b, ID.a], { status: 'confirmed', label: 'ProDERM study' })];
    expect(proposeStudyGroups([werth(), aggarwal()], existing, [])).toEqual([]);
    const third = keyed(ID.c, { acronym: ['ProDERM'] });
    expect(proposeStudyGroups([werth(), aggarwal(), third], existing, [])).toEqual([{ articleIds: [ID.b, ID.a, ID.c], label: 'ProDERM study', evidence: ['acronym ProDERM'] }]);
  });

  it('never bridges two existing groups', () => {
    const existing = [group('grp_existing1', [ID.a, ID.b]), group('grp_existing2', [ID.c, ID.d])];
    const bridge = keyed(ID.e, { acronym: ['ALPHA'], trial: ['NCT01234567'] });
    const found = proposeStudyGroups([keyed(ID.a, { acronym: ['ALPHA'] }), keyed(ID.b), keyed(ID.c, { trial: ['NCT01234567'] }), keyed(ID.d), bridge], existing, []);
    expect(found).toHaveLength(1);
    const ids = found[0]!.articleIds;
    expect(ids).toContain(ID.e);
    expect(ids.includes(ID.a) && ids.includes(ID.c)).toBe(false);
  });

  it('gives the same proposals whatever the input order', () => {
    const list = [keyed(ID.c, { acronym: ['Alpha'] }), keyed(ID.a, { trial: ['NCT01234567'] }), werth({ id: ID.d }), keyed(ID.b, { trial: ['NCT01234567'], acronym: ['ALPHA'] }), aggarwal({ id: ID.e })];
    const one = proposeStudyGroups(list, [], []);
    expect(one.map((p) => p.articleIds)).toEqual([
      [ID.a, ID.b, ID.c],
      [ID.d, ID.e],
    ]);
    expect(proposeStudyGroups([...list].reverse(), [], [])).toEqual(one);
    expect(proposeStudyGroups([list[2]!, list[0]!, list[4]!, list[1]!, list[3]!], [], [])).toEqual(one);
  });
});

describe('scale', () => {
  it('groups and checks 10,000 articles without comparing all pairs', () => {
    const articles: CheckedArticle[] = [];
    for (let i = 0; i < 10_000; i += 1) {
      const id = i.toString(16).padStart(16, '0');
      const study = Math.floor(i / 2);
      const text = `The STUDY${study} trial (NCT${String(study).padStart(8, '0')}) enrolled ${100 + (i % 2)} patients.`;
      articles.push(
        article(id, text, {
          title: `Drug ${study} for condition ${study % 97} in cohort ${study % 13} outcome words common trial`,
          facts: [
            fact(text, 'acronym', `STUDY${study}`, `study${study}`),
            fact(text, 'trial-id', `NCT${String(study).padStart(8, '0')}`, `NCT${String(study).padStart(8, '0')}`),
            fact(text, 'sample-size', String(100 + (i % 2)), String(100 + (i % 2))),
          ],
        }),
      );
    }
    const proposals = proposeStudyGroups(articles, [], []);
    expect(proposals).toHaveLength(5000);
    const groups = proposals.map((p, i) => group(`grp_${String(i).padStart(8, '0')}`, p.articleIds));
    const found = runRules(articles, groups);
    expect(found).toHaveLength(5000);
    expect(found.every((d) => d.kind === 'sample-size')).toBe(true);
  });
});
