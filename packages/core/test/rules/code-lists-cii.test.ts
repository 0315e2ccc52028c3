import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validate } from '@einvoice-hub/core';

/** The BR-CL rules that fire on a CII invoice fragment, in document order. */
function codeRules(body: string): string[] {
  const xml =
    '<rsm:CrossIndustryInvoice xmlns:rsm="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100"' +
    ' xmlns:ram="urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100"' +
    ` xmlns:udt="urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100">${body}</rsm:CrossIndustryInvoice>`;
  return validate(xml)
    .findings.filter((f) => f.rule.startsWith('BR-CL-'))
    .map((f) => `${f.rule} ${f.severity}`);
}

const transaction = (inner: string) => `<rsm:SupplyChainTradeTransaction>${inner}</rsm:SupplyChainTradeTransaction>`;
const product = (inner: string) =>
  transaction(`<ram:IncludedSupplyChainTradeLineItem><ram:SpecifiedTradeProduct>${inner}</ram:SpecifiedTradeProduct></ram:IncludedSupplyChainTradeLineItem>`);

describe('EN 16931 code-list rules in CII', () => {
  it('BR-CL-01 checks only the type code of the exchanged document, against the joint invoice and credit note list', () => {
    assert.deepEqual(codeRules('<rsm:ExchangedDocument><ram:TypeCode> 381 </ram:TypeCode></rsm:ExchangedDocument>'), []);
    assert.deepEqual(codeRules('<rsm:ExchangedDocument><ram:TypeCode>999</ram:TypeCode></rsm:ExchangedDocument>'), ['BR-CL-01 fatal']);
    // A payment means type code is BR-CL-16's.
    const means = (code: string) =>
      transaction(`<ram:ApplicableHeaderTradeSettlement><ram:SpecifiedTradeSettlementPaymentMeans><ram:TypeCode>${code}</ram:TypeCode></ram:SpecifiedTradeSettlementPaymentMeans></ram:ApplicableHeaderTradeSettlement>`);
    assert.deepEqual(codeRules(means('380')), ['BR-CL-16 fatal']);
    assert.deepEqual(codeRules(means('58')), []);
  });

  it('BR-CL-03 applies to a tax total amount with a currencyID only', () => {
    const total = (attributes: string) =>
      transaction(`<ram:ApplicableHeaderTradeSettlement><ram:SpecifiedTradeSettlementHeaderMonetarySummation><ram:TaxTotalAmount${attributes}>1</ram:TaxTotalAmount></ram:SpecifiedTradeSettlementHeaderMonetarySummation></ram:ApplicableHeaderTradeSettlement>`);
    assert.deepEqual(codeRules(total('')), []);
    assert.deepEqual(codeRules(total(' currencyID="EUR"')), []);
    assert.deepEqual(codeRules(total(' currencyID=""')), ['BR-CL-03 fatal']);
  });

  it('BR-CL-10 leaves product and ship-to global identifiers to BR-CL-21 and BR-CL-26', () => {
    const seller = (scheme: string) =>
      transaction(`<ram:ApplicableHeaderTradeAgreement><ram:SellerTradeParty><ram:GlobalID schemeID="${scheme}">1</ram:GlobalID></ram:SellerTradeParty></ram:ApplicableHeaderTradeAgreement>`);
    assert.deepEqual(codeRules(seller('0088')), []);
    assert.deepEqual(codeRules(seller('SEPA')), ['BR-CL-10 fatal']);
    assert.deepEqual(codeRules(product('<ram:GlobalID schemeID="XX">1</ram:GlobalID>')), ['BR-CL-21 fatal']);
    const shipTo = (delivery: string) =>
      transaction(`<${delivery}><ram:ShipToTradeParty><ram:GlobalID schemeID="XX">1</ram:GlobalID></ram:ShipToTradeParty></${delivery}>`);
    assert.deepEqual(codeRules(shipTo('ram:ApplicableHeaderTradeDelivery')), ['BR-CL-26 fatal']);
    // A ship-to party elsewhere is excluded from BR-CL-10 and not in BR-CL-26's context: no rule applies.
    assert.deepEqual(codeRules(shipTo('ram:SpecifiedLineTradeDelivery')), []);
  });

  it('BR-CL-11 checks every ram:ID with a schemeID outside a tax registration, before BR-CL-15 can', () => {
    const legal = (scheme: string) =>
      transaction(`<ram:ApplicableHeaderTradeAgreement><ram:BuyerTradeParty><ram:SpecifiedLegalOrganization><ram:ID schemeID="${scheme}">1</ram:ID></ram:SpecifiedLegalOrganization></ram:BuyerTradeParty></ram:ApplicableHeaderTradeAgreement>`);
    assert.deepEqual(codeRules(legal('0002')), []);
    assert.deepEqual(codeRules(legal('VA')), ['BR-CL-11 fatal']);
    const registration = '<ram:SpecifiedTaxRegistration><ram:ID schemeID="VA">DE123</ram:ID></ram:SpecifiedTaxRegistration>';
    assert.deepEqual(codeRules(transaction(`<ram:ApplicableHeaderTradeAgreement><ram:SellerTradeParty>${registration}</ram:SellerTradeParty></ram:ApplicableHeaderTradeAgreement>`)), []);
    // First match: an origin country ID with a schemeID is BR-CL-11's, so its value is not checked.
    assert.deepEqual(codeRules(product('<ram:OriginTradeCountry><ram:ID schemeID="0088">XX</ram:ID></ram:OriginTradeCountry>')), []);
    assert.deepEqual(codeRules(product('<ram:OriginTradeCountry><ram:ID>XX</ram:ID></ram:OriginTradeCountry>')), ['BR-CL-15 fatal']);
  });

  it('BR-CL-17/18 tell a tax category from an applicable trade tax by the parent', () => {
    const charge = '<ram:CategoryTradeTax><ram:CategoryCode>Q</ram:CategoryCode></ram:CategoryTradeTax>';
    const tax = '<ram:ApplicableTradeTax><ram:CategoryCode>s</ram:CategoryCode></ram:ApplicableTradeTax>';
    assert.deepEqual(codeRules(transaction(`<ram:ApplicableHeaderTradeSettlement><ram:SpecifiedTradeAllowanceCharge>${charge}</ram:SpecifiedTradeAllowanceCharge>${tax}</ram:ApplicableHeaderTradeSettlement>`)), [
      'BR-CL-17 fatal',
      'BR-CL-18 fatal',
    ]);
  });

  it('BR-CL-19/20 read the charge indicator from udt:Indicator', () => {
    const charge = (indicator: string, reason: string) =>
      transaction(`<ram:ApplicableHeaderTradeSettlement><ram:SpecifiedTradeAllowanceCharge><ram:ChargeIndicator><udt:Indicator>${indicator}</udt:Indicator></ram:ChargeIndicator><ram:ReasonCode>${reason}</ram:ReasonCode></ram:SpecifiedTradeAllowanceCharge></ram:ApplicableHeaderTradeSettlement>`);
    assert.deepEqual(codeRules(charge('false', '95')), []);
    assert.deepEqual(codeRules(charge('false', 'FC')), ['BR-CL-19 fatal']);
    assert.deepEqual(codeRules(charge('true', 'FC')), []);
    assert.deepEqual(codeRules(charge('true', '95')), ['BR-CL-20 fatal']);
  });

  it('uses the CII country list: AN is a country, SS is not', () => {
    const country = (code: string) =>
      transaction(`<ram:ApplicableHeaderTradeAgreement><ram:SellerTradeParty><ram:PostalTradeAddress><ram:CountryID>${code}</ram:CountryID></ram:PostalTradeAddress></ram:SellerTradeParty></ram:ApplicableHeaderTradeAgreement>`);
    assert.deepEqual(codeRules(country('AN')), []);
    assert.deepEqual(codeRules(country('SS')), ['BR-CL-14 fatal']);
  });

  it('BR-CL-08 in CII checks the subject code as a whole code', () => {
    const note = (code: string) => `<rsm:ExchangedDocument><ram:IncludedNote><ram:SubjectCode>${code}</ram:SubjectCode></ram:IncludedNote></rsm:ExchangedDocument>`;
    assert.deepEqual(codeRules(note('BAT')), []);
    assert.deepEqual(codeRules(note('A A')), ['BR-CL-08 fatal']);
  });
});
