/**
 * Arithmetic inside one article: n/N against the stated %, arms that do not add up to the total,
 * an estimate outside its own CI, a CI that contradicts its p-value, a fold change that does not
 * match the two percentages it compares. Tolerances follow how the numbers were written.
 */
import type { OutcomeSuggestion, SuggestedDiscrepancy } from '../model/index.js';
import { armSumRules } from './rules-arms.js';
import { foldChangeRules } from './rules-fold.js';
import { nullValue } from './outcome-key.js';
import type { CheckedArticle } from './types.js';
import { articleSuggestion, decimalsOf, formatNumber, halfUnit } from './util.js';

/** Added to the rounding half unit so floating-point and "30.0 vs 30" never fire. */
export const PERCENT_SLACK = 0.01;

function byPosition(a: OutcomeSuggestion, b: OutcomeSuggestion): number {
  return a.quote.start - b.quote.start || a.quote.end - b.quote.end;
}

/** "12/40 (31%)": 100·12/40 = 30 is more than half a unit (+ slack) away from 31. */
function percentageRule(article: CheckedArticle, s: OutcomeSuggestion): SuggestedDiscrepancy | null {
  if (s.shape !== 'count' || s.value === null || s.events === null || s.n === null) return null;
  if (!(s.n > 0) || s.events < 0 || s.events > s.n) return null;
  const computed = (100 * s.events) / s.n;
  const half = halfUnit(decimalsOf(s.value));
  const diff = Math.abs(computed - s.value);
  if (diff <= half + PERCENT_SLACK) return null;
  const severity = diff <= 1.5 * half + PERCENT_SLACK ? 'low' : 'medium';
  const explanation = `${formatNumber(s.events)}/${formatNumber(s.n)} is ${formatNumber(computed, 1)}%, but the text gives ${formatNumber(s.value, 4)}%.`;
  return articleSuggestion(article, 'percentage', severity, explanation, [s.quote]);
}

/** "-9.36 (95% CI: -12.52, -6.19)" is fine; "2.5 (0.61 to 0.90)" is not, allowing for rounding. */
function outsideCiRule(article: CheckedArticle, s: OutcomeSuggestion): SuggestedDiscrepancy | null {
  if (s.shape !== 'estimate-ci' || s.value === null || s.ciLow === null || s.ciHigh === null) return null;
  const lo = Math.min(s.ciLow, s.ciHigh);
  const hi = Math.max(s.ciLow, s.ciHigh);
  const tolerance = halfUnit(Math.min(decimalsOf(s.value), decimalsOf(s.ciLow), decimalsOf(s.ciHigh)));
  if (s.value >= lo - tolerance && s.value <= hi + tolerance) return null;
  const explanation = `The estimate ${formatNumber(s.value, 4)} lies outside its own confidence interval (${formatNumber(s.ciLow, 4)} to ${formatNumber(s.ciHigh, 4)}).`;
  return articleSuggestion(article, 'estimate-outside-ci', 'medium', explanation, [s.quote]);
}

type Significance = 'significant' | 'not significant' | null;

/**
 * A p-value as written against 0.05: "<0.0001" and "0.03" are significant, ">0.05" and "0.12" are
 * not; "0.05", "<0.1", ">0.01" and values that round to 0.05 say nothing either way.
 */
export function pSignificance(p: string): Significance {
  const text = p.replace(/\s+/g, '').replace(/^p/i, '').replace(',', '.');
  if (/^(ns|n\.s\.)$/i.test(text)) return 'not significant';
  const m = /^(<=|>=|≤|≥|<|>|=)?(\d*\.?\d+)$/.exec(text);
  if (!m) return null;
  const op = m[1] ?? '=';
  const value = Number(m[2]);
  if (op === '<') return value <= 0.05 ? 'significant' : null;
  if (op === '<=' || op === '≤') return value < 0.05 ? 'significant' : null;
  if (op === '>' || op === '>=' || op === '≥') return value >= 0.05 ? 'not significant' : null;
  const half = halfUnit(decimalsOf(value));
  if (value + half < 0.05) return 'significant';
  if (value - half > 0.05) return 'not significant';
  return null;
}

function pShown(p: string): string {
  const text = p.trim();
  return /^[<>=≤≥]/.test(text) ? `p ${text.replace(/^([<>=≤≥]+)\s*/, '$1 ')}` : `p = ${text}`;
}

/**
 * A 95% CI excludes the no-effect value (1 for HR/OR/RR, 0 for MD/SMD/risk difference) exactly
 * when p < 0.05. Skipped for other measures, other CI levels, and when a CI bound or the p-value
 * is within rounding of the boundary.
 */
function ciPRule(article: CheckedArticle, s: OutcomeSuggestion): SuggestedDiscrepancy | null {
  if (s.shape !== 'estimate-ci' || s.p === null || s.ciLow === null || s.ciHigh === null) return null;
  const none = nullValue(s.measure);
  if (none === null) return null;
  const level = /(\d{2}(?:\.\d)?)\s*%\s*(?:CI|C\.I\.|confidence)/i.exec(s.quote.exact);
  if (level && Number(level[1]) !== 95) return null;
  const significance = pSignificance(s.p);
  if (significance === null) return null;
  const lo = Math.min(s.ciLow, s.ciHigh);
  const hi = Math.max(s.ciLow, s.ciHigh);
  const [tlo, thi] = [halfUnit(decimalsOf(lo)), halfUnit(decimalsOf(hi))];
  const excludes = lo - tlo > none || hi + thi < none;
  const includes = lo + tlo < none && none < hi - thi;
  const ci = `${formatNumber(s.ciLow, 4)} to ${formatNumber(s.ciHigh, 4)}`;
  if (excludes && significance === 'not significant') {
    const explanation = `The 95% CI ${ci} excludes ${none}, which means p < 0.05, but the text gives ${pShown(s.p)}.`;
    return articleSuggestion(article, 'ci-p-value', 'medium', explanation, [s.quote]);
  }
  if (includes && significance === 'significant') {
    const explanation = `The 95% CI ${ci} includes ${none}, which means p ≥ 0.05, but the text gives ${pShown(s.p)}.`;
    return articleSuggestion(article, 'ci-p-value', 'medium', explanation, [s.quote]);
  }
  return null;
}

/** Every arithmetic rule over one article. */
export function arithmeticRules(article: CheckedArticle): SuggestedDiscrepancy[] {
  const out: SuggestedDiscrepancy[] = [];
  const outcomes = [...article.outcomes].sort(byPosition);
  for (const s of outcomes) {
    for (const rule of [percentageRule, outsideCiRule, ciPRule]) {
      const found = rule(article, s);
      if (found) out.push(found);
    }
  }
  out.push(...armSumRules(article, outcomes), ...foldChangeRules(article, outcomes));
  return out;
}
