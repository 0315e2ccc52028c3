/**
 * The Italian codice fiscale (ISO 6523 ICD 0210). For persons it has 16 characters built from name, birth
 * date and place, ending in a control letter (DM 23/12/1976 n. 13813); for companies and other bodies it is
 * the 11-digit number also used as partita IVA, ending in a Luhn check digit.
 */

/** Why a codice fiscale is invalid. */
export type CodiceFiscaleFault = 'codice-fiscale-format' | 'codice-fiscale-check-character' | 'codice-fiscale-check-digit';

/**
 * The 16-character form: surname (3 letters), name (3 letters), year (2), month letter (A B C D E H L M P
 * R S T), day (2, +40 for women), place (a letter and 3), control letter. Where two people would get the
 * same code, digits are replaced by the letters L M N P Q R S T U V ("omocodia"), so those positions take
 * either.
 */
const PERSON_CODE = /^[A-Z]{6}[0-9L-NP-V]{2}[ABCDEHLMPRST][0-9L-NP-V]{2}[A-Z][0-9L-NP-V]{3}[A-Z]$/;
const BODY_CODE = /^\d{11}$/;

/**
 * Values of the characters in odd positions (1st, 3rd, … counting from 1), the official "caratteri
 * dispari" table, for A … Z; the digits 0 … 9 count as A … J. In even positions a character counts as
 * its place in the alphabet from 0 (and a digit as itself).
 */
const ODD_POSITION_VALUES = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];

/** What is wrong with an (uppercase) codice fiscale, or undefined when it is valid. */
export function findCodiceFiscaleFault(code: string): CodiceFiscaleFault | undefined {
  if (BODY_CODE.test(code)) return hasValidLuhnDigit(code) ? undefined : 'codice-fiscale-check-digit';
  if (!PERSON_CODE.test(code)) return 'codice-fiscale-format';
  return controlCharacterOf(code.slice(0, 15)) === code[15] ? undefined : 'codice-fiscale-check-character';
}

/** The control letter of the first 15 characters of a person's codice fiscale. */
export function controlCharacterOf(first15: string): string {
  let sum = 0;
  for (let index = 0; index < first15.length; index++) {
    const place = alphabetPlace(first15.charCodeAt(index));
    // Index 0 is the 1st character: an odd position.
    sum += index % 2 === 0 ? (ODD_POSITION_VALUES[place] ?? 0) : place;
  }
  return String.fromCharCode(65 + (sum % 26));
}

/** 0 … 9 for the digits, 0 … 25 for A … Z. */
function alphabetPlace(code: number): number {
  return code <= 57 ? code - 48 : code - 65;
}

/** The 11-digit number's last digit is its Luhn check digit (every second digit doubled, from the 2nd). */
function hasValidLuhnDigit(digits: string): boolean {
  let sum = 0;
  for (let index = 0; index < 11; index++) {
    let digit = digits.charCodeAt(index) - 48;
    if (index % 2 === 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  return sum % 10 === 0;
}
