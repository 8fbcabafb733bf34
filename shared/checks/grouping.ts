/**
 * Study grouping: articles that report on one study, joined by shared keys through indexes (never
 * all pairs) and a union-find, so 10,000 articles take one pass plus small buckets.
 *
 * Keys, strongest first: trial id, DOI (an article's own DOI and the DOIs it cites: two news pieces
 * citing one paper are about one study; pieces citing different papers of one trial are joined by
 * its trial id or acronym), acronym, and close titles. An article that names many trial ids, DOIs
 * or acronyms (a review, a paper with a long reference list) is not joined through them: with more
 * than MAX_KEYS of a kind, it is about several studies, not one.
 *
 * Existing groups and proposals (the choice the core relies on):
 * - the members of each existing group start out joined; an article joined to a member is proposed
 *   as a group made of that existing group's articles (in its order) plus the new ones, so the core
 *   merges it into that group (keeping its id, label and confirmed status);
 * - two existing groups are never bridged into one proposal (only a person joins groups): the
 *   union that would do so is refused, as is any union putting together a pair in notSameStudy;
 * - a component with no article outside existing groups yields nothing (nothing new to say).
 */
import type { ProposedStudyGroup, StudyGroup } from '../model/index.js';
import { normaliseDoi } from '../duplicates/normalise.js';
import type { CheckedArticle } from './types.js';
import { compareStrings, normaliseText, shown } from './util.js';
import { titleLinks } from './titles.js';

/** More distinct keys of one kind than this and the article is about several studies. */
export const MAX_KEYS = 3;
const MAX_EVIDENCE = 20;

interface Component {
  members: string[];
  /** Ids a person split from some member. */
  forbidden: Set<string>;
  /** Indexes of the existing groups inside. */
  groups: Set<number>;
  evidence: Set<string>;
  /** Shared acronyms (priority 0) and trial ids (1), for the label. */
  names: [number, string][];
}

class UnionFind {
  private readonly parent = new Map<string, string>();
  readonly roots = new Map<string, Component>();

  private readonly forbiddenOf: (id: string) => Iterable<string>;

  constructor(forbiddenOf: (id: string) => Iterable<string>) {
    this.forbiddenOf = forbiddenOf;
  }

  add(id: string): void {
    if (this.parent.has(id)) return;
    this.parent.set(id, id);
    this.roots.set(id, { members: [id], forbidden: new Set(this.forbiddenOf(id)), groups: new Set(), evidence: new Set(), names: [] });
  }

  find(id: string): string {
    let root = id;
    while (this.parent.get(root) !== root) root = this.parent.get(root)!;
    let node = id;
    while (node !== root) {
      const next = this.parent.get(node)!;
      this.parent.set(node, root);
      node = next;
    }
    return root;
  }

  component(id: string): Component {
    return this.roots.get(this.find(id))!;
  }

  /** Join the components of a and b; `force` for existing groups, else refused when not allowed. */
  union(a: string, b: string, evidence: string | null, name: [number, string] | null, force = false): boolean {
    let [ra, rb] = [this.find(a), this.find(b)];
    if (ra !== rb) {
      let [ca, cb] = [this.roots.get(ra)!, this.roots.get(rb)!];
      if (!force) {
        if (ca.groups.size > 0 && cb.groups.size > 0) return false;
        if (cb.members.some((m) => ca.forbidden.has(m))) return false;
      }
      if (ca.members.length < cb.members.length) [ra, rb, ca, cb] = [rb, ra, cb, ca];
      this.parent.set(rb, ra);
      this.roots.delete(rb);
      ca.members.push(...cb.members);
      for (const f of cb.forbidden) ca.forbidden.add(f);
      for (const g of cb.groups) ca.groups.add(g);
      for (const e of cb.evidence) ca.evidence.add(e);
      ca.names.push(...cb.names);
    }
    const root = this.roots.get(ra)!;
    if (evidence !== null) root.evidence.add(evidence);
    if (name !== null) root.names.push(name);
    return true;
  }
}

/** key → ids holding it, the ids in id order. */
type Index = Map<string, string[]>;

function addKey(index: Index, key: string, id: string): void {
  const ids = index.get(key);
  if (!ids) index.set(key, [id]);
  else if (ids[ids.length - 1] !== id) ids.push(id);
}

function distinct(values: Iterable<string | null | undefined>): string[] {
  return [...new Set([...values].filter((v): v is string => typeof v === 'string' && v !== ''))];
}

interface Keys {
  trialIds: string[];
  dois: string[];
  acronyms: { key: string; shown: string }[];
}

/** The keys one article is joined by (capped: see MAX_KEYS). */
export function studyKeys(article: CheckedArticle): Keys {
  const facts = article.facts.facts;
  const trialIds = distinct(facts.filter((f) => f.kind === 'trial-id').map((f) => f.normalised.trim().toUpperCase()));
  const cited = distinct([
    ...facts.filter((f) => f.kind === 'doi').map((f) => normaliseDoi(f.normalised) ?? normaliseDoi(f.value)),
    ...article.facts.references.map((r) => normaliseDoi(r.doi)),
  ]);
  const own = normaliseDoi(article.doi);
  const acronymFacts = facts.filter((f) => f.kind === 'acronym').sort((a, b) => a.quote.start - b.quote.start);
  const acronyms: { key: string; shown: string }[] = [];
  for (const f of acronymFacts) {
    const key = normaliseText(f.normalised || f.value);
    if (key !== '' && !acronyms.some((a) => a.key === key)) acronyms.push({ key, shown: shown(f.value, 100) });
  }
  return {
    trialIds: trialIds.length <= MAX_KEYS ? trialIds : [],
    dois: distinct([own, ...(cited.length <= MAX_KEYS ? cited : [])]),
    acronyms: acronyms.length <= MAX_KEYS ? acronyms : [],
  };
}

/** Try joining the ids of one key bucket; each id joins the first earlier one it may join. */
function joinBucket(uf: UnionFind, ids: readonly string[], evidence: string, name: [number, string] | null): void {
  for (let i = 1; i < ids.length; i += 1) {
    for (let j = 0; j < i; j += 1) if (uf.union(ids[j]!, ids[i]!, evidence, name)) break;
  }
}

export function proposeStudyGroups(
  articles: readonly CheckedArticle[],
  existing: readonly StudyGroup[],
  notSameStudy: readonly (readonly [string, string])[],
): ProposedStudyGroup[] {
  const sorted = [...new Map(articles.map((a) => [a.id, a])).values()].sort((a, b) => compareStrings(a.id, b.id));
  const split = new Map<string, string[]>();
  for (const [a, b] of notSameStudy) {
    if (a === b) continue;
    split.set(a, [...(split.get(a) ?? []), b]);
    split.set(b, [...(split.get(b) ?? []), a]);
  }
  const uf = new UnionFind((id) => split.get(id) ?? []);
  for (const a of sorted) uf.add(a.id);

  // Existing groups first: their members are together already, whatever else says.
  const groups = [...existing].sort((g, h) => compareStrings(g.id, h.id));
  const inGroup = new Set<string>();
  groups.forEach((group, index) => {
    const ids = [...new Set(group.articleIds)];
    for (const id of ids) {
      uf.add(id);
      inGroup.add(id);
    }
    for (const id of ids.slice(1)) uf.union(ids[0]!, id, null, null, true);
    uf.component(ids[0]!).groups.add(index);
  });

  const trial: Index = new Map();
  const doi: Index = new Map();
  const acronym: Index = new Map();
  const acronymShown = new Map<string, string>();
  const trialsOf = new Map<string, string[]>();
  for (const article of sorted) {
    const keys = studyKeys(article);
    trialsOf.set(article.id, keys.trialIds);
    for (const k of keys.trialIds) addKey(trial, k, article.id);
    for (const k of keys.dois) addKey(doi, k, article.id);
    for (const k of keys.acronyms) {
      addKey(acronym, k.key, article.id);
      if (!acronymShown.has(k.key)) acronymShown.set(k.key, k.shown);
    }
  }
  const buckets = (index: Index): [string, string[]][] => [...index.entries()].filter(([, ids]) => ids.length > 1).sort(([a], [b]) => compareStrings(a, b));
  for (const [key, ids] of buckets(trial)) joinBucket(uf, ids, `trial id ${key}`, [1, key]);
  for (const [key, ids] of buckets(doi)) joinBucket(uf, ids, `same DOI ${key}`, null);
  for (const [key, ids] of buckets(acronym)) joinBucket(uf, ids, `acronym ${acronymShown.get(key) ?? key}`, [0, acronymShown.get(key) ?? key]);
  for (const [a, b] of titleLinks(sorted)) {
    // Two registered trials are two studies, however alike their titles.
    const [ta, tb] = [trialsOf.get(a) ?? [], trialsOf.get(b) ?? []];
    if (ta.length > 0 && tb.length > 0 && !ta.some((t) => tb.includes(t))) continue;
    uf.union(a, b, 'similar titles', null);
  }

  const titleOf = new Map(sorted.map((a) => [a.id, a.title]));
  const out: ProposedStudyGroup[] = [];
  for (const component of uf.roots.values()) {
    const fresh = component.members.filter((id) => !inGroup.has(id)).sort(compareStrings);
    if (fresh.length === 0 || component.members.length < 2) continue;
    const group = [...component.groups].map((i) => groups[i]!)[0];
    const articleIds = group ? [...new Set([...group.articleIds, ...fresh])] : fresh;
    const name = [...component.names].sort((x, y) => x[0] - y[0])[0]?.[1];
    const label = group?.label ?? name ?? shown(titleOf.get(fresh[0]!) ?? '', 300);
    const evidence = [...component.evidence].slice(0, MAX_EVIDENCE).map((e) => shown(e, 300));
    out.push({ articleIds, label: shown(label, 300), evidence });
  }
  return out.sort((a, b) => compareStrings(a.articleIds[0]!, b.articleIds[0]!));
}
