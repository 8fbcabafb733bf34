/**
 * The board's unit: discrepancy annotations that link to each other (in any direction, across
 * articles) form one discrepancy. Its kind, status, severity and explanation are those of its first
 * annotation (by creation): a decision on the board is written to every annotation of the item.
 */
import { quoteOf } from '../anchoring/index.js';
import type { AnchoredAnnotation, DiscrepancyBody, DiscrepancyItem, DiscrepancyStatus, Severity, StudyGroup } from '../model/index.js';
import { groupOf } from '../studies/groups.js';

type DiscrepancyAnnotation = AnchoredAnnotation & { body: DiscrepancyBody };

const STATUS_ORDER: Record<DiscrepancyStatus, number> = { suggested: 0, confirmed: 1, dismissed: 2 };
const SEVERITY_ORDER: Record<Severity, number> = { high: 0, medium: 1, low: 2 };

export function isDiscrepancy(a: AnchoredAnnotation): a is DiscrepancyAnnotation {
  return a.body.type === 'discrepancy';
}

/** Connected groups of linked discrepancy annotations, each in creation order. */
export function linkedComponents(annotations: readonly AnchoredAnnotation[]): DiscrepancyAnnotation[][] {
  const list = annotations.filter(isDiscrepancy);
  const byId = new Map(list.map((a) => [a.id, a]));
  const neighbours = new Map<string, Set<string>>(list.map((a) => [a.id, new Set<string>()]));
  for (const a of list) {
    for (const target of a.body.links) {
      if (!byId.has(target) || target === a.id) continue;
      neighbours.get(a.id)!.add(target);
      neighbours.get(target)!.add(a.id);
    }
  }
  const seen = new Set<string>();
  const out: DiscrepancyAnnotation[][] = [];
  for (const a of list) {
    if (seen.has(a.id)) continue;
    const component: DiscrepancyAnnotation[] = [];
    const stack = [a.id];
    seen.add(a.id);
    while (stack.length > 0) {
      const id = stack.pop()!;
      component.push(byId.get(id)!);
      for (const next of neighbours.get(id)!) {
        if (!seen.has(next)) {
          seen.add(next);
          stack.push(next);
        }
      }
    }
    out.push(component.sort((x, y) => (x.created < y.created ? -1 : x.created > y.created ? 1 : x.id < y.id ? -1 : 1)));
  }
  return out;
}

export function itemOf(component: readonly DiscrepancyAnnotation[], labelOf: (articleId: string) => string, groups: readonly StudyGroup[]): DiscrepancyItem {
  const first = component[0]!;
  const articleIds = [...new Set(component.map((a) => a.articleId))];
  const group = groupOf(groups, articleIds);
  return {
    id: first.id,
    annotationIds: component.map((a) => a.id),
    kind: first.body.kind,
    severity: first.body.severity,
    status: first.body.status,
    note: first.body.note,
    reason: first.body.reason,
    reviewer: first.reviewer,
    quotes: component.map((a) => ({ annotationId: a.id, articleId: a.articleId, articleLabel: labelOf(a.articleId), exact: quoteOf(a), anchor: a.anchor })),
    studyGroupId: group?.id ?? null,
    studyLabel: group?.label ?? null,
    created: first.created,
    updated: component.reduce((latest, a) => (a.updated > latest ? a.updated : latest), first.updated),
  };
}

/** Every discrepancy: suggested first, then confirmed, then dismissed; high severity first; oldest first. */
export function discrepancyItems(annotations: readonly AnchoredAnnotation[], labelOf: (articleId: string) => string, groups: readonly StudyGroup[]): DiscrepancyItem[] {
  return linkedComponents(annotations)
    .map((c) => itemOf(c, labelOf, groups))
    .sort(
      (a, b) =>
        STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
        SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
        (a.created < b.created ? -1 : a.created > b.created ? 1 : 0),
    );
}
