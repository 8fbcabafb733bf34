/**
 * One article against its own reference list: the journal, year or lead author its running text
 * names for the study, against the paper it cites.
 */
import type { SuggestedDiscrepancy } from '../model/index.js';
import { hasReferences, rankReferences, referenceClaim, referenceClaims, sameSurname, sameValue, textClaims, type Claim, type ReferenceClaims, type ReferenceKind } from './claims.js';
import type { CheckedArticle } from './types.js';
import { fingerprint, quoteOf, shown } from './util.js';

type ArticleKind = 'journal-vs-reference' | 'year-vs-reference' | 'author-vs-reference';

const RULES: readonly { fact: ReferenceKind; kind: ArticleKind }[] = [
  { fact: 'journal', kind: 'journal-vs-reference' },
  { fact: 'year', kind: 'year-vs-reference' },
  { fact: 'lead-author', kind: 'author-vs-reference' },
];

function explain(kind: ArticleKind, text: Claim, ref: Claim): string {
  const t = shown(text.value);
  const r = shown(ref.value);
  if (kind === 'journal-vs-reference') return `The text says the study was published in ${t}, but the reference it cites is in ${r}.`;
  if (kind === 'year-vs-reference') return `The text says the study was published in ${t}, but the reference it cites is from ${r}.`;
  return `The text names ${t} as the study's author, but the reference it cites is first-authored by ${r}.`;
}

/**
 * For each value the running text names: nothing when any of the article's references agrees with
 * it (a text naming one of several cited papers is right); else a discrepancy against the best
 * matching reference that says anything of that kind. An author who is a co-author (not first
 * author) of that reference is only a low-severity suggestion.
 */
export function articleRules(article: CheckedArticle): SuggestedDiscrepancy[] {
  if (!hasReferences(article)) return [];
  const refs = referenceClaims(article);
  if (refs.length === 0) return [];
  const ranked = rankReferences(article, refs);
  const out: SuggestedDiscrepancy[] = [];
  for (const rule of RULES) {
    const withValue = ranked.filter((r) => referenceClaim(r, rule.fact) !== null);
    if (withValue.length === 0) continue;
    for (const claim of textClaims(article, rule.fact)) {
      if (withValue.some((r) => sameValue(rule.fact, claim.normalised, referenceClaim(r, rule.fact)!.normalised))) continue;
      const best: ReferenceClaims = withValue[0]!;
      const ref = referenceClaim(best, rule.fact)!;
      const coAuthor = rule.fact === 'lead-author' && refs.some((r) => r.authors.some((a) => sameSurname(a, claim.normalised)));
      out.push({
        fingerprint: fingerprint(rule.kind, [article.id, claim.normalised.toLowerCase(), ref.normalised.toLowerCase()]),
        kind: rule.kind,
        severity: coAuthor ? 'low' : 'high',
        explanation: explain(rule.kind, claim, ref),
        quotes: [quoteOf(article.id, claim.quote), quoteOf(article.id, ref.quote)],
        studyGroupId: null,
      });
    }
  }
  return out;
}
