import type { XmlElement } from '../../../xml/xml-element.js';
import { fatal, type Assertion } from '../../binding.js';
import { filledPath } from '../../assertion-tests.js';
import type { DocumentIndex } from '../../document-index.js';
import { at, filled, has, stringValue } from '../../xpath.js';
import { attributeFilled, firstKids, withAttribute } from './cii-model-query.js';

/**
 * The CII model rules checked once on the document element (`/rsm:CrossIndustryInvoice`, context
 * `Invoice`): mandatory document-level terms, electronic addresses and the split-payment rules BR-B-01/02.
 * BR-CO-15 lives with the totals; the VAT category rules of this context are declared with the VAT rules.
 */

const SELLER = 'rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeAgreement/ram:SellerTradeParty';
const BUYER = 'rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeAgreement/ram:BuyerTradeParty';
// Paths below a party go through at(at(e, SELLER), '…'): the same node-set as one long path, without
// building a new path string on every call.

/**
 * BR-62/BR-63: `normalize-space(party/ram:URIUniversalCommunication[1]/ram:URIID/@schemeID) != ''` or the
 * party has no electronic address at all.
 */
function electronicAddressHasScheme(invoice: XmlElement, party: string): boolean {
  const parties = at(invoice, party);
  const communications = firstKids(parties, 'ram:URIUniversalCommunication');
  return attributeFilled(at(communications, 'ram:URIID'), 'schemeID') || !has(parties, 'ram:URIUniversalCommunication');
}

/** `//ram:CategoryCode = code`: some VAT category code anywhere in the document is exactly `code`. */
function someCategoryCode(doc: DocumentIndex, code: string): boolean {
  return doc.all('ram:CategoryCode').some((node) => stringValue(node) === code);
}

/** The assertions of the `Invoice` context owned by the model binding (all but BR-CO-15 and the VAT categories). */
export const CII_MODEL_INVOICE_ASSERTIONS: readonly Assertion[] = [
  fatal('BR-01', 'Invoice', filledPath('rsm:ExchangedDocumentContext/ram:GuidelineSpecifiedDocumentContextParameter/ram:ID')),
  fatal('BR-02', 'Invoice', filledPath('rsm:ExchangedDocument/ram:ID')),
  fatal('BR-03', 'Invoice', (e) => {
    // udt:DateTimeString[@format='102']: only a date in format 102 counts.
    const dates = withAttribute(at(e, 'rsm:ExchangedDocument/ram:IssueDateTime/udt:DateTimeString'), 'format', '102');
    return filled(dates);
  }),
  fatal('BR-04', 'Invoice', filledPath('rsm:ExchangedDocument/ram:TypeCode')),
  fatal('BR-05', 'Invoice', filledPath('rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement/ram:InvoiceCurrencyCode')),
  fatal('BR-06', 'Invoice', (e) => filled(at(e, SELLER), 'ram:Name')),
  fatal('BR-07', 'Invoice', (e) => filled(at(e, BUYER), 'ram:Name')),
  fatal('BR-08', 'Invoice', (e) => has(at(e, SELLER), 'ram:PostalTradeAddress')),
  fatal('BR-09', 'Invoice', (e) => filled(at(e, SELLER), 'ram:PostalTradeAddress/ram:CountryID')),
  fatal('BR-10', 'Invoice', (e) => has(at(e, BUYER), 'ram:PostalTradeAddress')),
  fatal('BR-11', 'Invoice', (e) => filled(at(e, BUYER), 'ram:PostalTradeAddress/ram:CountryID')),
  fatal('BR-16', 'Invoice', (_e, doc) => doc.all('ram:IncludedSupplyChainTradeLineItem').length > 0),
  fatal('BR-62', 'Invoice', (e) => electronicAddressHasScheme(e, SELLER)),
  fatal('BR-63', 'Invoice', (e) => electronicAddressHasScheme(e, BUYER)),
  // not(//ram:CountryID != 'IT') and //ram:CategoryCode = 'B', or no category B at all: every country code
  // in the document is IT when split payment is used.
  fatal('BR-B-01', 'Invoice', (_e, doc) => !someCategoryCode(doc, 'B') || doc.all('ram:CountryID').every((node) => stringValue(node) === 'IT')),
  // Split payment (B) and standard rate (S) never in the same document.
  fatal('BR-B-02', 'Invoice', (_e, doc) => !(someCategoryCode(doc, 'B') && someCategoryCode(doc, 'S'))),
];
