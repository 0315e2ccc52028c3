import { fatal, warning, type Assertion } from '../../binding.js';
import { hasAttributeNamed } from '../../assertion-tests.js';
import { rule, type RuleDefinition } from '../../rule-definition.js';
import { stringLength, stringValue, substringAfter } from '../../xpath.js';
import { SYNTAX } from './ubl-syntax-contexts.js';
import { attributeHolders } from './ubl-syntax-query.js';

/**
 * The UBL-DT rules written by hand: amounts with at most two decimals, the attributes a binary object needs,
 * and where the name attribute may appear. (The attributes that must not appear at all are in the table of
 * ubl-syntax-unused-attributes.ts.)
 */
export const DATA_TYPE_ASSERTIONS: readonly Assertion[] = [
  // string-length(substring-after(., '.')) <= 2 on the string value, whatever it holds.
  fatal('UBL-DT-01', SYNTAX.amount, (amount) => stringLength(substringAfter(stringValue(amount), '.')) <= 2),
  fatal('UBL-DT-06', SYNTAX.binaryObject, hasAttributeNamed('mimeCode')),
  fatal('UBL-DT-07', SYNTAX.binaryObject, hasAttributeNamed('filename')),
  // count(//@name) - count(//cbc:PaymentMeansCode/@name) <= 0: no name attribute outside a payment means code.
  warning('UBL-DT-18', SYNTAX.document, (_root, doc) => (attributeHolders(doc).get('name') ?? []).every((e) => e.name === 'cbc:PaymentMeansCode')),
];

/** What the hand-written UBL-DT rules mean. */
export const DATA_TYPE_DEFINITIONS: readonly RuleDefinition[] = [
  rule(
    'UBL-DT-01',
    [],
    'Amounts may have at most two decimals (item prices and their discounts aside); round the amount to two fraction digits.',
  ),
  rule('UBL-DT-06', ['BT-125-1'], 'An attached binary object must state its MIME code (BT-125-1) in the mimeCode attribute.'),
  rule('UBL-DT-07', ['BT-125-2'], 'An attached binary object must state its file name (BT-125-2) in the filename attribute.'),
  rule(
    'UBL-DT-18',
    ['BT-82'],
    'The name attribute is only used on cbc:PaymentMeansCode, for the payment means text (BT-82); remove it from every other element.',
  ),
];
