/**
 * Articles as BibTeX. citation-js maps CSL types to entry types and escapes the values for LaTeX
 * (accents, &, %, braces); its plain-BibTeX output leaves out abstract, keywords and notes, so
 * those are taken from its BibLaTeX formatting of the same item (escaped the same way) and added:
 * `abstract`, `keywords` (source keywords and the reviewers' tags), `annote` (reviewer notes,
 * which Zotero and JabRef import as notes) and `pmid` (JabRef's and Zotero's field name).
 */
import { Cite, type CslItem } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import { keywordsAndTags, metaToCsl } from '../citations/to-csl.js';
import type { BiblioExportItem } from './biblio-item.js';

interface BibObject {
  type: string;
  label: string;
  properties: Record<string, string>;
}

/** "smith2020effects": first author's family name, year, first title word; a, b … make it unique. */
function citationKeys(items: BiblioExportItem[]): string[] {
  const ascii = (text: string) => text.normalize('NFKD').replace(/[^A-Za-z0-9]/g, '').toLowerCase();
  const used = new Map<string, number>();
  return items.map(({ meta }) => {
    const family = ascii(meta.authors[0]?.split(',')[0]?.split(' ').pop() ?? '');
    const word = ascii(meta.title.split(/\s+/).find((w) => ascii(w).length > 3) ?? '');
    const base = `${family}${meta.year ?? ''}${word}` || 'ref';
    const seen = used.get(base) ?? 0;
    used.set(base, seen + 1);
    return seen === 0 ? base : `${base}${String.fromCharCode(96 + Math.min(seen, 26))}${seen > 26 ? seen : ''}`;
  });
}

/**
 * citation-js brace-protects capitalised words (so styles do not lower-case "IVIg" or "COVID-19")
 * except the title's first word; mark that one as no-case too.
 */
function protectFirstWord(item: CslItem): CslItem {
  const title = typeof item.title === 'string' ? item.title : '';
  const word = /^[^\s<>:;,.!?]+/.exec(title)?.[0] ?? '';
  if (!/[A-Z]/.test(word.slice(1))) return item; // "Effects" needs no protection; "IVIg", "mRNA", "COVID-19" do
  return { ...item, title: `<span class="nocase">${word}</span>${title.slice(word.length)}` };
}

function objects(items: CslItem[], style: 'bibtex' | 'biblatex'): BibObject[] {
  return new Cite(items).format(style, { format: 'object' }) as BibObject[];
}

function entry({ type, label, properties }: BibObject): string {
  const fields = Object.entries(properties).map(([field, value]) => `  ${field} = {${value}},`);
  return `@${type}{${label},\n${fields.join('\n')}\n}\n`;
}

export function toBibtex(items: BiblioExportItem[]): string {
  if (items.length === 0) return '';
  const keys = citationKeys(items);
  const core: CslItem[] = items.map((item, n) => protectFirstWord({ ...metaToCsl(item.id, item.meta), 'citation-key': keys[n] }));
  const extras = items.map((item, n) => {
    const extra: CslItem = { id: item.id, type: core[n]!.type, 'citation-key': keys[n] };
    const keywords = keywordsAndTags(item.meta);
    if (keywords.length) extra.keyword = keywords.join(',');
    if (item.notes.length) extra.note = item.notes.join('\n\n');
    if (item.abstract) extra.abstract = item.abstract;
    return extra;
  });
  const plain = objects(core, 'bibtex');
  const latex = objects(extras, 'biblatex');
  return plain
    .map((object, n) => {
      const more = latex[n]?.properties ?? {};
      const properties = { ...object.properties };
      if (more.abstract) properties.abstract = more.abstract;
      if (more.keywords) properties.keywords = more.keywords;
      if (more.note) properties.annote = more.note;
      const pmid = items[n]!.meta.pmid;
      if (pmid && /^\d+$/.test(pmid.trim())) properties.pmid = pmid.trim();
      return entry({ ...object, properties });
    })
    .join('\n');
}
