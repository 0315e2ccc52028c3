import { fatal, type Assertion } from '../../binding.js';
import { filledPath, hasPath } from '../../assertion-tests.js';
import { at, filled, has, stringValue } from '../../xpath.js';
import { anyEqual, leadingCharacters, values, withAttribute } from './cii-model-query.js';

/**
 * The CII model rules on the parties: seller, payee, seller tax representative, deliver-to address and the
 * country prefix of VAT identifiers.
 */

/**
 * The prefixes BR-CO-09 accepts in the CII binding (artefacts 1.3.16): ISO 3166-1 alpha-2 plus EL
 * (Greece), XI (Northern Ireland), 1A (Kosovo) and AN. This list differs slightly from the UBL binding's.
 */
const VAT_PREFIXES = new Set(
  (
    '1A AD AE AF AG AI AL AM AN AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BL BJ BM BN BO BQ BR BS BT BV BW BY BZ ' +
    'CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH EL ER ES ET FI FJ FK FM FO FR GA ' +
    'GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG ' +
    'KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW ' +
    'MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD ' +
    'SE SG SH SI SJ SK SL SM SN SO SR ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC ' +
    'VE VG VI VN VU WF WS XI YE YT ZA ZM ZW'
  ).split(' '),
);

const SELLER_OF_PAYEE = '../../ram:ApplicableHeaderTradeAgreement/ram:SellerTradeParty';

/** The assertions of the party contexts. */
export const CII_MODEL_PARTY_ASSERTIONS: readonly Assertion[] = [
  // BR-57: a deliver-to address has a country code.
  fatal('BR-57', 'Delivery', (e) => {
    const address = at(e, 'ram:ShipToTradeParty/ram:PostalTradeAddress');
    return address.length === 0 || filled(address, 'ram:CountryID');
  }),

  // BR-17: the payee has a name and differs from the seller in name, identifier and legal registration
  // (each an existential string comparison of the two node-sets).
  fatal('BR-17', 'Payee', (e) => {
    const seller = at(e, SELLER_OF_PAYEE);
    return (
      has(e, 'ram:Name') &&
      !anyEqual(values(at(e, 'ram:Name')), values(at(seller, 'ram:Name'))) &&
      !anyEqual(values(at(e, 'ram:ID')), values(at(seller, 'ram:ID'))) &&
      !anyEqual(values(at(e, 'ram:SpecifiedLegalOrganization/ram:ID')), values(at(seller, 'ram:SpecifiedLegalOrganization/ram:ID')))
    );
  }),

  fatal(
    'BR-CO-26',
    'Seller',
    (e) =>
      has(e, 'ram:ID') ||
      has(e, 'ram:GlobalID') ||
      has(e, 'ram:SpecifiedLegalOrganization/ram:ID') ||
      withAttribute(at(e, 'ram:SpecifiedTaxRegistration/ram:ID'), 'schemeID', 'VA').length > 0,
  ),

  fatal('BR-18', 'Seller_tax_representative', filledPath('ram:Name')),
  fatal('BR-19', 'Seller_tax_representative', hasPath('ram:PostalTradeAddress')),
  fatal('BR-20', 'Seller_tax_representative', filledPath('ram:PostalTradeAddress/ram:CountryID')),
  fatal('BR-56', 'Seller_tax_representative', (e) => filled(withAttribute(at(e, 'ram:SpecifiedTaxRegistration/ram:ID'), 'schemeID', 'VA'))),

  // BR-CO-09: contains(' 1A AD … ', concat(' ', substring(., 1, 2), ' ')) — the first two characters are a
  // listed prefix (every entry has two characters, so the padded search cannot match anything else).
  fatal('BR-CO-09', 'VAT_identifier', (e) => VAT_PREFIXES.has(leadingCharacters(stringValue(e), 2))),
];
