/**
 * The citation and attribution finder: what an article says about the study it reports (journal,
 * year, lead author, DOI, trial ids and acronym, sample size, follow-up, dates) in its running text,
 * and what its own reference list says. Every fact carries the exact span it came from. Patterns
 * are global regular expressions over the text and lookups in a Map: linear in the text's length.
 */
import type { AttributionFact, ArticleFacts, ParsedReference } from '../../model/index.js';
import type { Range } from './common.js';
import { journalFacts } from './journals-in-text.js';
import { authorFacts } from './people.js';
import { findReferenceSection, parseReference } from './references.js';
import { dateFacts, doiFacts, followUpFacts, sampleSizeFacts, yearFacts } from './study.js';
import { acronymFacts, trialIdFacts } from './trials.js';

export { findReferenceSection, parseReference } from './references.js';

const KIND_ORDER = ['journal', 'year', 'lead-author', 'doi', 'trial-id', 'acronym', 'sample-size', 'follow-up', 'dates'];

export function findFacts(articleId: string, text: string): ArticleFacts {
  const section = findReferenceSection(text);
  const references: ParsedReference[] = [];
  const facts: AttributionFact[] = [];
  if (section) {
    section.entries.forEach((entry, index) => {
      const parsed = parseReference(text, entry, index);
      references.push(parsed.reference);
      facts.push(...parsed.facts);
    });
  }
  // Text facts come from the running text only: the reference list speaks through its entries.
  const outside = (r: Range): boolean => !section || r.end <= section.start || r.start >= section.end;
  const inText = [
    ...journalFacts(text),
    ...yearFacts(text),
    ...authorFacts(text),
    ...doiFacts(text),
    ...trialIdFacts(text),
    ...acronymFacts(text),
    ...sampleSizeFacts(text),
    ...followUpFacts(text),
    ...dateFacts(text),
  ].filter((f) => outside(f.quote));
  facts.push(...dedupe(inText));
  facts.sort((a, b) => a.quote.start - b.quote.start || KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind));
  return { articleId, facts, references };
}

/** One fact per kind and quote start (two patterns may read the same words). */
function dedupe(facts: AttributionFact[]): AttributionFact[] {
  const seen = new Set<string>();
  return facts.filter((f) => {
    const key = `${f.kind}:${f.quote.start}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
