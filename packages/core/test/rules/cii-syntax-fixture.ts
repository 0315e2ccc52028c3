import { compileRuleSet } from '../../src/rules/compile.js';
import { DocumentIndex } from '../../src/rules/document-index.js';
import { runRuleSets } from '../../src/rules/engine.js';
import { CII_SYNTAX_ASSERTIONS, CII_SYNTAX_CONTEXTS, CII_SYNTAX_DEFINITIONS } from '../../src/rules/en16931/cii/cii-syntax.js';
import { readXml } from '../../src/xml/xml-read.js';

/**
 * A small CII invoice for the CII syntax rule tests, with named slots to change, and a runner of the CII
 * syntax pattern alone (so the tests do not depend on the other EN 16931 patterns).
 */

/** The parts of the fixture invoice a test may replace or extend; each has a clean default. */
export type CiiSlots = {
  rootAttributes: string;
  context: string;
  /** The whole guideline parameter (BT-24); by default one built with `guidelineIdAttributes`. */
  guideline: string;
  guidelineIdAttributes: string;
  invoiceIdAttributes: string;
  typeCodeAttributes: string;
  issueDate: string;
  document: string;
  /** The whole list of lines; by default one line built from the line slots below. */
  lines: string;
  lineIdAttributes: string;
  lineDocument: string;
  sellerIdAttributes: string;
  product: string;
  lineAgreement: string;
  netPrice: string;
  billedQuantityAttributes: string;
  lineDelivery: string;
  lineTax: string;
  lineSettlement: string;
  agreement: string;
  delivery: string;
  settlement: string;
  headerTax: string;
  totals: string;
};

const DEFAULTS: CiiSlots = {
  rootAttributes: '',
  context: '',
  guideline: '',
  guidelineIdAttributes: '',
  invoiceIdAttributes: '',
  typeCodeAttributes: '',
  issueDate: '20240131',
  document: '',
  lines: '',
  lineIdAttributes: '',
  lineDocument: '',
  sellerIdAttributes: '',
  product: '',
  lineAgreement: '',
  netPrice: '<ram:ChargeAmount>100.00</ram:ChargeAmount>',
  billedQuantityAttributes: ' unitCode="C62"',
  lineDelivery: '',
  lineTax: vatTax('S', '20'),
  lineSettlement: '',
  agreement: '',
  delivery: '',
  settlement: '',
  headerTax: `<ram:ApplicableTradeTax><ram:CalculatedAmount>20.00</ram:CalculatedAmount><ram:TypeCode>VAT</ram:TypeCode><ram:BasisAmount>100.00</ram:BasisAmount><ram:CategoryCode>S</ram:CategoryCode><ram:RateApplicablePercent>20</ram:RateApplicablePercent></ram:ApplicableTradeTax>`,
  totals:
    '<ram:LineTotalAmount>100.00</ram:LineTotalAmount><ram:TaxBasisTotalAmount>100.00</ram:TaxBasisTotalAmount>' +
    '<ram:TaxTotalAmount currencyID="EUR">20.00</ram:TaxTotalAmount><ram:GrandTotalAmount>120.00</ram:GrandTotalAmount>' +
    '<ram:DuePayableAmount>120.00</ram:DuePayableAmount>',
};

/** A line-level VAT element. */
export function vatTax(category: string, rate: string): string {
  return `<ram:ApplicableTradeTax><ram:TypeCode>VAT</ram:TypeCode><ram:CategoryCode>${category}</ram:CategoryCode><ram:RateApplicablePercent>${rate}</ram:RateApplicablePercent></ram:ApplicableTradeTax>`;
}

/** One invoice line from the line slots. */
export function ciiLine(slots: Partial<CiiSlots> = {}): string {
  const s = { ...DEFAULTS, ...slots };
  return `<ram:IncludedSupplyChainTradeLineItem>
      <ram:AssociatedDocumentLineDocument><ram:LineID${s.lineIdAttributes}>1</ram:LineID>${s.lineDocument}</ram:AssociatedDocumentLineDocument>
      <ram:SpecifiedTradeProduct><ram:SellerAssignedID${s.sellerIdAttributes}>A-1</ram:SellerAssignedID><ram:Name>Widget</ram:Name>${s.product}</ram:SpecifiedTradeProduct>
      <ram:SpecifiedLineTradeAgreement>${s.lineAgreement}<ram:NetPriceProductTradePrice>${s.netPrice}</ram:NetPriceProductTradePrice></ram:SpecifiedLineTradeAgreement>
      <ram:SpecifiedLineTradeDelivery><ram:BilledQuantity${s.billedQuantityAttributes}>1</ram:BilledQuantity>${s.lineDelivery}</ram:SpecifiedLineTradeDelivery>
      <ram:SpecifiedLineTradeSettlement>${s.lineTax}${s.lineSettlement}<ram:SpecifiedTradeSettlementLineMonetarySummation><ram:LineTotalAmount>100.00</ram:LineTotalAmount></ram:SpecifiedTradeSettlementLineMonetarySummation></ram:SpecifiedLineTradeSettlement>
    </ram:IncludedSupplyChainTradeLineItem>`;
}

/** The fixture invoice with some slots replaced. */
export function cii(slots: Partial<CiiSlots> = {}): string {
  const s = { ...DEFAULTS, ...slots };
  const lines = slots.lines ?? ciiLine(slots);
  const guideline =
    slots.guideline ??
    `<ram:GuidelineSpecifiedDocumentContextParameter><ram:ID${s.guidelineIdAttributes}>urn:cen.eu:en16931:2017</ram:ID></ram:GuidelineSpecifiedDocumentContextParameter>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<rsm:CrossIndustryInvoice xmlns:rsm="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100"
    xmlns:ram="urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100"
    xmlns:qdt="urn:un:unece:uncefact:data:standard:QualifiedDataType:100"
    xmlns:udt="urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100"${s.rootAttributes}>
  <rsm:ExchangedDocumentContext>${s.context}
    ${guideline}
  </rsm:ExchangedDocumentContext>
  <rsm:ExchangedDocument>
    <ram:ID${s.invoiceIdAttributes}>INV-1</ram:ID>
    <ram:TypeCode${s.typeCodeAttributes}>380</ram:TypeCode>
    <ram:IssueDateTime><udt:DateTimeString format="102">${s.issueDate}</udt:DateTimeString></ram:IssueDateTime>${s.document}
  </rsm:ExchangedDocument>
  <rsm:SupplyChainTradeTransaction>
    ${lines}
    <ram:ApplicableHeaderTradeAgreement>
      <ram:SellerTradeParty><ram:Name>Seller</ram:Name><ram:PostalTradeAddress><ram:CountryID>FR</ram:CountryID></ram:PostalTradeAddress></ram:SellerTradeParty>
      <ram:BuyerTradeParty><ram:Name>Buyer</ram:Name><ram:PostalTradeAddress><ram:CountryID>FR</ram:CountryID></ram:PostalTradeAddress></ram:BuyerTradeParty>${s.agreement}
    </ram:ApplicableHeaderTradeAgreement>
    <ram:ApplicableHeaderTradeDelivery>${s.delivery}</ram:ApplicableHeaderTradeDelivery>
    <ram:ApplicableHeaderTradeSettlement>
      <ram:InvoiceCurrencyCode>EUR</ram:InvoiceCurrencyCode>${s.settlement}
      ${s.headerTax}
      <ram:SpecifiedTradeSettlementHeaderMonetarySummation>${s.totals}</ram:SpecifiedTradeSettlementHeaderMonetarySummation>
    </ram:ApplicableHeaderTradeSettlement>
  </rsm:SupplyChainTradeTransaction>
</rsm:CrossIndustryInvoice>`;
}

const COMPILED = compileRuleSet({
  name: 'cii-syntax',
  syntax: 'cii',
  contexts: CII_SYNTAX_CONTEXTS,
  assertions: CII_SYNTAX_ASSERTIONS,
  definitions: CII_SYNTAX_DEFINITIONS,
});

/** The CII syntax findings of a document, as `rule severity`, sorted. */
export function syntaxFindings(xml: string): string[] {
  return runRuleSets(new DocumentIndex(readXml(xml), 'cii'), [COMPILED])
    .map((f) => `${f.rule} ${f.severity}`)
    .sort();
}

/** The CII syntax findings with their element paths, as `rule path`. */
export function syntaxFindingPaths(xml: string): string[] {
  return runRuleSets(new DocumentIndex(readXml(xml), 'cii'), [COMPILED]).map((f) => `${f.rule} ${f.path}`);
}
