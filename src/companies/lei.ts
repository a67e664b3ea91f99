/**
 * Legal Entity Identifiers (ISO 17442): 18 letters or digits, then two check digits computed with ISO 7064
 * MOD 97-10 over the whole identifier, letters counting A = 10 to Z = 35.
 */

const SHAPE = /^[0-9A-Z]{18}[0-9]{2}$/;

/** How a client may write an LEI: any case, surrounding spaces. */
export function normalizeLei(raw: string): string {
  return raw.trim().toUpperCase();
}

/** The identifier read as one number (letters as two digits), modulo 97; computed digit by digit. */
function mod97(lei: string): number {
  let remainder = 0;
  for (const character of lei) {
    const value = Number.parseInt(character, 36);
    remainder = (remainder * (value >= 10 ? 100 : 10) + value) % 97;
  }
  return remainder;
}

/**
 * What is wrong with `lei` (already normalised), or null when it is a valid LEI. MOD 97-10 only ever computes
 * check digits 02 to 98, so 00, 01 and 99 are refused even where the remainder would come out right.
 */
export function leiProblem(lei: string): string | null {
  if (!SHAPE.test(lei)) return 'must be 20 characters: 18 letters or digits, then 2 check digits';
  const checkDigits = Number(lei.slice(18));
  if (checkDigits < 2 || checkDigits > 98 || mod97(lei) !== 1) {
    return 'has check digits that do not match (ISO 7064 MOD 97-10): a character is wrong';
  }
  return null;
}

export function isValidLei(lei: string): boolean {
  return leiProblem(lei) === null;
}
