/**
 * Markdown to readable plain text by walking marked's token tree (marked's lexer does the parsing;
 * no HTML is rendered): headings on their own lines, list items with a bullet, emphasis and link
 * syntax gone (link text kept), code kept verbatim. Raw HTML inside Markdown goes through the same
 * text-only HTML reader as .html files, so a <script> in a README is dropped, never kept.
 */
import { decodeHTML } from 'entities';
import { Lexer, type Token, type Tokens } from 'marked';
import { htmlToText } from './html-text.js';

export interface MarkdownText {
  text: string;
  /** Text of the first heading (preferring level 1), a title candidate. */
  firstHeading: string | null;
}

/** Inline HTML tags whose content must not show (mirrors html-text.ts DROPPED for the common ones). */
const DROPPED_INLINE = /^<\s*(script|style|noscript|template|iframe|object|embed|svg|canvas|textarea)\b/i;

export function markdownToText(source: string): MarkdownText {
  const tokens = Lexer.lex(source, { gfm: true });
  const blocks: string[] = [];
  let h1: string | null = null;
  let anyHeading: string | null = null;
  for (const token of tokens) {
    if (token.type === 'heading') {
      const text = inline((token as Tokens.Heading).tokens).trim();
      if ((token as Tokens.Heading).depth === 1) h1 ??= text;
      anyHeading ??= text;
    }
    const text = block(token, '');
    if (text.trim() !== '') blocks.push(text);
  }
  return { text: blocks.join('\n\n').replace(/\n{3,}/g, '\n\n').trim(), firstHeading: h1 ?? anyHeading };
}

/** One block token as text; `indent` prefixes nested list lines. */
function block(token: Token, indent: string): string {
  switch (token.type) {
    case 'heading':
    case 'paragraph':
      return inline((token as Tokens.Heading | Tokens.Paragraph).tokens).trim();
    case 'text':
      return textToken(token as Tokens.Text);
    case 'code':
      return (token as Tokens.Code).text;
    case 'blockquote':
      return (token as Tokens.Blockquote).tokens.map((t) => block(t, indent)).filter((s) => s.trim() !== '').join('\n\n');
    case 'list':
      return list(token as Tokens.List, indent);
    case 'table':
      return table(token as Tokens.Table);
    case 'html':
      return htmlToText((token as Tokens.HTML).raw).text;
    case 'hr':
    case 'space':
    case 'def':
      return '';
    default:
      // Tokens from extensions we do not know: their raw source is better than losing the text.
      return 'tokens' in token && Array.isArray(token.tokens) ? inline(token.tokens as Token[]) : (token.raw ?? '').trim();
  }
}

function list(token: Tokens.List, indent: string): string {
  const start = typeof token.start === 'number' ? token.start : 1;
  return token.items
    .map((item, i) => {
      const bullet = token.ordered ? `${start + i}. ` : '• ';
      const parts = item.tokens.filter((t) => t.type !== 'checkbox').map((t) => block(t, `${indent}  `)).filter((s) => s.trim() !== '');
      const [first = '', ...rest] = parts;
      const box = item.task ? (item.checked ? '[x] ' : '[ ] ') : '';
      return [`${indent}${bullet}${box}${first.trim()}`, ...rest.map((r) => (r.startsWith(indent) ? r : `${indent}  ${r}`))].join('\n');
    })
    .join('\n');
}

function table(token: Tokens.Table): string {
  const row = (cells: Tokens.TableCell[]) => cells.map((c) => inline(c.tokens).trim()).join('\t');
  return [row(token.header), ...token.rows.map(row)].join('\n');
}

/** Inline tokens to text. Tracks inline HTML so the content of an inline <script> is skipped too. */
function inline(tokens: readonly Token[]): string {
  let out = '';
  let skipping: string | null = null;
  for (const token of tokens) {
    if (token.type === 'html') {
      const raw = (token as Tokens.Tag).raw;
      if (skipping) {
        if (new RegExp(`^<\\s*/\\s*${skipping}\\b`, 'i').test(raw)) skipping = null;
        continue;
      }
      const open = DROPPED_INLINE.exec(raw);
      // An inline tag that opens a dropped element and does not close in the same token.
      if (open?.[1] && !new RegExp(`</\\s*${open[1]}\\s*>`, 'i').test(raw)) skipping = open[1].toLowerCase();
      else out += htmlToText(raw).text;
      continue;
    }
    if (skipping) continue;
    out += inlineToken(token);
  }
  return out;
}

/** A text token holds either inline children or raw text with HTML entities. */
function textToken(t: Tokens.Text): string {
  return t.tokens ? inline(t.tokens) : decodeHTML(t.text);
}

function inlineToken(token: Token): string {
  switch (token.type) {
    case 'text':
      return textToken(token as Tokens.Text);
    case 'escape':
      return (token as Tokens.Escape).text;
    case 'strong':
    case 'em':
    case 'del':
    case 'link':
      return inline((token as Tokens.Strong | Tokens.Em | Tokens.Del | Tokens.Link).tokens);
    case 'image':
      return (token as Tokens.Image).text;
    case 'codespan':
      return decodeHTML((token as Tokens.Codespan).text);
    case 'br':
      return '\n';
    case 'checkbox':
      return '';
    default:
      return 'tokens' in token && Array.isArray(token.tokens) ? inline(token.tokens as Token[]) : (token.raw ?? '');
  }
}
