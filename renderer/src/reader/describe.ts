/** Short human descriptions of annotations, for the sidebar and the discrepancy link picker. */
import type { AnchoredAnnotation, Annotation } from '../../../shared/model/index';
import { cellText } from '../../../shared/sheet/query';

export const TYPE_LABEL: Record<Annotation['body']['type'], string> = {
  outcome: 'Outcome',
  discrepancy: 'Discrepancy',
  note: 'Note',
};

export { quoteOf } from '../../../shared/anchoring/selectors';

export function excerpt(text: string, max = 140): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

/** The few fields that identify an annotation at a glance. */
export function keyFields(a: Annotation): string {
  const b = a.body;
  if (b.type === 'outcome') {
    // Values are keyed by template field; these are the default template's, and any other
    // template's first text values stand in when they are absent.
    const f = (key: string) => cellText(b.fields[key]);
    const value = [f('value'), f('unit')].filter(Boolean).join(' ');
    const ci = f('ci_low') || f('ci_high') ? `CI ${f('ci_low')} to ${f('ci_high')}` : '';
    const known = [f('outcome'), f('arm'), f('timepoint'), f('measure'), value, ci, f('p_value') ? `p ${f('p_value')}` : '', f('n') ? `n=${f('n')}` : ''];
    const parts = known.some(Boolean) ? known : Object.values(b.fields).map(cellText).slice(0, 6);
    return parts.filter(Boolean).join(' · ');
  }
  if (b.type === 'discrepancy') {
    const links = b.links.length ? `${b.links.length} linked` : '';
    return [b.kind, b.note, links].filter(Boolean).join(' · ');
  }
  return b.text;
}

export function isOrphan(a: AnchoredAnnotation): boolean {
  return a.anchor.status === 'orphan';
}
