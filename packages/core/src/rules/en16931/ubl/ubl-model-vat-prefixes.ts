/**
 * The VAT identifier prefixes BR-CO-09 accepts (validation artefacts 1.3.16): ISO 3166-1 alpha-2 codes plus
 * EL (Greece), XI (Northern Ireland) and 1A, grouped by first letter.
 */
const PREFIXES: readonly string[] = [
  '1A',
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ',
  'BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ',
  'CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ',
  'DE DJ DK DM DO DZ',
  'EC EE EG EH EL ER ES ET',
  'FI FJ FK FM FO FR',
  'GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY',
  'HK HM HN HR HT HU',
  'ID IE IL IM IN IO IQ IR IS IT',
  'JE JM JO JP',
  'KE KG KH KI KM KN KP KR KW KY KZ',
  'LA LB LC LI LK LR LS LT LU LV LY',
  'MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ',
  'NA NC NE NF NG NI NL NO NP NR NU NZ',
  'OM',
  'PA PE PF PG PH PK PL PM PN PR PS PT PW PY',
  'QA',
  'RE RO RS RU RW',
  'SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ',
  'TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ',
  'UA UG UM US UY UZ',
  'VA VC VE VG VI VN VU',
  'WF WS',
  'XI',
  'YE YT',
  'ZA ZM ZW',
];

/** The prefixes as one space-separated text with a space at each end, as the official test searches it. */
const PREFIX_TEXT = ` ${PREFIXES.join(' ')} `;

/**
 * BR-CO-09: `contains(PREFIX_TEXT, substring(id, 1, 2))`. A plain substring search, so an empty or
 * one-character identifier passes, as in the official test.
 */
export function hasVatPrefix(identifier: string): boolean {
  return PREFIX_TEXT.includes(leadingCodePoints(identifier, 2));
}

/** XPath `substring(text, 1, count)`: the first `count` characters, a surrogate pair counting as one. */
function leadingCodePoints(text: string, count: number): string {
  let end = 0;
  for (let n = 0; n < count && end < text.length; n++) end += (text.codePointAt(end) as number) > 0xffff ? 2 : 1;
  return text.slice(0, end);
}
