import type { XmlElement } from '../../../xml/xml-element.js';
import { fatal, type Assertion } from '../../binding.js';
import { decimalsAtMostPath, filledPath, hasAnyPath, hasAttributeNamed, hasPath } from '../../assertion-tests.js';
import { at, has, number, stringValue } from '../../xpath.js';
import { hasAttribute, periodInOrder, vatKids } from './ubl-query.js';

/**
 * The UBL binding of the core rules on invoice lines (BG-25) and what they contain: line allowances and
 * charges (BG-27, BG-28), line and invoice periods (BG-26, BG-14), item attributes and item identifiers.
 */

/**
 * `(path) >= 0` on untyped nodes: a general comparison with a number, so each node is read as an xs:double
 * and one non-negative value is enough; no node (or no number) makes it false.
 */
function someNotNegative(line: XmlElement, path: string): boolean {
  return at(line, path).some((node) => number(stringValue(node)) >= 0);
}

/** `exists(path/@name)`: some node of the path carries the attribute. */
function someHasAttribute(from: XmlElement, path: string, name: string): boolean {
  return at(from, path).some((node) => hasAttribute(node, name));
}

/** `exists(cbc:AllowanceChargeReason) or exists(cbc:AllowanceChargeReasonCode)`. */
function hasReason(allowanceCharge: XmlElement): boolean {
  return has(allowanceCharge, 'cbc:AllowanceChargeReason') || has(allowanceCharge, 'cbc:AllowanceChargeReasonCode');
}

/** Assertions of the context `Invoice_Line` (cac:InvoiceLine | cac:CreditNoteLine). */
const LINE_ASSERTIONS: readonly Assertion[] = [
  fatal('BR-21', 'Invoice_Line', filledPath('cbc:ID')),
  fatal('BR-22', 'Invoice_Line', hasAnyPath('cbc:InvoicedQuantity', 'cbc:CreditedQuantity')),
  fatal('BR-23', 'Invoice_Line', (e) => someHasAttribute(e, 'cbc:InvoicedQuantity', 'unitCode') || someHasAttribute(e, 'cbc:CreditedQuantity', 'unitCode')),
  fatal('BR-24', 'Invoice_Line', hasPath('cbc:LineExtensionAmount')),
  fatal('BR-25', 'Invoice_Line', filledPath('cac:Item/cbc:Name')),
  fatal('BR-26', 'Invoice_Line', hasPath('cac:Price/cbc:PriceAmount')),
  // BR-27 is also false when the line has no net price at all (BR-26 reports that too).
  fatal('BR-27', 'Invoice_Line', (e) => someNotNegative(e, 'cac:Price/cbc:PriceAmount')),
  fatal('BR-28', 'Invoice_Line', (e) => {
    const gross = 'cac:Price/cac:AllowanceCharge/cbc:BaseAmount';
    return someNotNegative(e, gross) || !has(e, gross);
  }),
  fatal('BR-CO-04', 'Invoice_Line', (e) => at(e, 'cac:Item').some((item) => vatKids(item, 'cac:ClassifiedTaxCategory').some(hasPath('cbc:ID')))),
  fatal('BR-DEC-23', 'Invoice_Line', decimalsAtMostPath('cbc:LineExtensionAmount', 2)),
];

/** Assertions of the contexts `Invoice_line_allowances` and `Invoice_line_charges`. */
const LINE_ALLOWANCE_CHARGE_ASSERTIONS: readonly Assertion[] = [
  fatal('BR-41', 'Invoice_line_allowances', hasPath('cbc:Amount')),
  fatal('BR-42', 'Invoice_line_allowances', hasReason),
  // BR-CO-07: the official UBL test is true(): code and text are not compared.
  fatal('BR-CO-07', 'Invoice_line_allowances', () => true),
  fatal('BR-CO-23', 'Invoice_line_allowances', hasReason),
  fatal('BR-DEC-24', 'Invoice_line_allowances', decimalsAtMostPath('cbc:Amount', 2)),
  fatal('BR-DEC-25', 'Invoice_line_allowances', decimalsAtMostPath('cbc:BaseAmount', 2)),
  fatal('BR-43', 'Invoice_line_charges', hasPath('cbc:Amount')),
  fatal('BR-44', 'Invoice_line_charges', hasReason),
  // BR-CO-08: the official UBL test is true().
  fatal('BR-CO-08', 'Invoice_line_charges', () => true),
  fatal('BR-CO-24', 'Invoice_line_charges', hasReason),
  fatal('BR-DEC-27', 'Invoice_line_charges', decimalsAtMostPath('cbc:Amount', 2)),
  fatal('BR-DEC-28', 'Invoice_line_charges', decimalsAtMostPath('cbc:BaseAmount', 2)),
];

/** Assertions of the period contexts and of the item attribute and identifier contexts. */
const PERIOD_AND_ITEM_ASSERTIONS: readonly Assertion[] = [
  fatal('BR-30', 'Invoice_Line_Period', periodInOrder),
  fatal('BR-CO-20', 'Invoice_Line_Period', hasAnyPath('cbc:StartDate', 'cbc:EndDate')),
  fatal('BR-29', 'Invoice_Period', periodInOrder),
  // BR-CO-19: a period with only a tax point date code (BT-8, cbc:DescriptionCode) is accepted too.
  fatal('BR-CO-19', 'Invoice_Period', hasAnyPath('cbc:StartDate', 'cbc:EndDate', 'cbc:DescriptionCode')),
  fatal('BR-54', 'Item_attributes', (e) => has(e, 'cbc:Name') && has(e, 'cbc:Value')),
  fatal('BR-65', 'Item_classification_identifier', hasAttributeNamed('listID')),
  fatal('BR-64', 'Item_standard_identifier', hasAttributeNamed('schemeID')),
];

/** Assertions on invoice lines, periods and items. */
export const UBL_MODEL_LINE_ASSERTIONS: readonly Assertion[] = [...LINE_ASSERTIONS, ...LINE_ALLOWANCE_CHARGE_ASSERTIONS, ...PERIOD_AND_ITEM_ASSERTIONS];
