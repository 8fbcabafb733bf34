import { describe, expect, it } from 'vitest';
import type { ProposedStudyGroup, StudyGroup } from '../../shared/model/index.js';
import { applyProposals, confirmGroup, createGroup, groupOf, joinGroups, rewriteArticle, splitGroup, type StudyState } from '../../shared/studies/groups.js';

const group = (id: string, status: StudyGroup['status'], ...articleIds: string[]): StudyGroup => ({ id, label: `Study ${id}`, articleIds, status, evidence: [`evidence ${id}`] });
const proposal = (evidence: string, ...articleIds: string[]): ProposedStudyGroup => ({ articleIds, label: `Proposed ${articleIds[0]}`, evidence: [evidence] });
let counter = 0;
const newId = () => `new-group-${++counter}`;

describe('applyProposals', () => {
  it('adds a proposal touching no group as a new suggested group', () => {
    counter = 0;
    expect(applyProposals([], [proposal('acronym ACME', 'a', 'b')], [], newId)).toEqual([
      { id: 'new-group-1', label: 'Proposed a', articleIds: ['a', 'b'], status: 'suggested', evidence: ['acronym ACME'] },
    ]);
  });

  it('adds new members to the group it touches, which then waits for a person again', () => {
    const out = applyProposals([group('g1', 'confirmed', 'a', 'b')], [proposal('trial id NCT01234567', 'b', 'c')], [], newId);
    expect(out).toEqual([{ id: 'g1', label: 'Study g1', articleIds: ['a', 'b', 'c'], status: 'suggested', evidence: ['evidence g1', 'trial id NCT01234567'] }]);
  });

  it('leaves groups alone when a proposal adds nothing', () => {
    const groups = [group('g1', 'confirmed', 'a', 'b', 'c')];
    expect(applyProposals(groups, [proposal('acronym ACME', 'a', 'c')], [], newId)).toEqual(groups);
  });

  it('never joins two groups when the second was confirmed by a person', () => {
    const groups = [group('g1', 'suggested', 'a', 'b'), group('g2', 'confirmed', 'c', 'd')];
    expect(applyProposals(groups, [proposal('similar titles', 'b', 'c')], [], newId)).toEqual(groups);
  });

  it('never puts back together two articles a person split apart', () => {
    const groups = [group('g1', 'confirmed', 'a', 'b')];
    expect(applyProposals(groups, [proposal('acronym ACME', 'b', 'c')], [['a', 'c']], newId)).toEqual(groups);
    expect(applyProposals([], [proposal('acronym ACME', 'c', 'a')], [['a', 'c']], newId)).toEqual([]);
  });
});

describe("a person's changes", () => {
  const state = (): StudyState => ({ groups: [group('g1', 'suggested', 'a', 'b', 'c'), group('g2', 'suggested', 'x', 'y')], notSameStudy: [] });

  it('confirms a group', () => {
    expect(confirmGroup(state(), 'g2').groups[1]!.status).toBe('confirmed');
    expect(() => confirmGroup(state(), 'nope')).toThrow(RangeError);
  });

  it('splits an article off and remembers it is not the same study as the others', () => {
    const next = splitGroup(state(), 'g1', 'b');
    expect(next.groups[0]!.articleIds).toEqual(['a', 'c']);
    expect(next.notSameStudy).toEqual([['a', 'b'], ['b', 'c']]);
    // A group left with one article is gone.
    const gone = splitGroup(state(), 'g2', 'x');
    expect(gone.groups.map((g) => g.id)).toEqual(['g1']);
    expect(gone.notSameStudy).toEqual([['x', 'y']]);
    expect(() => splitGroup(state(), 'g1', 'x')).toThrow(/not in study group/);
  });

  it('joins two groups into the first, confirmed, forgetting earlier splits between their members', () => {
    const split = { ...state(), notSameStudy: [['a', 'x'] as [string, string], ['p', 'q'] as [string, string]] };
    const next = joinGroups(split, 'g1', 'g2');
    expect(next.groups).toEqual([{ id: 'g1', label: 'Study g1', articleIds: ['a', 'b', 'c', 'x', 'y'], status: 'confirmed', evidence: ['evidence g1', 'evidence g2', 'linked by a person'] }]);
    expect(next.notSameStudy).toEqual([['p', 'q']]);
    expect(() => joinGroups(state(), 'g1', 'g1')).toThrow(/two different/);
  });

  it('creates a group by hand, absorbing the groups its articles were in', () => {
    const next = createGroup(state(), ['c', 'z'], 'Hand-made', 'g9');
    expect(next.groups).toEqual([
      group('g2', 'suggested', 'x', 'y'),
      { id: 'g1', label: 'Hand-made', articleIds: ['a', 'b', 'c', 'z'], status: 'confirmed', evidence: ['evidence g1', 'linked by a person'] },
    ]);
    expect(createGroup({ groups: [], notSameStudy: [] }, ['p', 'q'], '', 'g9').groups[0]).toMatchObject({ id: 'g9', label: 'Untitled study' });
    expect(() => createGroup(state(), ['a', 'a'], 'x', 'g9')).toThrow(/at least two/);
  });

  it('finds the group holding all of a set of articles, else any of them', () => {
    const groups = state().groups;
    expect(groupOf(groups, ['a', 'c'])?.id).toBe('g1');
    expect(groupOf(groups, ['y', 'q'])?.id).toBe('g2');
    expect(groupOf(groups, ['q'])).toBeNull();
  });
});

describe('an article leaving the review', () => {
  const state: StudyState = {
    groups: [group('g1', 'confirmed', 'o', 'k'), group('g2', 'suggested', 'o', 'x', 'k'), group('g3', 'suggested', 'o', 'y')],
    notSameStudy: [['k', 'o'], ['o', 'y'], ['k', 'y'], ['o', 'z']],
  };

  it('merged: groups and split pairs name the kept article; self-pairs, repeats and one-article groups go', () => {
    expect(rewriteArticle(state, 'o', 'k')).toEqual({
      groups: [group('g2', 'suggested', 'k', 'x'), group('g3', 'suggested', 'k', 'y')],
      notSameStudy: [['k', 'y'], ['k', 'z']],
    });
  });

  it('deleted: it leaves every group and pair', () => {
    expect(rewriteArticle(state, 'o', null)).toEqual({
      groups: [group('g2', 'suggested', 'x', 'k')],
      notSameStudy: [['k', 'y']],
    });
  });
});
