/** Accents off, for comparing names and text ("Bata-Csörgő" → "Bata-Csorgo"); ASCII is returned as is (the common, cheap case). */
const ASCII = /^[\x00-\x7f]*$/;

export function withoutAccents(value: string): string {
  return ASCII.test(value) ? value : value.normalize('NFKD').replace(/\p{M}+/gu, '');
}
