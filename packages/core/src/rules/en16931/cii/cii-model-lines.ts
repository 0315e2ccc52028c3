import type { XmlElement } from '../../../xml/xml-element.js';
import { fatal, type Assertion } from '../../binding.js';
import { decimalsAtMostPath, filledPath, hasPath } from '../../assertion-tests.js';
import type { DocumentIndex } from '../../document-index.js';
import { at, has } from '../../xpath.js';
import { attributeFilled, attributes, hasAncestors, isVatType, someAtLeast, someNotNegative, withAttribute } from './cii-model-query.js';

/** The CII model rules on invoice lines (BG-25), their period (BG-26) and item attributes (BG-32), and on the invoicing period (BG-14). */

const LINE_NET_AMOUNT = 'ram:SpecifiedLineTradeSettlement/ram:SpecifiedTradeSettlementLineMonetarySummation/ram:LineTotalAmount';

/** `//rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement/ram:ApplicableTradeTax` exists (memoised). */
function hasVatBreakdown(doc: DocumentIndex): boolean {
  return doc.once('cii-model:has-vat-breakdown', () =>
    doc.all('ram:ApplicableTradeTax').some((tax) => hasAncestors(tax, ['ram:ApplicableHeaderTradeSettlement', 'rsm:SupplyChainTradeTransaction'])),
  );
}

/** `ram:<date>/udt:DateTimeString[@format = '102']`. */
function datesOf(period: XmlElement, date: 'ram:StartDateTime' | 'ram:EndDateTime'): readonly XmlElement[] {
  return withAttribute(at(at(period, date), 'udt:DateTimeString'), 'format', '102');
}

/**
 * BR-29/BR-30: `(end dates in format 102) >= (start dates in format 102)` — untyped values, so compared as
 * strings — or one of the two dates is absent.
 */
function endNotBeforeStart(period: XmlElement): boolean {
  return (
    someAtLeast(datesOf(period, 'ram:EndDateTime'), datesOf(period, 'ram:StartDateTime')) ||
    !has(period, 'ram:EndDateTime') ||
    !has(period, 'ram:StartDateTime')
  );
}

/** BR-CO-19/BR-CO-20: a period has a start or an end date. */
function hasStartOrEnd(period: XmlElement): boolean {
  return has(period, 'ram:StartDateTime') || has(period, 'ram:EndDateTime');
}

/** The assertions of the line, period and item attribute contexts. */
export const CII_MODEL_LINE_ASSERTIONS: readonly Assertion[] = [
  fatal('BR-21', 'Invoice_line', filledPath('ram:AssociatedDocumentLineDocument/ram:LineID')),
  fatal('BR-22', 'Invoice_line', hasPath('ram:SpecifiedLineTradeDelivery/ram:BilledQuantity')),
  fatal('BR-23', 'Invoice_line', (e) => attributes(at(e, 'ram:SpecifiedLineTradeDelivery/ram:BilledQuantity'), 'unitCode').length > 0),
  fatal('BR-24', 'Invoice_line', hasPath(LINE_NET_AMOUNT)),
  fatal('BR-25', 'Invoice_line', filledPath('ram:SpecifiedTradeProduct/ram:Name')),
  fatal('BR-26', 'Invoice_line', hasPath('ram:SpecifiedLineTradeAgreement/ram:NetPriceProductTradePrice/ram:ChargeAmount')),
  // BR-27/BR-28: `price >= 0` compares the untyped price as an xs:double, existentially.
  fatal('BR-27', 'Invoice_line', (e) => someNotNegative(at(e, 'ram:SpecifiedLineTradeAgreement/ram:NetPriceProductTradePrice/ram:ChargeAmount'))),
  fatal('BR-28', 'Invoice_line', (e) => {
    const gross = at(e, 'ram:SpecifiedLineTradeAgreement/ram:GrossPriceProductTradePrice/ram:ChargeAmount');
    return someNotNegative(gross) || gross.length === 0;
  }),
  fatal('BR-64', 'Invoice_line', (e) => {
    const identifiers = at(e, 'ram:SpecifiedTradeProduct/ram:GlobalID');
    return attributeFilled(identifiers, 'schemeID') || identifiers.length === 0;
  }),
  fatal('BR-CO-04', 'Invoice_line', (e) =>
    at(e, 'ram:SpecifiedLineTradeSettlement/ram:ApplicableTradeTax').some((tax) => isVatType(tax) && has(tax, 'ram:CategoryCode')),
  ),
  fatal('BR-CO-18', 'Invoice_line', (_e, doc) => hasVatBreakdown(doc)),
  fatal('BR-DEC-23', 'Invoice_line', decimalsAtMostPath(LINE_NET_AMOUNT, 2)),

  fatal('BR-30', 'Invoice_line_period', endNotBeforeStart),
  fatal('BR-CO-20', 'Invoice_line_period', hasStartOrEnd),
  fatal('BR-29', 'Invoicing_period', endNotBeforeStart),
  fatal('BR-CO-19', 'Invoicing_period', hasStartOrEnd),

  fatal('BR-54', 'Item_attributes', (e) => has(e, 'ram:Description') && has(e, 'ram:Value')),
];
