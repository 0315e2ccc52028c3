import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ciiCodec } from '../../../src/syntax/cii/cii.codec.js';
import { validateAgainstXsd } from '../../support/xsd.js';
import { ciiDocument, describeDiagnostics, parseCiiXml } from './cii-fixtures.js';

const LINE = '/rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:IncludedSupplyChainTradeLineItem';
const AGREEMENT = '/rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeAgreement';

function lineDocument(line: string): string {
  return ciiDocument(`<rsm:SupplyChainTradeTransaction><ram:IncludedSupplyChainTradeLineItem>${line}</ram:IncludedSupplyChainTradeLineItem></rsm:SupplyChainTradeTransaction>`);
}

function agreementDocument(agreement: string): string {
  return ciiDocument(`<rsm:SupplyChainTradeTransaction><ram:ApplicableHeaderTradeAgreement>${agreement}</ram:ApplicableHeaderTradeAgreement></rsm:SupplyChainTradeTransaction>`);
}

describe('CII invoice lines (BG-25)', () => {
  test('price details: one base quantity (net price first), the gross price allowance as BT-147', () => {
    const parsed = parseCiiXml(
      lineDocument(`<ram:AssociatedDocumentLineDocument><ram:LineID>1</ram:LineID></ram:AssociatedDocumentLineDocument>
        <ram:SpecifiedLineTradeAgreement>
          <ram:GrossPriceProductTradePrice><ram:ChargeAmount>12.00</ram:ChargeAmount><ram:BasisQuantity unitCode="C62">1</ram:BasisQuantity>
            <ram:AppliedTradeAllowanceCharge><ram:ChargeIndicator><udt:Indicator>false</udt:Indicator></ram:ChargeIndicator><ram:ActualAmount>2.00</ram:ActualAmount></ram:AppliedTradeAllowanceCharge>
          </ram:GrossPriceProductTradePrice>
          <ram:NetPriceProductTradePrice><ram:ChargeAmount>10.00</ram:ChargeAmount><ram:BasisQuantity unitCode="C62">1</ram:BasisQuantity></ram:NetPriceProductTradePrice>
        </ram:SpecifiedLineTradeAgreement>
        <ram:SpecifiedLineTradeDelivery><ram:BilledQuantity unitCode="C62">3</ram:BilledQuantity></ram:SpecifiedLineTradeDelivery>
        <ram:SpecifiedLineTradeSettlement/>`),
    );
    assert.deepEqual(parsed.diagnostics, []);
    assert.deepStrictEqual(parsed.invoice.lines, [
      { id: '1', quantity: '3', unitCode: 'C62', price: { netPrice: '10.00', discount: '2.00', grossPrice: '12.00', baseQuantity: '1', baseQuantityUnitCode: 'C62' } },
    ]);
  });

  test('the line object identifier (BT-128) is read with or without type code 130, and written with it', () => {
    const reference = (typeCode: string) => `<ram:AssociatedDocumentLineDocument/><ram:SpecifiedLineTradeSettlement>
      <ram:AdditionalReferencedDocument><ram:IssuerAssignedID>OBJ-1</ram:IssuerAssignedID>${typeCode}<ram:ReferenceTypeCode>ABZ</ram:ReferenceTypeCode></ram:AdditionalReferencedDocument>
      </ram:SpecifiedLineTradeSettlement>`;
    for (const typeCode of ['<ram:TypeCode>130</ram:TypeCode>', '']) {
      const parsed = parseCiiXml(lineDocument(reference(typeCode)));
      assert.deepStrictEqual(parsed.invoice.lines, [{ objectIdentifier: { id: 'OBJ-1', schemeId: 'ABZ' } }]);
      assert.match(ciiCodec.serialize(parsed.invoice).xml, /<ram:IssuerAssignedID>OBJ-1<\/ram:IssuerAssignedID>\s*<ram:TypeCode>130<\/ram:TypeCode>\s*<ram:ReferenceTypeCode>ABZ/);
    }
    const other = parseCiiXml(lineDocument(reference('<ram:TypeCode>916</ram:TypeCode>')));
    assert.deepEqual(describeDiagnostics(other), [`unknown-element ${LINE}/ram:SpecifiedLineTradeSettlement/ram:AdditionalReferencedDocument`]);
  });

  test('writing a unit code without its quantity is reported: CII carries it as an attribute of the quantity', () => {
    const written = ciiCodec.serialize({ lines: [{ id: '1', unitCode: 'C62', netAmount: '10', price: { netPrice: '10', baseQuantityUnitCode: 'C62' } }] });
    assert.deepEqual(
      written.diagnostics.map((diagnostic) => `${diagnostic.code} ${diagnostic.path}`),
      ['not-representable BT-150', 'not-representable BT-130'],
    );
  });

  test('a charge on the gross price has no place in EN 16931 and is reported', () => {
    const parsed = parseCiiXml(
      lineDocument(`<ram:SpecifiedLineTradeAgreement><ram:GrossPriceProductTradePrice><ram:ChargeAmount>5</ram:ChargeAmount>
        <ram:AppliedTradeAllowanceCharge><ram:ChargeIndicator><udt:Indicator>true</udt:Indicator></ram:ChargeIndicator><ram:ActualAmount>1</ram:ActualAmount></ram:AppliedTradeAllowanceCharge>
      </ram:GrossPriceProductTradePrice></ram:SpecifiedLineTradeAgreement>`),
    );
    assert.deepStrictEqual(parsed.invoice.lines, [{ price: { grossPrice: '5' } }]);
    assert.deepEqual(describeDiagnostics(parsed), [
      `invalid-value ${LINE}/ram:SpecifiedLineTradeAgreement/ram:GrossPriceProductTradePrice/ram:AppliedTradeAllowanceCharge`,
    ]);
  });
});

describe('CII trade parties', () => {
  test('seller identifiers: ram:ID without scheme, ram:GlobalID with; contact point from the department when no person', () => {
    const parsed = parseCiiXml(
      agreementDocument(`<ram:SellerTradeParty><ram:ID>S-1</ram:ID><ram:GlobalID schemeID="0088">4000001000005</ram:GlobalID><ram:Name>Seller</ram:Name>
        <ram:DefinedTradeContact><ram:DepartmentName>Billing</ram:DepartmentName><ram:EmailURIUniversalCommunication><ram:URIID>bill@seller.example</ram:URIID></ram:EmailURIUniversalCommunication></ram:DefinedTradeContact>
        <ram:SpecifiedTaxRegistration><ram:ID schemeID="VA">DE123456789</ram:ID></ram:SpecifiedTaxRegistration>
        <ram:SpecifiedTaxRegistration><ram:ID schemeID="FC">201/113/40209</ram:ID></ram:SpecifiedTaxRegistration>
      </ram:SellerTradeParty>`),
    );
    assert.deepEqual(parsed.diagnostics, []);
    assert.deepStrictEqual(parsed.invoice.seller, {
      identifiers: [{ id: 'S-1' }, { id: '4000001000005', schemeId: '0088' }],
      name: 'Seller',
      contact: { name: 'Billing', email: 'bill@seller.example' },
      vatId: 'DE123456789',
      taxRegistrationId: '201/113/40209',
    });
    const written = ciiCodec.serialize({ number: '1', issueDate: '2026-01-01', seller: parsed.invoice.seller });
    assert.deepEqual(validateAgainstXsd(written.xml, 'cii'), []);
    assert.deepStrictEqual(parseCiiXml(written.xml).invoice.seller, parsed.invoice.seller);
  });

  test('a buyer with two identifiers or a tax number (FC) keeps what EN 16931 allows and reports the rest', () => {
    const parsed = parseCiiXml(
      agreementDocument(`<ram:BuyerTradeParty><ram:ID>B-1</ram:ID><ram:GlobalID schemeID="0088">4000001000012</ram:GlobalID><ram:Description>about</ram:Description>
        <ram:SpecifiedTaxRegistration><ram:ID schemeID="FC">123</ram:ID></ram:SpecifiedTaxRegistration></ram:BuyerTradeParty>`),
    );
    assert.deepStrictEqual(parsed.invoice.buyer, { identifier: { id: 'B-1' } });
    assert.deepEqual(describeDiagnostics(parsed), [
      `repeated-element ${AGREEMENT}/ram:BuyerTradeParty/ram:GlobalID`,
      `invalid-value ${AGREEMENT}/ram:BuyerTradeParty/ram:SpecifiedTaxRegistration/ram:ID`,
      `unknown-element ${AGREEMENT}/ram:BuyerTradeParty/ram:Description`,
    ]);
  });
});
