// Agreement of the citation readers with the peer projects' expected parses (test/eval/citations-agreement.ts).
// The corpus lives beside the repository (../shared/corpus/citations); without it the test is skipped.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatReport, measureAgreement } from '../eval/citations-agreement.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const corpus = path.resolve(repoRoot, '../shared/corpus/citations');
const present = existsSync(path.join(corpus, 'manifest.tsv'));
if (!present) console.log(`citations corpus: skipped — ${corpus} is absent (it is shared beside the checkout, not part of the repository).`);

describe.skipIf(!present)('citation corpus agreement', () => {
  it('agrees with citation-js, Zotero, Better BibTeX and JabRef on at least 95% of compared fields', async () => {
    const report = await measureAgreement(corpus);
    console.log(formatReport(report));
    expect(report.files.length).toBeGreaterThan(20);
    expect(report.compared).toBeGreaterThan(200);
    expect(report.agreement).toBeGreaterThanOrEqual(0.95);
  });
});
