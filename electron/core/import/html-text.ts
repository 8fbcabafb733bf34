/**
 * HTML to readable text with htmlparser2's tokenizer: only text nodes are kept, so scripts, inline
 * handlers and javascript: URLs never reach the article, and nothing is ever executed (no DOM, no
 * browser). Block elements become line breaks, paragraphs are separated by a blank line.
 */
import { Parser } from 'htmlparser2';
import { EvidentiaError } from '../../../shared/result.js';

/**
 * Deeper than any real page (they nest tens, rarely hundreds of elements). htmlparser2 keeps its open
 * elements in an array it shifts at the front, so each level costs more than the last: 100,000
 * nested <div>s took 24 s, unclosed <b><i> pairs 80 s. Past this depth the file is refused at once.
 */
export const MAX_HTML_DEPTH = 4096;

class TooDeep extends Error {}

/**
 * Elements whose content is never visible text (or is a separate document). noembed and noframes
 * hold raw markup a browser never shows; kept, it would read as tags in the article.
 */
const DROPPED = new Set([
  'script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg', 'canvas', 'head',
  'frameset', 'frame', 'applet', 'audio', 'video', 'map', 'select', 'datalist', 'math', 'noembed', 'noframes',
]);

/** Blocks that stand as paragraphs: a blank line before and after. */
const PARAGRAPH = new Set([
  'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'section', 'article', 'aside', 'header',
  'footer', 'main', 'nav', 'figure', 'table', 'ul', 'ol', 'dl', 'form', 'fieldset', 'address', 'details', 'hr',
]);

/** Blocks that only start a new line. */
const LINE = new Set(['div', 'li', 'tr', 'br', 'dt', 'dd', 'figcaption', 'caption', 'summary', 'legend', 'option', 'center', 'body', 'html']);

/** Table cells: separated by a tab on their row. */
const CELL = new Set(['td', 'th']);

// Structural breaks are marked with private-use characters while text whitespace is still raw, so
// that collapsing the text's own whitespace never eats a break we meant.
const BR = '\uE000';
const PARA = '\uE001';
const TAB = '\uE002';

export interface HtmlHead {
  title: string | null;
  /** Lower-cased meta name/property -> every content value, in document order. */
  meta: Map<string, string[]>;
  /** Text of the first <h1>, a fallback title. */
  h1: string | null;
}

export interface HtmlText {
  text: string;
  head: HtmlHead;
}

/** @param source names the file in the message when it nests too deeply. */
export function htmlToText(html: string, source = 'This HTML'): HtmlText {
  let out = '';
  let depth = 0;
  let dropDepth = 0;
  let preDepth = 0;
  let titleText: string | null = null;
  let inTitle = false;
  let h1Text: string | null = null;
  let h1Depth = 0;
  const meta = new Map<string, string[]>();

  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (++depth > MAX_HTML_DEPTH) throw new TooDeep();
        if (name === 'meta') {
          const key = (attrs.name ?? attrs.property ?? attrs.itemprop ?? '').trim().toLowerCase();
          if (key && typeof attrs.content === 'string') meta.set(key, [...(meta.get(key) ?? []), attrs.content.trim()]);
        }
        if (name === 'title' && titleText === null) {
          inTitle = true;
          titleText = '';
          return;
        }
        if (DROPPED.has(name)) {
          dropDepth++;
          return;
        }
        if (dropDepth > 0) return;
        if (name === 'pre') preDepth++;
        if (name === 'h1' && h1Text === null) {
          h1Depth++;
          h1Text = '';
        }
        out += breakFor(name);
      },
      onclosetag(name) {
        depth = Math.max(0, depth - 1); // void and implied closes are reported too
        if (name === 'title' && inTitle) {
          inTitle = false;
          return;
        }
        if (DROPPED.has(name)) {
          dropDepth = Math.max(0, dropDepth - 1);
          return;
        }
        if (dropDepth > 0) return;
        if (name === 'pre') preDepth = Math.max(0, preDepth - 1);
        if (name === 'h1' && h1Depth > 0) h1Depth--;
        out += breakFor(name);
      },
      ontext(data) {
        if (inTitle) {
          titleText += data;
          return;
        }
        if (dropDepth > 0) return;
        if (h1Depth > 0) h1Text += data;
        // Inside <pre>, the text's own line breaks are the layout.
        out += preDepth > 0 ? data.replace(/\r\n?|\n/g, BR) : data;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  try {
    parser.write(html);
    parser.end();
  } catch (error) {
    if (!(error instanceof TooDeep)) throw error;
    throw new EvidentiaError(
      'corrupt-file',
      `${source} nests HTML elements more than ${MAX_HTML_DEPTH} deep, which no real page does; it cannot be read. Save it as a .txt file to import its text.`,
    );
  }

  return {
    text: layout(out),
    head: { title: clean(titleText), meta, h1: clean(h1Text) },
  };
}

function breakFor(name: string): string {
  if (PARAGRAPH.has(name)) return PARA;
  if (LINE.has(name)) return BR;
  if (CELL.has(name)) return TAB;
  return '';
}

function clean(s: string | null): string | null {
  const t = (s ?? '').replace(/\s+/g, ' ').trim();
  return t === '' ? null : t;
}

/**
 * Raw text with break marks -> lines. A run of marks (an element's close followed by the next one's
 * open) is one break: a blank line if any of them was a paragraph, else a single newline.
 */
function layout(raw: string): string {
  return raw
    .replace(/\s+/g, ' ')
    .replace(new RegExp(`[ ${BR}${PARA}]*[${BR}${PARA}][ ${BR}${PARA}]*`, 'g'), (run) => (run.includes(PARA) ? '\n\n' : '\n'))
    .split('\n')
    .map((line) =>
      line
        .split(TAB)
        .map((cell) => cell.trim())
        .filter((cell) => cell !== '')
        .join('\t'),
    )
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
