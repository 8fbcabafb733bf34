/**
 * Which citation format a file is, from its extension and its first bytes. Returns null for files
 * this module does not read, so the document importers (text, Markdown, HTML …) get them.
 */
import type { CitationFormat } from './types.js';

const MEDLINE = /^PMID- ?\d/m;
const RIS = /^TY {1,2}- ?\S/m;

function extension(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase();
}

/** The name of the first element, past the XML declaration, comments and DOCTYPE. */
function xmlRoot(text: string): string | null {
  const head = text.slice(0, 4096).replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>[]*(\[[\s\S]*?\])?\s*>/gi, '');
  return /<([A-Za-z][\w:.-]*)/.exec(head)?.[1] ?? null;
}

function isCslItem(value: unknown): boolean {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
  const item = value as Record<string, unknown>;
  return typeof item.type === 'string' && ('title' in item || 'id' in item);
}

function jsonFormat(text: string): CitationFormat | null {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return null;
  }
  if (Array.isArray(data)) return data.length > 0 && data.every(isCslItem) ? 'csl-json' : null;
  // Evidentia's own export is a JSON object too; it is not a citation file.
  if (data && typeof data === 'object' && (data as Record<string, unknown>).format === 'evidentia-export') return null;
  return isCslItem(data) ? 'csl-json' : null;
}

/**
 * Why a .json file is no JSON at all (a download cut short, a web page saved as .json), or null
 * when it parses: "not valid JSON" tells the user more than "not a citation file".
 */
export function jsonSyntaxProblem(text: string): string | null {
  try {
    JSON.parse(text.replace(/^\uFEFF/, ''));
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : 'parse error';
  }
}

export function detectCitationFormat(fileName: string, text: string): CitationFormat | null {
  const body = text.replace(/^\uFEFF/, '');
  switch (extension(fileName)) {
    case 'ris':
      return 'ris';
    case 'bib':
    case 'bibtex':
      return 'bibtex';
    case 'nbib':
    case 'medline':
      return 'nbib';
    case 'txt':
      // PubMed's "Save → PubMed format" and many RIS exporters (Web of Science, Ovid) write .txt.
      if (MEDLINE.test(body.slice(0, 65536))) return 'nbib';
      if (RIS.test(body.slice(0, 65536)) && /^ER {1,2}-/m.test(body)) return 'ris';
      return null;
    case 'xml': {
      const root = xmlRoot(body);
      if (root === 'PubmedArticleSet') return 'pubmed-xml';
      if (root === 'xml' && /<records[\s>]/.test(body.slice(0, 65536))) return 'endnote-xml';
      return null;
    }
    case 'json':
      return jsonFormat(body);
    default:
      return null;
  }
}

