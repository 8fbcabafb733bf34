/** The generator's report: what it wrote, as readable lines. */
import type { GenerateSummary } from './generate.js';

export function describeSummary(s: GenerateSummary): string[] {
  const share = (n: number, of: number) => `${n} (${((100 * n) / Math.max(1, of)).toFixed(1)}%)`;
  const list = (rec: Record<string, number>, of: number) =>
    Object.entries(rec)
      .sort((a, b) => b[1] - a[1])
      .map(([k, n]) => `${k} ${share(n, of)}`)
      .join(', ');
  return [
    `articles     ${s.articles}: ${list(s.byKind, s.articles)}`,
    `annotations  ${s.annotations} in ${s.shards} shards on ${s.annotated.length} articles: ${list(s.byType, s.annotations)}`,
    `reviewers    ${list(s.byReviewer, s.annotations)}`,
    `biggest      ${s.biggest ? `${s.biggest.id} with ${s.biggest.annotations} annotations` : 'none'}`,
    `exactly 200  ${s.with200.length} articles: ${s.with200.join(' ')}`,
    `rare terms   ${new Set(s.rareTerms).size} distinct made-up names (e.g. ${[...new Set(s.rareTerms)].slice(0, 5).join(', ')})`,
    `on disk      ${(s.bytes / 1048576).toFixed(1)} MB in ${s.files} files`,
    `written in   ${s.seconds.toFixed(1)} s`,
  ];
}
