import type { XmlElement } from '../../../xml/xml-element.js';
import { fatal, type Assertion } from '../../binding.js';
import { filledPath, hasAnyPath, hasPath } from '../../assertion-tests.js';
import type { DocumentIndex } from '../../document-index.js';
import { at, decimal, decimalAt, filled, has, kids, round2, stringLength, stringValue, substringAfter, valueIs } from '../../xpath.js';

/**
 * The UBL binding of the core rules checked on the invoice or credit note as a whole (context `Invoice`,
 * `/ubl:Invoice | /cn:CreditNote`): mandatory header terms, the VAT total in both currencies and split payment.
 */

const SELLER = 'cac:AccountingSupplierParty/cac:Party';
const BUYER = 'cac:AccountingCustomerParty/cac:Party';

/** `//cac:TaxTotal/cbc:TaxAmount`: every VAT total amount, document or line level. */
function allTaxAmounts(doc: DocumentIndex): readonly XmlElement[] {
  return doc.once('ubl-model:tax-amounts', () => at(doc.all('cac:TaxTotal'), 'cbc:TaxAmount'));
}

/**
 * BR-DEC-13/15 select `//cac:TaxTotal/cbc:TaxAmount[@currencyID = cbc:X]`; inside the predicate `cbc:X` is a child
 * of the tax amount itself, which a UBL amount never has, so in practice nothing is selected and the rule holds.
 * Kept literal: the first amount whose currency equals a child `cbc:X` must have at most 2 decimals.
 */
function currencyAmountDecimalsOk(doc: DocumentIndex, childName: string): boolean {
  const selected = allTaxAmounts(doc).filter((amount) => {
    const currency = amount.attributes['currencyID'];
    return currency !== undefined && kids(amount, childName).some((code) => stringValue(code) === currency);
  });
  const first = selected[0];
  return first === undefined || stringLength(substringAfter(stringValue(first), '.')) <= 2;
}

/** BR-CO-15 for one document currency: one VAT total in it, and BT-112 = round(BT-109 + BT-110, 2). */
function totalWithVatOk(root: XmlElement, currency: string): boolean {
  const vatTotals = at(root, 'cac:TaxTotal/cbc:TaxAmount').filter((amount) => amount.attributes['currencyID'] === currency);
  if (vatTotals.length !== 1) return false;
  const vat = decimal(stringValue(vatTotals[0]));
  const withVat = decimalAt(root, 'cac:LegalMonetaryTotal/cbc:TaxInclusiveAmount');
  const withoutVat = decimalAt(root, 'cac:LegalMonetaryTotal/cbc:TaxExclusiveAmount');
  if (vat === undefined || withVat === undefined || withoutVat === undefined) return false;
  return withVat.equals(round2(withoutVat.plus(vat)));
}

/** BR-B-01: split payment (B) anywhere means every country code in the document is IT. */
function splitPaymentDomestic(doc: DocumentIndex): boolean {
  const categories = [...doc.all('cac:TaxCategory'), ...doc.all('cac:ClassifiedTaxCategory')];
  const splitPayment = categories.some((category) => valueIs(category, 'cbc:ID', 'B'));
  if (!splitPayment) return true;
  return doc.all('cbc:IdentificationCode').every((code) => stringValue(code) === 'IT');
}

/** BR-B-02: some category (VAT breakdown, document allowance or charge, any line) is `code`. */
function usesCategory(root: XmlElement, doc: DocumentIndex, code: string): boolean {
  return (
    valueIs(root, 'cac:TaxTotal/cac:TaxSubtotal/cac:TaxCategory/cbc:ID', code) ||
    valueIs(root, 'cac:AllowanceCharge/cac:TaxCategory/cbc:ID', code) ||
    doc.all('cac:ClassifiedTaxCategory').some((category) => valueIs(category, 'cbc:ID', code))
  );
}

/** Assertions of the context `Invoice`. */
export const UBL_MODEL_DOCUMENT_ASSERTIONS: readonly Assertion[] = [
  fatal('BR-01', 'Invoice', filledPath('cbc:CustomizationID')),
  fatal('BR-02', 'Invoice', filledPath('cbc:ID')),
  fatal('BR-03', 'Invoice', filledPath('cbc:IssueDate')),
  fatal('BR-04', 'Invoice', (e) => filled(e, 'cbc:InvoiceTypeCode') || filled(e, 'cbc:CreditNoteTypeCode')),
  fatal('BR-05', 'Invoice', filledPath('cbc:DocumentCurrencyCode')),
  fatal('BR-06', 'Invoice', filledPath(`${SELLER}/cac:PartyLegalEntity/cbc:RegistrationName`)),
  fatal('BR-07', 'Invoice', filledPath(`${BUYER}/cac:PartyLegalEntity/cbc:RegistrationName`)),
  fatal('BR-08', 'Invoice', hasPath(`${SELLER}/cac:PostalAddress`)),
  fatal('BR-10', 'Invoice', hasPath(`${BUYER}/cac:PostalAddress`)),
  fatal('BR-16', 'Invoice', hasAnyPath('cac:InvoiceLine', 'cac:CreditNoteLine')),
  // Every VAT accounting currency (BT-6) has a VAT total (BT-111) in it, anywhere in the document.
  fatal('BR-53', 'Invoice', (e, doc) =>
    kids(e, 'cbc:TaxCurrencyCode').every((code) => {
      const currency = stringValue(code);
      return allTaxAmounts(doc).some((amount) => amount.attributes['currencyID'] === currency);
    }),
  ),
  fatal('BR-CO-03', 'Invoice', (e) => !(has(e, 'cbc:TaxPointDate') && has(e, 'cac:InvoicePeriod/cbc:DescriptionCode'))),
  fatal('BR-CO-15', 'Invoice', (e) => kids(e, 'cbc:DocumentCurrencyCode').every((code) => totalWithVatOk(e, stringValue(code)))),
  fatal('BR-CO-18', 'Invoice', hasPath('cac:TaxTotal/cac:TaxSubtotal')),
  fatal('BR-DEC-13', 'Invoice', (_e, doc) => currencyAmountDecimalsOk(doc, 'cbc:DocumentCurrencyCode')),
  fatal('BR-DEC-15', 'Invoice', (_e, doc) => currencyAmountDecimalsOk(doc, 'cbc:TaxCurrencyCode')),
  fatal('BR-B-01', 'Invoice', (_e, doc) => splitPaymentDomestic(doc)),
  fatal('BR-B-02', 'Invoice', (e, doc) => !(usesCategory(e, doc, 'B') && usesCategory(e, doc, 'S'))),
];
