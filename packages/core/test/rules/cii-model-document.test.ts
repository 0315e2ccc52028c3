import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, it } from 'node:test';
import { exampleFiles } from '../support/shared.js';
import { ciiDocument, fires, modelFindings } from './cii-model-support.js';

/** The CII model rules on the document, the parties and payment, and the official examples. */

describe('CII model rules on the official examples', () => {
  for (const file of exampleFiles('cii')) {
    it(`${basename(file)}: no finding`, () => {
      assert.deepEqual(
        modelFindings(readFileSync(file)).map((f) => `${f.rule} ${f.path}`),
        [],
      );
    });
  }
});

describe('CII document level rules (context Invoice)', () => {
  it('BR-03 wants an issue date in format 102', () => {
    const header = (format: string) => `<rsm:ExchangedDocument><ram:IssueDateTime><udt:DateTimeString format="${format}">20240101</udt:DateTimeString></ram:IssueDateTime></rsm:ExchangedDocument>`;
    assert.ok(!fires('BR-03', ciiDocument({ header: header('102') })));
    assert.ok(fires('BR-03', ciiDocument({ header: header('610') })));
  });

  it('BR-16 wants an invoice line', () => {
    assert.ok(fires('BR-16', ciiDocument({})));
  });

  it('BR-62 looks at the first electronic address of the seller only', () => {
    const seller = (...schemes: (string | undefined)[]) =>
      ciiDocument({
        agreement: `<ram:SellerTradeParty>${schemes
          .map((scheme) => `<ram:URIUniversalCommunication><ram:URIID${scheme === undefined ? '' : ` schemeID="${scheme}"`}>a@b.c</ram:URIID></ram:URIUniversalCommunication>`)
          .join('')}</ram:SellerTradeParty>`,
      });
    assert.ok(!fires('BR-62', seller()));
    assert.ok(!fires('BR-62', seller('EM', undefined)));
    assert.ok(fires('BR-62', seller(undefined, 'EM')));
    assert.ok(fires('BR-62', seller(' ')));
  });

  it('BR-B-01: split payment only when every country code in the document is IT', () => {
    const doc = (countries: string[], category: string) =>
      ciiDocument({
        agreement: `<ram:SellerTradeParty>${countries.map((c) => `<ram:PostalTradeAddress><ram:CountryID>${c}</ram:CountryID></ram:PostalTradeAddress>`).join('')}</ram:SellerTradeParty>`,
        settlement: `<ram:ApplicableTradeTax><ram:CategoryCode>${category}</ram:CategoryCode></ram:ApplicableTradeTax>`,
      });
    assert.ok(!fires('BR-B-01', doc(['IT', 'IT'], 'B')));
    assert.ok(fires('BR-B-01', doc(['IT', 'DE'], 'B')));
    assert.ok(!fires('BR-B-01', doc(['DE'], 'S')));
  });

  it('BR-B-02: no standard rated category in a split payment document', () => {
    const doc = (...categories: string[]) =>
      ciiDocument({ settlement: categories.map((c) => `<ram:ApplicableTradeTax><ram:CategoryCode>${c}</ram:CategoryCode></ram:ApplicableTradeTax>`).join('') });
    assert.ok(fires('BR-B-02', doc('B', 'S')));
    assert.ok(!fires('BR-B-02', doc('B', 'Z')));
    assert.ok(!fires('BR-B-02', doc('S')));
  });
});

describe('CII party rules', () => {
  const seller =
    '<ram:SellerTradeParty><ram:ID>S1</ram:ID><ram:Name>Seller Ltd</ram:Name><ram:SpecifiedLegalOrganization><ram:ID>L1</ram:ID></ram:SpecifiedLegalOrganization></ram:SellerTradeParty>';
  const withPayee = (payee: string) => ciiDocument({ agreement: seller, settlement: `<ram:PayeeTradeParty>${payee}</ram:PayeeTradeParty>` });

  it('BR-17: a payee has a name and differs from the seller in name, identifier and legal registration', () => {
    assert.ok(!fires('BR-17', withPayee('<ram:ID>P1</ram:ID><ram:Name>Factor plc</ram:Name>')));
    assert.ok(fires('BR-17', withPayee('<ram:ID>P1</ram:ID>')));
    assert.ok(fires('BR-17', withPayee('<ram:Name>Seller Ltd</ram:Name>')));
    assert.ok(fires('BR-17', withPayee('<ram:ID>P1</ram:ID><ram:ID>S1</ram:ID><ram:Name>Factor plc</ram:Name>')));
    assert.ok(fires('BR-17', withPayee('<ram:Name>Factor plc</ram:Name><ram:SpecifiedLegalOrganization><ram:ID>L1</ram:ID></ram:SpecifiedLegalOrganization>')));
  });

  it('BR-CO-26: the seller is identified by an identifier, a legal registration or a VAT identifier', () => {
    const doc = (inner: string) => ciiDocument({ agreement: `<ram:SellerTradeParty><ram:Name>S</ram:Name>${inner}</ram:SellerTradeParty>` });
    assert.ok(fires('BR-CO-26', doc('')));
    assert.ok(fires('BR-CO-26', doc('<ram:SpecifiedTaxRegistration><ram:ID schemeID="FC">123</ram:ID></ram:SpecifiedTaxRegistration>')));
    assert.ok(!fires('BR-CO-26', doc('<ram:SpecifiedTaxRegistration><ram:ID schemeID="VA">DE123</ram:ID></ram:SpecifiedTaxRegistration>')));
    assert.ok(!fires('BR-CO-26', doc('<ram:GlobalID schemeID="0088">4000001000005</ram:GlobalID>')));
  });

  it('BR-CO-09: a VAT identifier starts with a prefix of the CII list', () => {
    const doc = (id: string, scheme = 'VA') =>
      ciiDocument({ agreement: `<ram:BuyerTradeParty><ram:SpecifiedTaxRegistration><ram:ID schemeID="${scheme}">${id}</ram:ID></ram:SpecifiedTaxRegistration></ram:BuyerTradeParty>` });
    assert.ok(!fires('BR-CO-09', doc('DE123456789')));
    assert.ok(!fires('BR-CO-09', doc('EL123456789')));
    assert.ok(!fires('BR-CO-09', doc('XI123456789')));
    assert.ok(fires('BR-CO-09', doc('de123456789')));
    assert.ok(fires('BR-CO-09', doc(' DE123456789')));
    // SS (South Sudan) is in the UBL binding's list but not in the CII binding's.
    assert.ok(fires('BR-CO-09', doc('SS123')));
    assert.ok(!fires('BR-CO-09', doc('123', 'FC')));
  });

  it('BR-18 … BR-20 and BR-56: a seller tax representative has a name, an address with a country and a VAT identifier', () => {
    const doc = (inner: string) => ciiDocument({ agreement: `<ram:SellerTaxRepresentativeTradeParty>${inner}</ram:SellerTaxRepresentativeTradeParty>` });
    const complete =
      '<ram:Name>Rep</ram:Name><ram:PostalTradeAddress><ram:CountryID>DE</ram:CountryID></ram:PostalTradeAddress>' +
      '<ram:SpecifiedTaxRegistration><ram:ID schemeID="FC">1</ram:ID></ram:SpecifiedTaxRegistration><ram:SpecifiedTaxRegistration><ram:ID schemeID="VA">DE1</ram:ID></ram:SpecifiedTaxRegistration>';
    for (const id of ['BR-18', 'BR-19', 'BR-20', 'BR-56']) assert.ok(!fires(id, doc(complete)), id);
    assert.ok(fires('BR-19', doc('<ram:Name>Rep</ram:Name>')));
    assert.ok(fires('BR-20', doc('<ram:PostalTradeAddress><ram:CountryID> </ram:CountryID></ram:PostalTradeAddress>')));
    assert.ok(fires('BR-56', doc('<ram:SpecifiedTaxRegistration><ram:ID schemeID="FC">1</ram:ID></ram:SpecifiedTaxRegistration>')));
  });

  it('BR-57: a deliver-to address has a country code', () => {
    const doc = (address: string) => ciiDocument({ delivery: `<ram:ShipToTradeParty>${address}</ram:ShipToTradeParty>` });
    assert.ok(fires('BR-57', doc('<ram:PostalTradeAddress><ram:CityName>Berlin</ram:CityName></ram:PostalTradeAddress>')));
    assert.ok(!fires('BR-57', doc('<ram:Name>Site</ram:Name>')));
  });
});

describe('CII payment and reference rules', () => {
  const means = (typeCode: string, account: string) =>
    ciiDocument({
      settlement: `<ram:SpecifiedTradeSettlementPaymentMeans><ram:TypeCode>${typeCode}</ram:TypeCode><ram:PayeePartyCreditorFinancialAccount>${account}</ram:PayeePartyCreditorFinancialAccount></ram:SpecifiedTradeSettlementPaymentMeans>`,
    });

  it('BR-50/BR-61 check the account of a credit transfer (type 30 or 58) only', () => {
    assert.ok(fires('BR-61', means('58', '<ram:AccountName>A</ram:AccountName>')));
    assert.ok(!fires('BR-61', means('49', '<ram:AccountName>A</ram:AccountName>')));
    assert.ok(fires('BR-50', means('30', '<ram:IBANID> </ram:IBANID>')));
    assert.ok(!fires('BR-61', means('30', '<ram:IBANID> </ram:IBANID>')));
  });

  it('BR-51: at most 10 characters of the card number, spaces normalised', () => {
    const card = (id: string) =>
      ciiDocument({
        settlement: `<ram:SpecifiedTradeSettlementPaymentMeans><ram:TypeCode>48</ram:TypeCode><ram:ApplicableTradeSettlementFinancialCard><ram:ID>${id}</ram:ID></ram:ApplicableTradeSettlementFinancialCard></ram:SpecifiedTradeSettlementPaymentMeans>`,
      });
    assert.ok(!fires('BR-51', card('  1234   5678  ')));
    assert.ok(fires('BR-51', card('12345678901')));
  });

  it('BR-49, BR-52, BR-55 and BR-65', () => {
    assert.ok(fires('BR-49', ciiDocument({ settlement: '<ram:SpecifiedTradeSettlementPaymentMeans/>' })));
    assert.ok(fires('BR-52', ciiDocument({ agreement: '<ram:AdditionalReferencedDocument><ram:IssuerAssignedID/></ram:AdditionalReferencedDocument>' })));
    assert.ok(fires('BR-55', ciiDocument({ settlement: '<ram:InvoiceReferencedDocument><ram:IssuerAssignedID> </ram:IssuerAssignedID></ram:InvoiceReferencedDocument>' })));
    const classification = (code: string) =>
      ciiDocument({
        lines: `<ram:IncludedSupplyChainTradeLineItem><ram:SpecifiedTradeProduct><ram:DesignatedProductClassification>${code}</ram:DesignatedProductClassification></ram:SpecifiedTradeProduct></ram:IncludedSupplyChainTradeLineItem>`,
      });
    assert.ok(fires('BR-65', classification('<ram:ClassCode>1</ram:ClassCode>')));
    assert.ok(!fires('BR-65', classification('<ram:ClassCode listID="STI">1</ram:ClassCode>')));
    assert.ok(!fires('BR-65', classification('<ram:ClassName>X</ram:ClassName>')));
  });
});
