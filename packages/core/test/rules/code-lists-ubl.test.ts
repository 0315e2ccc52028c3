import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validate } from '@einvoice-hub/core';

/** The BR-CL rules that fire on a UBL invoice fragment, in document order. */
function codeRules(body: string): string[] {
  const xml =
    '<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"' +
    ' xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"' +
    ` xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">${body}</Invoice>`;
  return validate(xml)
    .findings.filter((f) => f.rule.startsWith('BR-CL-'))
    .map((f) => `${f.rule} ${f.severity}`);
}

describe('EN 16931 code-list rules in UBL', () => {
  it('compares the space-normalised value with whole codes', () => {
    assert.deepEqual(codeRules('<cbc:DocumentCurrencyCode>\n  EUR\t</cbc:DocumentCurrencyCode>'), []);
    assert.deepEqual(codeRules('<cbc:DocumentCurrencyCode>EUR USD</cbc:DocumentCurrencyCode>'), ['BR-CL-04 fatal']);
    assert.deepEqual(codeRules('<cbc:DocumentCurrencyCode>EU</cbc:DocumentCurrencyCode>'), ['BR-CL-04 fatal']);
    assert.deepEqual(codeRules('<cbc:DocumentCurrencyCode>eur</cbc:DocumentCurrencyCode>'), ['BR-CL-04 fatal']);
    assert.deepEqual(codeRules('<cbc:DocumentCurrencyCode> </cbc:DocumentCurrencyCode>'), ['BR-CL-04 fatal']);
  });

  it('BR-CL-01: the invoice list for InvoiceTypeCode, the credit note list for CreditNoteTypeCode', () => {
    assert.deepEqual(codeRules('<cbc:InvoiceTypeCode>380</cbc:InvoiceTypeCode>'), []);
    assert.deepEqual(codeRules('<cbc:InvoiceTypeCode>381</cbc:InvoiceTypeCode>'), ['BR-CL-01 fatal']);
    assert.deepEqual(codeRules('<cbc:CreditNoteTypeCode>381</cbc:CreditNoteTypeCode>'), []);
    assert.deepEqual(codeRules('<cbc:CreditNoteTypeCode>380</cbc:CreditNoteTypeCode>'), ['BR-CL-01 fatal']);
  });

  it('BR-CL-03: an amount without currencyID fails (the context does not require the attribute)', () => {
    const total = (attributes: string) => `<cac:LegalMonetaryTotal><cbc:PayableAmount${attributes}>1</cbc:PayableAmount></cac:LegalMonetaryTotal>`;
    assert.deepEqual(codeRules(total(' currencyID=" EUR "')), []);
    assert.deepEqual(codeRules(total('')), ['BR-CL-03 fatal']);
    assert.deepEqual(codeRules(total(' currencyID="XYZ"')), ['BR-CL-03 fatal']);
  });

  it('BR-CL-07 applies only to an ID with a scheme under a reference typed exactly 130', () => {
    const reference = (type: string, scheme: string) =>
      `<cac:AdditionalDocumentReference><cbc:ID schemeID="${scheme}">x</cbc:ID><cbc:DocumentTypeCode>${type}</cbc:DocumentTypeCode></cac:AdditionalDocumentReference>`;
    assert.deepEqual(codeRules(reference('130', 'ABZ')), []);
    assert.deepEqual(codeRules(reference('130', 'XXX')), ['BR-CL-07 fatal']);
    assert.deepEqual(codeRules(reference(' 130', 'XXX')), []);
    assert.deepEqual(codeRules(reference('50', 'XXX')), []);
  });

  it('BR-CL-08 tests the three characters between the first two # of a note as a substring of the list text', () => {
    const note = (text: string) => codeRules(`<cbc:Note>${text}</cbc:Note>`);
    assert.deepEqual(note('#AAI#General information'), []);
    assert.deepEqual(note('#XYZ#Unknown subject'), ['BR-CL-08 fatal']);
    // Substring semantics: pieces across a separator of ' … AAA AAB … ' pass.
    assert.deepEqual(note('#A A#'), []);
    assert.deepEqual(note('# AA#'), []);
    assert.deepEqual(note('#AA #'), []);
    assert.deepEqual(note('#A  #'), ['BR-CL-08 fatal']);
    // A code present only in the CII list of 1.3.16.
    assert.deepEqual(note('#BAT#'), ['BR-CL-08 fatal']);
    // string-length counts characters, not UTF-16 units: three characters, so a (failing) subject code.
    assert.deepEqual(note('#BB\u{1F600}#'), ['BR-CL-08 fatal']);
    // Anything else is not a subject code.
    assert.deepEqual(note('No subject'), []);
    assert.deepEqual(note('#XYZ'), []);
    assert.deepEqual(note('#XY#'), []);
    assert.deepEqual(note('#XYZW#'), []);
    assert.deepEqual(note('Total #1# and #XYZ#'), []);
  });

  it('BR-CL-10 accepts SEPA for the seller and the payee only', () => {
    const id = '<cac:PartyIdentification><cbc:ID schemeID=" SEPA ">DE98ZZZ09999999999</cbc:ID></cac:PartyIdentification>';
    assert.deepEqual(codeRules(`<cac:AccountingSupplierParty><cac:Party>${id}</cac:Party></cac:AccountingSupplierParty>`), []);
    assert.deepEqual(codeRules(`<cac:PayeeParty>${id}</cac:PayeeParty>`), []);
    assert.deepEqual(codeRules(`<cac:AccountingCustomerParty><cac:Party>${id}</cac:Party></cac:AccountingCustomerParty>`), [
      'BR-CL-10 fatal',
    ]);
  });

  it('BR-CL-19/20 pick the list from the charge indicator (an xs:boolean, so " true " is true)', () => {
    const charge = (indicator: string, reason: string) =>
      `<cac:AllowanceCharge><cbc:ChargeIndicator>${indicator}</cbc:ChargeIndicator><cbc:AllowanceChargeReasonCode>${reason}</cbc:AllowanceChargeReasonCode></cac:AllowanceCharge>`;
    assert.deepEqual(codeRules(charge('false', '95')), []);
    assert.deepEqual(codeRules(charge('0', 'FC')), ['BR-CL-19 fatal']);
    assert.deepEqual(codeRules(charge(' true ', 'FC')), []);
    assert.deepEqual(codeRules(charge('1', '95')), ['BR-CL-20 fatal']);
    // Not an xs:boolean: the official XPath stops with a cast error; here neither context applies.
    assert.deepEqual(codeRules(charge('yes', 'nonsense')), []);
  });

  it('BR-CL-22 compares the exemption reason code in upper case', () => {
    assert.deepEqual(codeRules('<cbc:TaxExemptionReasonCode> vatex-eu-ae </cbc:TaxExemptionReasonCode>'), []);
    assert.deepEqual(codeRules('<cbc:TaxExemptionReasonCode>VATEX-EU-XX</cbc:TaxExemptionReasonCode>'), ['BR-CL-22 fatal']);
  });

  it('BR-CL-23 normalises the unit code, BR-CL-24 compares the MIME code as is', () => {
    assert.deepEqual(codeRules('<cac:InvoiceLine><cbc:InvoicedQuantity unitCode=" C62 ">1</cbc:InvoicedQuantity></cac:InvoiceLine>'), []);
    assert.deepEqual(codeRules('<cac:InvoiceLine><cbc:InvoicedQuantity>1</cbc:InvoicedQuantity></cac:InvoiceLine>'), []);
    const attachment = (mime: string) =>
      `<cac:AdditionalDocumentReference><cac:Attachment><cbc:EmbeddedDocumentBinaryObject mimeCode="${mime}" filename="a">AA==</cbc:EmbeddedDocumentBinaryObject></cac:Attachment></cac:AdditionalDocumentReference>`;
    assert.deepEqual(codeRules(attachment('application/pdf')), []);
    assert.deepEqual(codeRules(attachment('application/pdf ')), ['BR-CL-24 fatal']);
    assert.deepEqual(codeRules(attachment('APPLICATION/PDF')), ['BR-CL-24 fatal']);
  });

  it('uses the UBL country list: SS is a country, AN is not', () => {
    const country = (code: string) => `<cac:PostalAddress><cac:Country><cbc:IdentificationCode>${code}</cbc:IdentificationCode></cac:Country></cac:PostalAddress>`;
    assert.deepEqual(codeRules(country('SS')), []);
    assert.deepEqual(codeRules(country('AN')), ['BR-CL-14 fatal']);
  });
});
