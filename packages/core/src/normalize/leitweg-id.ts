/**
 * The Leitweg-ID: the address of a German public buyer (XRechnung BT-10; ISO 6523 ICD 0204 as an
 * electronic address). Format per the KoSIT "Format Leitweg-ID" specification:
 *
 *   Grobadressierung  2–12 digits: Land or Bund (2), Regierungsbezirk (1), Landkreis (2), Gemeinde (3, 4 or 7)
 *   Feinadressierung  optional, up to 30 letters and digits, after a hyphen
 *   Prüfziffer        2 digits after a hyphen: ISO 7064 MOD 97-10 over the rest without hyphens,
 *                     letters counted as A = 10 … Z = 35 (as for an IBAN); valid when the whole mod 97 is 1
 */

/** The three parts of a text that has the shape of a Leitweg-ID. */
export type LeitwegIdParts = { coarse: string; fine: string | undefined; checkDigits: string };

// Uppercase only: the caller uppercases first (the letters of the Feinadressierung are A–Z).
const LEITWEG_ID_SHAPE = /^(\d{2,12})(?:-([A-Z0-9]{1,30}))?-(\d{2})$/;

/** The Land codes (01 Schleswig-Holstein … 16 Thüringen) and 99 for the Bund, which open every Grobadressierung. */
const REGION_CODES: ReadonlySet<string> = new Set([...Array.from({ length: 16 }, (_, i) => String(i + 1).padStart(2, '0')), '99']);

/** Lengths the Grobadressierung can have: 2 (Land/Bund), +1 Regierungsbezirk, +2 Landkreis, +3/4/7 Gemeinde. */
const COARSE_LENGTHS: ReadonlySet<number> = new Set([2, 3, 5, 8, 9, 12]);

/** Splits an (uppercase) text with the shape of a Leitweg-ID into its parts; undefined for any other text. */
export function readLeitwegIdShape(text: string): LeitwegIdParts | undefined {
  const match = LEITWEG_ID_SHAPE.exec(text);
  if (!match?.[1] || !match[3]) return undefined;
  return { coarse: match[1], fine: match[2], checkDigits: match[3] };
}

/**
 * Whether a buyer reference (BT-10) is meant as a Leitweg-ID, so that wrong check digits fail the
 * document. German buyer references are often plain order or cost-centre numbers ("4500012345",
 * "KST 4711", "2024-01"), which must pass untouched. A text counts as a Leitweg-ID only when it has the
 * full shape AND a Grobadressierung that can exist (a Land or Bund code, a length the hierarchy allows)
 * AND either a Feinadressierung or a Grobadressierung down to the Gemeinde (8+ digits): short forms such
 * as "05-12" or "12345-67" read as ordinary references too easily to fail a document over them.
 */
export function looksLikeLeitwegId(text: string): boolean {
  const parts = readLeitwegIdShape(text);
  if (!parts || !REGION_CODES.has(parts.coarse.slice(0, 2)) || !COARSE_LENGTHS.has(parts.coarse.length)) return false;
  return parts.fine !== undefined || parts.coarse.length >= 8;
}

/** Whether the check digits of an (uppercase) Leitweg-ID are right: ISO 7064 MOD 97-10, remainder 1. */
export function hasValidLeitwegIdCheckDigits(text: string): boolean {
  return readLeitwegIdShape(text) !== undefined && mod97(text.replaceAll('-', '')) === 1;
}

/** The remainder mod 97 of the number written by digits and letters (A = 10 … Z = 35), digit by digit. */
function mod97(alphanumeric: string): number {
  let rest = 0;
  for (const char of alphanumeric) {
    const value = Number.parseInt(char, 36);
    // A letter stands for two decimal digits, a digit for one.
    rest = (value < 10 ? rest * 10 + value : rest * 100 + value) % 97;
  }
  return rest;
}
