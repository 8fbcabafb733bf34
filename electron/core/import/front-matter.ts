/**
 * YAML front matter at the top of a Markdown file (--- … ---). Only flat `key: value` pairs and
 * simple lists are read — the bibliographic keys Evidentia can use; anything fancier is ignored
 * rather than pulling in a YAML parser for four fields.
 */

export interface FrontMatter {
  /** Lower-cased keys; a list (`- a` lines or `[a, b]`) becomes several values. */
  fields: Map<string, string[]>;
  /** The document without its front matter. */
  body: string;
}

const BLOCK = /^---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/;

export function splitFrontMatter(source: string): FrontMatter {
  const fields = new Map<string, string[]>();
  const m = BLOCK.exec(source);
  if (!m) return { fields, body: source };
  let key: string | null = null;
  for (const line of (m[1] ?? '').split('\n')) {
    const item = /^\s+-\s+(.*)$/.exec(line) ?? /^-\s+(.*)$/.exec(line);
    if (item && key) {
      fields.set(key, [...(fields.get(key) ?? []), unquote(item[1] ?? '')]);
      continue;
    }
    const pair = /^([A-Za-z_][\w.-]*)\s*:\s*(.*)$/.exec(line);
    if (!pair) continue;
    key = (pair[1] ?? '').toLowerCase();
    const value = (pair[2] ?? '').trim();
    if (value === '') continue;
    const list = /^\[(.*)\]$/.exec(value);
    fields.set(key, list ? (list[1] ?? '').split(',').map(unquote).filter((v) => v !== '') : [unquote(value)]);
  }
  return { fields, body: source.slice(m[0].length) };
}

function unquote(value: string): string {
  const v = value.trim();
  return /^(["']).*\1$/.test(v) ? v.slice(1, -1) : v;
}
