/** Publication years Evidentia believes: 1900–2099 (page numbers and doses are not years). */
const YEAR_PATTERN = /(?<![\d.])(19\d{2}|20\d{2})(?![\d.]?\d)/g;

/** Every plausible year in the string, in order. */
export function findYears(text: string): number[] {
  return [...text.matchAll(YEAR_PATTERN)].map((m) => Number(m[1]));
}

/**
 * The year of a date as metadata writes it: PDF "D:20200502083329Z", ISO "2021-03-04",
 * "2021/03/04", "March 2021", or a bare "2021".
 */
export function yearOfDate(value: string | null | undefined): number | null {
  if (!value) return null;
  const pdf = /^D:(\d{4})/.exec(value.trim());
  if (pdf) return plausible(Number(pdf[1]));
  const first = findYears(value)[0];
  return first === undefined ? null : first;
}

function plausible(year: number): number | null {
  return year >= 1900 && year <= 2099 ? year : null;
}
