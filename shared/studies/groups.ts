/**
 * Study groups as people and the grouping change them: proposals from the checks are merged in,
 * a person confirms, splits, joins or creates groups. Pure; the core persists the result.
 *
 * A person's word wins over a proposal: a pair split apart is remembered (notSameStudy) and never
 * proposed again; joining or creating by hand forgets earlier splits between the members.
 */
import type { ProposedStudyGroup, StudyGroup } from '../model/index.js';
import { pairKey, sortedPair } from '../duplicates/match.js';
import { LINKED_BY_PERSON, studyLabel } from '../duplicates/state.js';

export type Pair = readonly [string, string];

export interface StudyState {
  groups: StudyGroup[];
  notSameStudy: [string, string][];
}

const MAX_EVIDENCE = 20;
const unique = <T>(items: Iterable<T>): T[] => [...new Set(items)];

/**
 * Merge proposals into the groups. A proposal touching existing groups adds its new members to the
 * first of them (which then waits for a person again: status suggested) and absorbs the others only
 * if none of them is confirmed. Proposals that add nothing, or that would put together two articles
 * a person split apart, leave the groups as they are.
 */
export function applyProposals(
  groups: readonly StudyGroup[],
  proposals: readonly ProposedStudyGroup[],
  notSameStudy: readonly Pair[],
  newId: () => string,
): StudyGroup[] {
  let out = [...groups];
  for (const proposal of proposals) {
    const touching = out.filter((g) => g.articleIds.some((id) => proposal.articleIds.includes(id)));
    const members = unique([...touching.flatMap((g) => g.articleIds), ...proposal.articleIds]);
    // Never put back together what a person split apart.
    if (members.some((a, i) => members.slice(i + 1).some((b) => isSplit(notSameStudy, a, b)))) continue;
    const first = touching[0];
    if (!first) {
      out.push({ id: newId(), label: studyLabel(proposal.label), articleIds: unique(proposal.articleIds), status: 'suggested', evidence: proposal.evidence.slice(0, MAX_EVIDENCE) });
      continue;
    }
    const confirmedOthers = touching.slice(1).some((g) => g.status === 'confirmed');
    if (confirmedOthers) continue; // two groups a person confirmed are joined only by a person
    if (members.length === first.articleIds.length && touching.length === 1) continue; // nothing new
    const evidence = unique([...touching.flatMap((g) => g.evidence), ...proposal.evidence]).slice(0, MAX_EVIDENCE);
    const merged: StudyGroup = { ...first, articleIds: members, status: 'suggested', evidence };
    out = out.filter((g) => !touching.includes(g) || g === first).map((g) => (g === first ? merged : g));
  }
  return out;
}

function requireGroup(groups: readonly StudyGroup[], id: string): StudyGroup {
  const group = groups.find((g) => g.id === id);
  if (!group) throw new RangeError(`No study group ${id}.`);
  return group;
}

export function confirmGroup(state: StudyState, groupId: string): StudyState {
  requireGroup(state.groups, groupId);
  return { ...state, groups: state.groups.map((g) => (g.id === groupId ? { ...g, status: 'confirmed' } : g)) };
}

/** The article leaves the group and is never grouped with its other members again. */
export function splitGroup(state: StudyState, groupId: string, articleId: string): StudyState {
  const group = requireGroup(state.groups, groupId);
  if (!group.articleIds.includes(articleId)) throw new RangeError(`Article ${articleId} is not in study group ${groupId}.`);
  const rest = group.articleIds.filter((id) => id !== articleId);
  const known = new Set(state.notSameStudy.map(([a, b]) => pairKey(a, b)));
  const notSameStudy = [...state.notSameStudy];
  for (const other of rest) {
    if (!known.has(pairKey(articleId, other))) notSameStudy.push(sortedPair(articleId, other));
  }
  const groups = rest.length >= 2 ? state.groups.map((g) => (g.id === groupId ? { ...g, articleIds: rest } : g)) : state.groups.filter((g) => g.id !== groupId);
  return { groups, notSameStudy };
}

/** Forget splits between any two of these articles: a person has just put them together. */
function forgetSplits(notSameStudy: readonly [string, string][], members: readonly string[]): [string, string][] {
  const inside = new Set(members);
  return notSameStudy.filter(([a, b]) => !(inside.has(a) && inside.has(b)));
}

export function joinGroups(state: StudyState, groupId: string, otherGroupId: string): StudyState {
  if (groupId === otherGroupId) throw new RangeError('Joining needs two different study groups.');
  const group = requireGroup(state.groups, groupId);
  const other = requireGroup(state.groups, otherGroupId);
  const articleIds = unique([...group.articleIds, ...other.articleIds]);
  const evidence = unique([...group.evidence, ...other.evidence, LINKED_BY_PERSON]).slice(0, MAX_EVIDENCE);
  const joined: StudyGroup = { ...group, articleIds, status: 'confirmed', evidence };
  return {
    groups: state.groups.filter((g) => g.id !== otherGroupId).map((g) => (g.id === groupId ? joined : g)),
    notSameStudy: forgetSplits(state.notSameStudy, articleIds),
  };
}

/** A person groups articles by hand; groups they already belong to are joined into the new one. */
export function createGroup(state: StudyState, articleIds: readonly string[], label: string, newId: string): StudyState {
  const wanted = unique(articleIds);
  if (wanted.length < 2) throw new RangeError('A study group needs at least two articles.');
  const touching = state.groups.filter((g) => g.articleIds.some((id) => wanted.includes(id)));
  const members = unique([...touching.flatMap((g) => g.articleIds), ...wanted]);
  const evidence = unique([...touching.flatMap((g) => g.evidence), LINKED_BY_PERSON]).slice(0, MAX_EVIDENCE);
  const group: StudyGroup = { id: touching[0]?.id ?? newId, label: studyLabel(label || touching[0]?.label || ''), articleIds: members, status: 'confirmed', evidence };
  return {
    groups: [...state.groups.filter((g) => !touching.includes(g)), group],
    notSameStudy: forgetSplits(state.notSameStudy, members),
  };
}

/** The group holding every one of these articles (or, failing that, the first), for labelling a discrepancy. */
export function groupOf(groups: readonly StudyGroup[], articleIds: readonly string[]): StudyGroup | null {
  return groups.find((g) => articleIds.every((id) => g.articleIds.includes(id))) ?? groups.find((g) => articleIds.some((id) => g.articleIds.includes(id))) ?? null;
}

/** Whether a person split these two apart. */
export function isSplit(notSameStudy: readonly Pair[], a: string, b: string): boolean {
  const key = pairKey(a, b);
  return notSameStudy.some(([x, y]) => pairKey(x, y) === key);
}

/**
 * After an article left the review (deleted, or merged into `into`): groups and split pairs name
 * `into` instead, or lose it; groups left with one article and pairs left with one go.
 */
export function rewriteArticle(state: StudyState, from: string, into: string | null): StudyState {
  const swap = (id: string) => (id === from ? into : id);
  const groups: StudyGroup[] = [];
  for (const g of state.groups) {
    const articleIds = unique(g.articleIds.map(swap).filter((id): id is string => id !== null));
    if (articleIds.length >= 2) groups.push({ ...g, articleIds });
  }
  const seen = new Set<string>();
  const notSameStudy: [string, string][] = [];
  for (const [x, y] of state.notSameStudy) {
    const [a, b] = [swap(x), swap(y)];
    if (a === null || b === null || a === b || seen.has(pairKey(a, b))) continue;
    seen.add(pairKey(a, b));
    notSameStudy.push(sortedPair(a, b));
  }
  return { groups, notSameStudy };
}
