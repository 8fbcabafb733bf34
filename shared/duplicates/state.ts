/**
 * Pure bookkeeping of review.json's duplicate queue, "not duplicates" memory and study groups when
 * a pair is resolved or one article is merged into another.
 */
import type { DuplicateCandidate, DuplicateState, StudyGroup } from '../model/review.js';
import { pairKey, sortedPair } from './match.js';

const LABEL_MAX = 300;
export const LINKED_BY_PERSON = 'linked by a person';

/** Whether a person already said these two are different articles. */
export function isNotDuplicate(state: DuplicateState, a: string, b: string): boolean {
  const key = pairKey(a, b);
  return state.notDuplicates.some(([x, y]) => pairKey(x, y) === key);
}

/** The queue without the pair (in either order). */
export function withoutPair(pending: readonly DuplicateCandidate[], a: string, b: string): DuplicateCandidate[] {
  const key = pairKey(a, b);
  return pending.filter((c) => pairKey(c.a, c.b) !== key);
}

/** Remember that a and b are different articles, and take the pair out of the queue. */
export function markNotDuplicate(state: DuplicateState, a: string, b: string): DuplicateState {
  const notDuplicates = isNotDuplicate(state, a, b) ? state.notDuplicates : [...state.notDuplicates, sortedPair(a, b)];
  return { pending: withoutPair(state.pending, a, b), notDuplicates };
}

/**
 * Add candidates to the queue, skipping self-pairs, pairs already queued, and pairs a person ruled
 * out. For the importer: `addCandidates(review.duplicates, fuzzy.map(f => ({a: newId, b: f.id, …})))`.
 */
export function addCandidates(state: DuplicateState, candidates: readonly DuplicateCandidate[]): DuplicateState {
  const seen = new Set(state.pending.map((c) => pairKey(c.a, c.b)));
  const ruledOut = new Set(state.notDuplicates.map(([a, b]) => pairKey(a, b)));
  const pending = [...state.pending];
  for (const c of candidates) {
    const key = pairKey(c.a, c.b);
    if (c.a === c.b || seen.has(key) || ruledOut.has(key)) continue;
    seen.add(key);
    pending.push(c);
  }
  return { pending, notDuplicates: state.notDuplicates };
}

/**
 * After `from` was merged into `into`: every mention of `from` becomes `into`; pairs that became
 * self-pairs or repeats go; queued pairs with an article outside `live` (deleted meanwhile) go.
 */
export function rewriteDuplicateState(state: DuplicateState, from: string, into: string, live: ReadonlySet<string>): DuplicateState {
  const swap = (id: string) => (id === from ? into : id);
  const notDuplicates: [string, string][] = [];
  const ruledOut = new Set<string>();
  for (const [x, y] of state.notDuplicates) {
    const [a, b] = [swap(x), swap(y)];
    const key = pairKey(a, b);
    if (a === b || ruledOut.has(key)) continue;
    ruledOut.add(key);
    notDuplicates.push(sortedPair(a, b));
  }
  const seen = new Set<string>();
  const pending: DuplicateCandidate[] = [];
  for (const c of state.pending) {
    const [a, b] = [swap(c.a), swap(c.b)];
    const key = pairKey(a, b);
    if (a === b || seen.has(key) || ruledOut.has(key) || !live.has(a) || !live.has(b)) continue;
    seen.add(key);
    pending.push({ ...c, a, b });
  }
  return { pending, notDuplicates };
}

/** A group label from an article title: one line, at most 300 characters. */
export function studyLabel(title: string): string {
  const line = title.replace(/\s+/g, ' ').trim() || 'Untitled study';
  return line.length > LABEL_MAX ? `${line.slice(0, LABEL_MAX - 1)}…` : line;
}

/**
 * Link a and b as reports of one study: join the group either already belongs to (two groups
 * become one, keeping the first's id and label), or start a new group labelled `label`.
 */
export function linkStudies(groups: readonly StudyGroup[], a: string, b: string, newId: string, label: string): StudyGroup[] {
  const touching = groups.filter((g) => g.articleIds.includes(a) || g.articleIds.includes(b));
  const rest = groups.filter((g) => !touching.includes(g));
  const first = touching[0];
  const ids = [...new Set([...touching.flatMap((g) => g.articleIds), a, b])];
  // A person linked them: the group is confirmed, whatever proposed it first.
  const evidence = [...new Set([...touching.flatMap((g) => g.evidence), LINKED_BY_PERSON])].slice(0, 20);
  const group: StudyGroup = first
    ? { ...first, articleIds: ids, status: 'confirmed', evidence }
    : { id: newId, label: studyLabel(label), articleIds: ids, status: 'confirmed', evidence };
  const index = first ? groups.indexOf(first) : groups.length;
  const out = [...rest];
  out.splice(Math.min(index, out.length), 0, group);
  return out;
}
