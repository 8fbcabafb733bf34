/**
 * A fast path for validating annotation shards while an export streams a whole review. The zod
 * schema (shared/model/annotation.ts) costs 6-12 µs per annotation, seconds for 500,000 of them;
 * these plain checks cost a tenth of that. They never decide alone: `fastShard` returns the data
 * only when it is certain that `AnnotationFile.parse` would return an equal value (every key
 * present and no other, no default to fill, no tag to trim; objects whose keys were stored in
 * another order are rebuilt in the schema's order, as the schema would), and null otherwise, and
 * then the caller loads the file through the schema, which gives the real result or the real
 * error. So a check here may be stricter than the schema, never looser
 * (test/unit/export-shard-check.test.ts compares both on the same inputs and holds the key lists to
 * the schema's shapes).
 */
import { ANNOTATION_FILE_SCHEMA_VERSION, type AnnotationBody, type AnnotationFile, type Selector } from '../../../shared/model/index.js';

export const KEYS = {
  file: ['schemaVersion', 'articleId', 'reviewer', 'annotations', 'study'],
  annotation: ['id', 'articleId', 'reviewer', 'target', 'body', 'created', 'updated'],
  target: ['source', 'sourceHash', 'selector'],
  quote: ['type', 'exact', 'prefix', 'suffix'],
  position: ['type', 'start', 'end'],
  fragment: ['type', 'conformsTo', 'value'],
  outcome: ['type', 'template', 'fields', 'status', 'tags'],
  discrepancy: ['type', 'kind', 'note', 'links', 'status', 'severity', 'reason', 'fingerprint'],
  note: ['type', 'text'],
  study: ['template', 'fields', 'updated'],
  templateRef: ['id', 'version'],
} as const;

const ARTICLE_ID = /^[0-9a-f]{16}$/;
const ANNOTATION_ID = /^[A-Za-z0-9_-]{8,64}$/;
const REVIEWER_ID = /^[a-z0-9][a-z0-9_.-]{0,39}$/;
const SHA256 = /^[0-9a-f]{64}$/;
const TEMPLATE_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
const FIELD_KEY = /^[a-z][a-z0-9_]{0,39}$/;
const PAGE = /^page=[1-9][0-9]*$/;
const RFC3778 = 'http://tools.ietf.org/rfc/rfc3778';
/** What Date#toISOString writes (isoTime also rules out impossible dates and times). */
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
const RECORD_STATUS = new Set(['in-progress', 'complete', 'verified']);
const DISCREPANCY_STATUS = new Set(['suggested', 'confirmed', 'dismissed']);
const SEVERITY = new Set(['low', 'medium', 'high']);

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Set when a checked object holds its keys in another order than the schema's (see canonical). */
let reordered = false;

/** Exactly these own keys (noting in `reordered` when not in this order, the schema's). */
function hasKeys(o: Obj, keys: readonly string[]): boolean {
  let i = 0;
  let inOrder = true;
  for (const k in o) {
    if (k !== keys[i]) inOrder = false;
    i += 1;
  }
  if (i !== keys.length) return false;
  if (inOrder) return true;
  reordered = true;
  return keys.every((k) => Object.hasOwn(o, k));
}

/** Every element passes (holes included, which `every` would skip). */
function all(items: readonly unknown[], ok: (item: unknown) => boolean): boolean {
  for (let i = 0; i < items.length; i++) if (!ok(items[i])) return false;
  return true;
}

function str(v: unknown, max = Infinity): v is string {
  return typeof v === 'string' && v.length <= max;
}

function matches(v: unknown, re: RegExp): boolean {
  return typeof v === 'string' && re.test(v);
}

const digit = (s: string, i: number) => s.charCodeAt(i) - 48;
const two = (s: string, i: number) => digit(s, i) * 10 + digit(s, i + 1);

/** A real date and time of day (no 31 April, no 29 February 2023, no 24:00), as the schema's check. */
function isoTime(v: unknown): boolean {
  if (typeof v !== 'string' || !ISO.test(v)) return false;
  const year = two(v, 0) * 100 + two(v, 2);
  const month = two(v, 5);
  const day = two(v, 8);
  if (month < 1 || month > 12 || day < 1 || two(v, 11) > 23 || two(v, 14) > 59 || two(v, 17) > 59) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 ? (leap ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  return day <= days;
}

function count(v: unknown, min: number): boolean {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= min;
}

function templateRef(v: unknown): boolean {
  return isObj(v) && hasKeys(v, KEYS.templateRef) && matches(v.id, TEMPLATE_ID) && count(v.version, 1);
}

function fieldValue(v: unknown): boolean {
  if (v === null || typeof v === 'boolean') return true;
  if (typeof v === 'string') return v.length <= 10_000;
  return Array.isArray(v) && v.length <= 200 && all(v, (x) => str(x, 500));
}

/** Field keys seen valid: a review uses a few dozen, checked millions of times. */
const goodKeys = new Set<string>();

function fieldKey(k: string): boolean {
  if (goodKeys.has(k)) return true;
  if (!FIELD_KEY.test(k)) return false;
  if (goodKeys.size < 10_000) goodKeys.add(k);
  return true;
}

function fields(v: unknown): boolean {
  if (!isObj(v)) return false;
  for (const k in v) if (!fieldKey(k) || !fieldValue(v[k])) return false;
  return true;
}

/** Tags as the schema would leave them: already trimmed, 1-100 characters, at most 100. */
function tags(v: unknown): boolean {
  return Array.isArray(v) && v.length <= 100 && all(v, (t) => typeof t === 'string' && t.length >= 1 && t.length <= 100 && t.trim() === t);
}

function selector(s: unknown): boolean {
  if (!isObj(s)) return false;
  switch (s.type) {
    case 'TextQuoteSelector':
      return hasKeys(s, KEYS.quote) && str(s.exact) && s.exact.length >= 1 && str(s.prefix) && str(s.suffix);
    case 'TextPositionSelector':
      return hasKeys(s, KEYS.position) && count(s.start, 0) && count(s.end, 0);
    case 'FragmentSelector':
      return hasKeys(s, KEYS.fragment) && s.conformsTo === RFC3778 && matches(s.value, PAGE);
    default:
      return false;
  }
}

function target(t: unknown): boolean {
  return (
    isObj(t) &&
    hasKeys(t, KEYS.target) &&
    matches(t.source, ARTICLE_ID) &&
    matches(t.sourceHash, SHA256) &&
    Array.isArray(t.selector) &&
    t.selector.length >= 1 &&
    all(t.selector, selector)
  );
}

function body(b: unknown): boolean {
  if (!isObj(b)) return false;
  switch (b.type) {
    case 'outcome':
      return hasKeys(b, KEYS.outcome) && templateRef(b.template) && fields(b.fields) && RECORD_STATUS.has(b.status as string) && tags(b.tags);
    case 'discrepancy':
      return (
        hasKeys(b, KEYS.discrepancy) &&
        str(b.kind, 200) &&
        str(b.note, 10_000) &&
        Array.isArray(b.links) &&
        b.links.length <= 100 &&
        all(b.links, (id) => matches(id, ANNOTATION_ID)) &&
        DISCREPANCY_STATUS.has(b.status as string) &&
        SEVERITY.has(b.severity as string) &&
        str(b.reason, 2000) &&
        (b.fingerprint === null || str(b.fingerprint, 500))
      );
    case 'note':
      return hasKeys(b, KEYS.note) && str(b.text, 10_000);
    default:
      return false;
  }
}

function annotation(a: unknown): boolean {
  return (
    isObj(a) &&
    hasKeys(a, KEYS.annotation) &&
    matches(a.id, ANNOTATION_ID) &&
    matches(a.articleId, ARTICLE_ID) &&
    matches(a.reviewer, REVIEWER_ID) &&
    target(a.target) &&
    body(a.body) &&
    isoTime(a.created) &&
    (a.updated === a.created || isoTime(a.updated))
  );
}

function studyRecord(s: unknown): boolean {
  return isObj(s) && hasKeys(s, KEYS.study) && templateRef(s.template) && fields(s.fields) && isoTime(s.updated);
}

function canonicalSelector(s: Selector): Selector {
  switch (s.type) {
    case 'TextQuoteSelector':
      return { type: s.type, exact: s.exact, prefix: s.prefix, suffix: s.suffix };
    case 'TextPositionSelector':
      return { type: s.type, start: s.start, end: s.end };
    case 'FragmentSelector':
      return { type: s.type, conformsTo: s.conformsTo, value: s.value };
  }
}

function canonicalBody(b: AnnotationBody): AnnotationBody {
  switch (b.type) {
    case 'outcome':
      return { type: b.type, template: { id: b.template.id, version: b.template.version }, fields: b.fields, status: b.status, tags: b.tags };
    case 'discrepancy':
      return { type: b.type, kind: b.kind, note: b.note, links: b.links, status: b.status, severity: b.severity, reason: b.reason, fingerprint: b.fingerprint };
    case 'note':
      return { type: b.type, text: b.text };
  }
}

/** A checked shard rebuilt with every object's keys in the schema's order (what parsing gives). */
function canonical(f: AnnotationFile): AnnotationFile {
  return {
    schemaVersion: f.schemaVersion,
    articleId: f.articleId,
    reviewer: f.reviewer,
    annotations: f.annotations.map((a) => ({
      id: a.id,
      articleId: a.articleId,
      reviewer: a.reviewer,
      target: { source: a.target.source, sourceHash: a.target.sourceHash, selector: a.target.selector.map(canonicalSelector) },
      body: canonicalBody(a.body),
      created: a.created,
      updated: a.updated,
    })),
    study: f.study.map((s) => ({ template: { id: s.template.id, version: s.template.version }, fields: s.fields, updated: s.updated })),
  };
}

/** The parsed JSON of a shard file as the schema would return it when that is certain; else null. */
export function fastShard(raw: unknown): AnnotationFile | null {
  reordered = false;
  if (!isObj(raw) || !hasKeys(raw, KEYS.file) || raw.schemaVersion !== ANNOTATION_FILE_SCHEMA_VERSION) return null;
  if (!matches(raw.articleId, ARTICLE_ID) || !matches(raw.reviewer, REVIEWER_ID)) return null;
  if (!Array.isArray(raw.annotations) || !Array.isArray(raw.study)) return null;
  if (!all(raw.annotations, annotation) || !all(raw.study, studyRecord)) return null;
  const file = raw as unknown as AnnotationFile;
  return reordered ? canonical(file) : file;
}
