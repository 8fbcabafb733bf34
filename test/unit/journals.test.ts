import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { foldJournal, knownJournal, normaliseJournal } from '../../shared/journals/index.js';
import { JOURNAL_ACRONYMS } from '../../shared/journals/acronyms.js';

describe('normaliseJournal', () => {
  it('gives NEJM, its abbreviation and its full names one key', () => {
    const names = ['NEJM', 'N Engl J Med', 'N. Engl. J. Med.', 'New England Journal of Medicine', 'The New England Journal of Medicine', 'the new england journal of medicine'];
    for (const name of names) {
      expect(normaliseJournal(name)).toEqual({ canonical: 'New England Journal of Medicine', key: 'new england journal of medicine', known: true });
    }
  });

  it('gives The Lancet, Lancet and Lancet (London, England) one key', () => {
    for (const name of ['The Lancet', 'Lancet', 'Lancet (London, England)', 'THE LANCET', ' Lancet. ']) {
      expect(normaliseJournal(name)).toEqual({ canonical: 'Lancet', key: 'lancet', known: true });
    }
  });

  it('treats JAMA and the Journal of the American Medical Association as one journal', () => {
    expect(normaliseJournal('JAMA').key).toBe('jama');
    expect(normaliseJournal('Journal of the American Medical Association').key).toBe('jama');
    expect(normaliseJournal('JAMA : the journal of the American Medical Association').key).toBe('jama');
    expect(normaliseJournal('JAMA Netw Open').key).toBe('jama network open');
    expect(normaliseJournal('JAMA Network Open').key).not.toBe('jama');
  });

  it('knows the hand-written acronyms', () => {
    expect(normaliseJournal('BMJ').key).toBe(normaliseJournal('British Medical Journal').key);
    expect(normaliseJournal('BMJ (Clinical research ed.)').canonical).toBe('BMJ');
    expect(normaliseJournal('PNAS').key).toBe(normaliseJournal('Proc Natl Acad Sci U S A').key);
    expect(normaliseJournal('CMAJ').key).toBe(normaliseJournal('Canadian Medical Association Journal').key);
  });

  it('uses the lists for abbreviations (Index Medicus and Entrez)', () => {
    expect(normaliseJournal('Br J Dermatol')).toEqual({ canonical: 'British Journal of Dermatology', key: 'british journal of dermatology', known: true });
    expect(normaliseJournal('Ann Intern Med').key).toBe(normaliseJournal('Annals of Internal Medicine').key);
    // Medicus capitalises small words oddly; the generator tidies them.
    expect(normaliseJournal('J Am Coll Cardiol').canonical).toBe('Journal of the American College of Cardiology');
    // An Entrez title with a subtitle is found by its main title and by its full title.
    expect(normaliseJournal('Journal of clinical oncology : official journal of the American Society of Clinical Oncology').key).toBe('journal of clinical oncology');
  });

  it('keeps journals the lists lack, folded', () => {
    expect(normaliseJournal('EClinicalMedicine')).toEqual({ canonical: 'EClinicalMedicine', key: 'eclinicalmedicine', known: false });
    expect(normaliseJournal('The Journal of Rare Skin Diseases')).toEqual({
      canonical: 'The Journal of Rare Skin Diseases',
      key: 'journal of rare skin diseases',
      known: false,
    });
    expect(normaliseJournal('Revista Médica de Ñuñoa').key).toBe('revista medica de nunoa');
    expect(normaliseJournal('')).toEqual({ canonical: '', key: '', known: false });
  });

  it('does not merge different journals of one family', () => {
    expect(normaliseJournal('Lancet Oncol').key).toBe('lancet oncology');
    expect(normaliseJournal('Lancet Oncol').key).not.toBe(normaliseJournal('Lancet').key);
    expect(normaliseJournal('N Engl J Med').key).not.toBe(normaliseJournal('NEJM Evidence').key);
  });

  it('folds like the generator', () => {
    expect(foldJournal('The Lancet')).toBe('lancet');
    expect(foldJournal('Arthritis & Rheumatology')).toBe('arthritis and rheumatology');
    expect(foldJournal('Acta Dermato-Venereologica')).toBe('acta dermato venereologica');
    expect(knownJournal('lancet')).toBe('Lancet');
    expect(knownJournal('Journal of Nothing In Particular')).toBeNull();
  });
});

describe('the bundled journal list (build/journals.mjs output)', () => {
  const raw = readFileSync(new URL('../../shared/journals/journal-list.json', import.meta.url), 'utf8');
  const data = JSON.parse(raw) as { source: string; licence: string; generator: string; journals: (string | string[])[] };

  it('names its source, commit and licence', () => {
    expect(data.source).toContain('JabRef');
    expect(data.source).toContain('a6879a86014356ced6b1b705f5ee24eb1d173950');
    expect(data.licence).toMatch(/^CC0 1\.0/);
    expect(data.generator).toContain('build/journals.mjs');
  });

  it('holds one journal per row: a name, or a name and other spellings that fold differently', () => {
    expect(data.journals.length).toBeGreaterThan(15_000);
    expect(raw.length).toBeLessThan(1_400_000);
    const bad = data.journals.filter((row) => {
      const names = typeof row === 'string' ? [row] : row;
      const keys = names.map(foldJournal);
      return (typeof row !== 'string' && row.length < 2) || keys.some((k) => k === '') || new Set(keys).size !== keys.length;
    });
    expect(bad).toEqual([]);
    expect(data.journals).toContainEqual(['New England Journal of Medicine', 'N Engl J Med']);
    expect(data.journals).toContain('Lancet');
  });

  it('has hand-written rows with a canonical name first', () => {
    for (const row of JOURNAL_ACRONYMS) expect(row[0]).toMatch(/\S/);
    expect(JOURNAL_ACRONYMS.find((row) => row.includes('NEJM'))?.[0]).toBe('New England Journal of Medicine');
  });
});
