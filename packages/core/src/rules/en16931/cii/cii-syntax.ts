import type { Assertion, RuleContext } from '../../binding.js';
import type { RuleDefinition } from '../../rule-definition.js';
import {
  AMOUNT,
  BILLING_PERIOD,
  DATE_STRING,
  IDENTIFIER,
  INVOICE_TYPE_CODE,
  LINE_VAT_CATEGORY,
  PLAIN_IDENTIFIER,
  POSTAL_ADDRESS,
  QUANTITY,
  REFERENCED_DOCUMENT,
  TRADE_TAX,
  TYPE_CODE,
} from './cii-syntax-data-types.js';
import { CONTEXT_PARAMETER, DOCUMENT_CONTEXT, DOCUMENT_NOTE, EXCHANGED_DOCUMENT, PAYMENT_MEANS, ROOT } from './cii-syntax-document.js';
import { HEADER_AGREEMENT, HEADER_DELIVERY } from './cii-syntax-header-agreement.js';
import { DOCUMENT_TOTALS, HEADER_SETTLEMENT } from './cii-syntax-header-settlement.js';
import { LINE_DOCUMENT, LINE_ITEM, LINE_PRODUCT, LINE_PRODUCT_CHARACTERISTIC } from './cii-syntax-line-item.js';
import { ALLOWANCE_CHARGE, LINE_AGREEMENT, LINE_DELIVERY, LINE_SETTLEMENT, PRICE_DISCOUNT } from './cii-syntax-line-trade.js';
import { flattenGroups } from './cii-syntax-table.js';

/**
 * The CII syntax pattern of EN 16931 (EN16931-CII-Syntax, validation artefacts 1.3.16): the CII-SR rules
 * (elements and repetitions of CII D16B that the EN 16931 subset leaves out) and the CII-DT rules (data
 * type restrictions). These rules exist for CII only.
 *
 * The groups are listed in the official order of the pattern's contexts: an element is checked by the
 * first context that matches it, so e.g. every ram:TypeCode is taken by `//ram:TypeCode` and the
 * identifiers of PLAIN_IDENTIFIER are not checked again as `//ram:*[ends-with(name(), 'ID')]`.
 */
const GROUPS = [
  PAYMENT_MEANS,
  DOCUMENT_CONTEXT,
  EXCHANGED_DOCUMENT,
  DOCUMENT_NOTE,
  LINE_ITEM,
  LINE_DOCUMENT,
  LINE_PRODUCT,
  LINE_PRODUCT_CHARACTERISTIC,
  LINE_AGREEMENT,
  ALLOWANCE_CHARGE,
  PRICE_DISCOUNT,
  LINE_DELIVERY,
  LINE_SETTLEMENT,
  HEADER_AGREEMENT,
  HEADER_DELIVERY,
  HEADER_SETTLEMENT,
  DOCUMENT_TOTALS,
  ROOT,
  CONTEXT_PARAMETER,
  PLAIN_IDENTIFIER,
  IDENTIFIER,
  TYPE_CODE,
  INVOICE_TYPE_CODE,
  LINE_VAT_CATEGORY,
  REFERENCED_DOCUMENT,
  AMOUNT,
  QUANTITY,
  TRADE_TAX,
  BILLING_PERIOD,
  POSTAL_ADDRESS,
  DATE_STRING,
];

const FLAT = flattenGroups(GROUPS);

/** The contexts of the CII syntax pattern, in the official order (`pattern: 'syntax'`). */
export const CII_SYNTAX_CONTEXTS: readonly RuleContext[] = FLAT.contexts;
/** One assertion per CII-SR / CII-DT rule, with the official flag. */
export const CII_SYNTAX_ASSERTIONS: readonly Assertion[] = FLAT.assertions;
/** The meaning of every CII-SR / CII-DT rule, in this project's words. */
export const CII_SYNTAX_DEFINITIONS: readonly RuleDefinition[] = FLAT.definitions;
