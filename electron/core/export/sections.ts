/**
 * The sheet's field columns arranged for exports: grouped by template section (XLSX writes one
 * worksheet per section), with headers made unique (a study "Note" and an outcome "Note" must not
 * become two identical CSV headers that readers keyed by header would merge).
 */
import type { SheetColumn, Template, TemplateSection } from '../../../shared/model/index.js';

export interface SectionColumns {
  /** null for columns of keys this template does not know, when the level has no section. */
  section: TemplateSection | null;
  level: 'study' | 'outcome';
  columns: SheetColumn[];
}

/**
 * Each section of the template with the sheet columns of its fields, in template order (retired
 * fields only when the sheet shows them, i.e. when values use them). Columns of unknown keys join the
 * first section of their level, so no stored value is left out of the workbook.
 */
export function sectionColumns(template: Template, columns: readonly SheetColumn[]): SectionColumns[] {
  const byKey = new Map(columns.map((c) => [c.key, c]));
  const placed = new Set<string>();
  const out: SectionColumns[] = template.sections.map((section) => {
    const prefix = section.level === 'outcome' ? 'o.' : 's.';
    const cols = section.fields.flatMap((f) => {
      const column = byKey.get(prefix + f.key);
      if (!column) return [];
      placed.add(column.key);
      return [column];
    });
    return { section, level: section.level, columns: cols };
  });
  for (const column of columns) {
    if (column.level === 'fixed' || placed.has(column.key)) continue;
    const level = column.level;
    let home = out.find((s) => s.level === level);
    if (!home) {
      home = { section: null, level, columns: [] };
      out.push(home);
    }
    home.columns.push(column);
  }
  return out;
}

/** Headers made unique: a repeated one gets its qualifier ("Note (outcome)"), then a number. */
export function uniqueHeaders(items: ReadonlyArray<{ label: string; qualifier: string }>): string[] {
  const seen = new Set<string>();
  return items.map(({ label, qualifier }) => {
    let header = label;
    if (seen.has(header.toLowerCase())) header = `${label} (${qualifier})`;
    for (let n = 2; seen.has(header.toLowerCase()); n++) header = `${label} (${qualifier} ${n})`;
    seen.add(header.toLowerCase());
    return header;
  });
}
