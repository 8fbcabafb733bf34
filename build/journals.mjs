// Builds shared/journals/journal-list.json, the bundled offline journal list, from the CC0 JabRef
// abbreviation lists (github.com/JabRef/abbrv.jabref.org, journals/, commit
// a6879a86014356ced6b1b705f5ee24eb1d173950): journal_abbreviations_medicus.csv (Index Medicus) and
// journal_abbreviations_entrez.csv (NCBI Entrez). The output is committed; the app never reads the
// CSVs. Re-run by hand only:
//
//   node build/journals.mjs ../shared/data/journals
//
// Output: { source, commit, licence, generator, journals } where each journal is either its canonical
// name (a string: no other spelling folds differently) or [canonical, ...other spellings], keeping
// only spellings whose folded form differs from the canonical one (shared/journals/fold.ts folds
// the same way at run time). Index Medicus names win (they are title-cased); Entrez adds the journals
// and spellings Medicus lacks.
import { parse } from 'csv-parse/sync';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const COMMIT = 'a6879a86014356ced6b1b705f5ee24eb1d173950';
const OUT = new URL('../shared/journals/journal-list.json', import.meta.url);

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node build/journals.mjs DIR_WITH_JABREF_CSVS');
  process.exit(2);
}

/** Keep in step with foldJournal in shared/journals/fold.ts. */
function fold(name) {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/^the /, '');
}

/** "Journal of The American College Of Cardiology" -> "Journal of the American College of Cardiology". */
const SMALL = new Set(['of', 'the', 'and', 'in', 'for', 'on', 'at', 'to', 'a', 'an', 'de', 'la', 'et', 'und', 'fur', 'für']);
function tidy(name) {
  return name
    .replace(/\s+/g, ' ')
    .trim()
    .split(' ')
    .map((word, i) => (i > 0 && SMALL.has(word.toLowerCase()) ? word.toLowerCase() : word))
    .join(' ');
}

/** Keep in step with mainTitle in shared/journals/fold.ts: the title before " : ", " / " or " = ". */
function mainTitle(name) {
  const cut = name.search(/ [:/=] /);
  return cut > 0 ? name.slice(0, cut).trim() : name;
}

function read(file) {
  const text = readFileSync(path.join(dir, file), 'utf8');
  return parse(text, { relax_column_count: true, skip_empty_lines: true, trim: true });
}

/** @type {{ canonical: string, spellings: string[] }[]} */
const journals = [];
/** folded spelling -> index in journals */
const byKey = new Map();

function add(full, abbreviations, mergeOnAbbreviation) {
  const fullKey = fold(full);
  if (fullKey === '') return;
  const keys = abbreviations.map(fold).filter((k) => k !== '');
  let index = byKey.get(fullKey);
  // An Entrez title of a journal Medicus lists under another name ("JAMA : the journal of the
  // American Medical Association" for "JAMA") shares its abbreviation.
  if (index === undefined && mergeOnAbbreviation) index = keys.map((k) => byKey.get(k)).find((i) => i !== undefined);
  if (index === undefined) {
    index = journals.length;
    journals.push({ canonical: full, spellings: [] });
  }
  const journal = journals[index];
  for (const spelling of [full, ...abbreviations]) {
    const key = fold(spelling);
    if (key === '' || byKey.has(key)) continue; // the first (Medicus, then Entrez) owner keeps a spelling
    byKey.set(key, index);
    if (key !== fold(journal.canonical)) journal.spellings.push(spelling);
  }
}

const medicus = read('journal_abbreviations_medicus.csv');
for (const [full, ...abbreviations] of medicus) add(tidy(full), abbreviations.filter(Boolean), false);
const entrez = read('journal_abbreviations_entrez.csv');
for (const [full, ...abbreviations] of entrez) {
  const title = full.replace(/\s+/g, ' ').trim();
  // "Journal of clinical oncology : official journal of the American Society of Clinical Oncology":
  // the main title names the journal (run time strips subtitles the same way), unless another
  // journal already has that name.
  const main = mainTitle(title);
  const abbreviated = abbreviations.map((a) => byKey.get(fold(a))).find((i) => i !== undefined);
  const owner = byKey.get(fold(main));
  add(main !== title && (owner === undefined || owner === abbreviated) ? main : title, abbreviations.filter(Boolean), true);
}

const out = {
  source: `JabRef abbreviation lists (github.com/JabRef/abbrv.jabref.org, journals/journal_abbreviations_medicus.csv and journal_abbreviations_entrez.csv, commit ${COMMIT})`,
  licence: 'CC0 1.0 Universal (public domain dedication)',
  generator: 'build/journals.mjs (re-run by hand: node build/journals.mjs ../shared/data/journals)',
  journals: journals.map((j) => (j.spellings.length === 0 ? j.canonical : [j.canonical, ...j.spellings])),
};
// One journal per line: readable diffs, compact file.
const body = out.journals.map((j) => JSON.stringify(j)).join(',\n');
const json = `{"source": ${JSON.stringify(out.source)},\n"licence": ${JSON.stringify(out.licence)},\n"generator": ${JSON.stringify(out.generator)},\n"journals": [\n${body}\n]}\n`;
writeFileSync(OUT, json);
console.log(`${journals.length} journals, ${byKey.size} spellings, ${Buffer.byteLength(json)} bytes -> ${OUT.pathname}`);
