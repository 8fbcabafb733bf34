import { describe, expect, it } from 'vitest';
import {
  addCandidates,
  isNotDuplicate,
  linkStudies,
  LINKED_BY_PERSON,
  markNotDuplicate,
  rewriteDuplicateState,
  studyLabel,
} from '../../shared/duplicates/state.js';
import type { DuplicateCandidate, DuplicateState, StudyGroup } from '../../shared/model/index.js';

const T = '2024-05-01T10:00:00.000Z';
const c = (a: string, b: string): DuplicateCandidate => ({ a, b, reason: 'title-year-author', detected: T });

describe('queue and memory', () => {
  it('marks a pair as not duplicates once, sorted, and takes it out of the queue', () => {
    const state: DuplicateState = { pending: [c('b', 'a'), c('a', 'c')], notDuplicates: [] };
    const once = markNotDuplicate(state, 'b', 'a');
    expect(once).toEqual({ pending: [c('a', 'c')], notDuplicates: [['a', 'b']] });
    expect(markNotDuplicate(once, 'a', 'b').notDuplicates).toEqual([['a', 'b']]);
    expect(isNotDuplicate(once, 'b', 'a')).toBe(true);
    expect(isNotDuplicate(once, 'a', 'c')).toBe(false);
  });

  it('adds candidates except self-pairs, repeats and ruled-out pairs', () => {
    const state: DuplicateState = { pending: [c('a', 'b')], notDuplicates: [['a', 'c']] };
    const next = addCandidates(state, [c('b', 'a'), c('c', 'a'), c('d', 'd'), c('d', 'a'), c('a', 'd')]);
    expect(next.pending).toEqual([c('a', 'b'), c('d', 'a')]);
  });

  it('rewrites a merged article to the kept one, dropping self-pairs, repeats, ruled-out and dead pairs', () => {
    const state: DuplicateState = {
      pending: [c('o', 'k'), c('o', 'x'), c('k', 'x'), c('o', 'y'), c('o', 'z'), c('gone', 'k')],
      notDuplicates: [['o', 'y'], ['k', 'o'], ['k', 'y']],
    };
    const next = rewriteDuplicateState(state, 'o', 'k', new Set(['k', 'x', 'y', 'z']));
    expect(next.pending).toEqual([c('k', 'x'), c('k', 'z')]);
    expect(next.notDuplicates).toEqual([['k', 'y']]);
  });
});

describe('study groups', () => {
  const group = (id: string, ...articleIds: string[]): StudyGroup => ({ id, label: `Study ${id}`, articleIds, status: 'confirmed', evidence: [LINKED_BY_PERSON] });

  it('starts a new group, or joins the group either article is in', () => {
    expect(linkStudies([], 'a', 'b', 'new-group-id', '  ProDERM\n trial ')).toEqual([{ id: 'new-group-id', label: 'ProDERM trial', articleIds: ['a', 'b'], status: 'confirmed', evidence: [LINKED_BY_PERSON] }]);
    expect(linkStudies([group('g1xxxxxx', 'a', 'c')], 'b', 'a', 'unused-id', 'x')).toEqual([group('g1xxxxxx', 'a', 'c', 'b')]);
  });

  it('a person linking into a suggested group confirms it and keeps its evidence', () => {
    const suggested: StudyGroup = { ...group('g1xxxxxx', 'a', 'c'), status: 'suggested', evidence: ['trial id NCT01234567'] };
    expect(linkStudies([suggested], 'b', 'a', 'unused-id', 'x')).toEqual([
      { ...suggested, articleIds: ['a', 'c', 'b'], status: 'confirmed', evidence: ['trial id NCT01234567', LINKED_BY_PERSON] },
    ]);
  });

  it('joins two groups into the first one when linking across them', () => {
    const groups = [group('g0xxxxxx', 'p', 'q'), group('g1xxxxxx', 'a', 'c'), group('g2xxxxxx', 'b', 'd')];
    expect(linkStudies(groups, 'b', 'a', 'unused-id', 'x')).toEqual([group('g0xxxxxx', 'p', 'q'), group('g1xxxxxx', 'a', 'c', 'b', 'd')]);
  });

  it('labels are one line of at most 300 characters', () => {
    expect(studyLabel('')).toBe('Untitled study');
    expect(studyLabel('x'.repeat(400))).toHaveLength(300);
  });
});
