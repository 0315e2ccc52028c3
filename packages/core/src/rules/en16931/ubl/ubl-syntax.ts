import type { Assertion } from '../../binding.js';
import type { RuleDefinition } from '../../rule-definition.js';
import { CARDINALITY_ASSERTIONS, CARDINALITY_DEFINITIONS } from './ubl-syntax-cardinality.js';
import { DOCUMENT_CARDINALITY_ASSERTIONS, DOCUMENT_CARDINALITY_DEFINITIONS } from './ubl-syntax-cardinality-document.js';
import { CONDITIONAL_UNUSED_ASSERTIONS, CONDITIONAL_UNUSED_DEFINITIONS } from './ubl-syntax-conditional.js';
import { SYNTAX } from './ubl-syntax-contexts.js';
import { DATA_TYPE_ASSERTIONS, DATA_TYPE_DEFINITIONS } from './ubl-syntax-data-types.js';
import { unusedRules } from './ubl-syntax-unused.js';
import { UNUSED_ATTRIBUTES } from './ubl-syntax-unused-attributes.js';
import { UNUSED_IN_DELIVERY } from './ubl-syntax-unused-delivery.js';
import { UNUSED_IN_DOCUMENT } from './ubl-syntax-unused-document.js';
import { UNUSED_IN_LINES } from './ubl-syntax-unused-lines.js';
import { UNUSED_IN_PARTIES } from './ubl-syntax-unused-parties.js';
import { UNUSED_IN_PAYMENT } from './ubl-syntax-unused-payment.js';

export { UBL_SYNTAX_CONTEXTS } from './ubl-syntax-contexts.js';

/** Every "should not be present" rule, as one table: one walk of the document checks them all. */
const UNUSED = unusedRules([
  ...UNUSED_IN_DOCUMENT,
  ...UNUSED_IN_PARTIES,
  ...UNUSED_IN_DELIVERY,
  ...UNUSED_IN_PAYMENT,
  ...UNUSED_IN_LINES,
  ...UNUSED_ATTRIBUTES,
]);

/** The official order of the document element's rules: UBL-CR, then UBL-DT, then UBL-SR, each by number. */
function officialOrder(a: Assertion, b: Assertion): number {
  const rank = (id: string) => ['UBL-CR', 'UBL-DT', 'UBL-SR'].indexOf(id.slice(0, 6)) * 1000 + Number(id.slice(7));
  return rank(a.rule) - rank(b.rule);
}

const ALL: readonly Assertion[] = [
  ...CARDINALITY_ASSERTIONS,
  ...DATA_TYPE_ASSERTIONS,
  ...CONDITIONAL_UNUSED_ASSERTIONS,
  ...UNUSED.assertions,
  ...DOCUMENT_CARDINALITY_ASSERTIONS,
];

/**
 * The assertions of the official pattern UBL-syntax (UBL-CR, UBL-SR and UBL-DT rules, 756 in all), which
 * exist only for UBL: elements and attributes EN 16931 does not use, elements that may occur only once, and
 * data type restrictions.
 */
export const UBL_SYNTAX_ASSERTIONS: readonly Assertion[] = [
  ...ALL.filter((assertion) => assertion.context !== SYNTAX.document),
  ...ALL.filter((assertion) => assertion.context === SYNTAX.document).sort(officialOrder),
];

/** What the UBL syntax rules mean; they have no CII counterpart, so UBL defines them itself. */
export const UBL_SYNTAX_DEFINITIONS: readonly RuleDefinition[] = [
  ...CONDITIONAL_UNUSED_DEFINITIONS,
  ...UNUSED.definitions,
  ...DATA_TYPE_DEFINITIONS,
  ...DOCUMENT_CARDINALITY_DEFINITIONS,
  ...CARDINALITY_DEFINITIONS,
];
