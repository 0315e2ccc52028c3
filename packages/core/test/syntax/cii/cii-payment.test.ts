import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Invoice } from '../../../src/model/invoice.js';
import { ciiCodec } from '../../../src/syntax/cii/cii.codec.js';
import { validateAgainstXsd } from '../../support/xsd.js';
import { ciiSettlement, describeDiagnostics, parseCiiXml } from './cii-fixtures.js';

const SETTLEMENT = '/rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement';

/** A settlement with the document-level payment terms and two means of different kinds. */
const TWO_MEANS = ciiSettlement(`
  <ram:CreditorReferenceID>DE98ZZZ09999999999</ram:CreditorReferenceID>
  <ram:PaymentReference>INV-17</ram:PaymentReference>
  <ram:InvoiceCurrencyCode>EUR</ram:InvoiceCurrencyCode>
  <ram:SpecifiedTradeSettlementPaymentMeans>
    <ram:TypeCode>58</ram:TypeCode>
    <ram:Information>SEPA transfer</ram:Information>
    <ram:PayeePartyCreditorFinancialAccount>
      <ram:IBANID>DE75 5121 0800 1245 1261 99</ram:IBANID>
      <ram:AccountName>Seller GmbH</ram:AccountName>
    </ram:PayeePartyCreditorFinancialAccount>
    <ram:PayeeSpecifiedCreditorFinancialInstitution><ram:BICID>BANKDEFFXXX</ram:BICID></ram:PayeeSpecifiedCreditorFinancialInstitution>
  </ram:SpecifiedTradeSettlementPaymentMeans>
  <ram:SpecifiedTradeSettlementPaymentMeans>
    <ram:TypeCode>59</ram:TypeCode>
    <ram:ApplicableTradeSettlementFinancialCard><ram:ID>1234</ram:ID><ram:CardholderName>J. Doe</ram:CardholderName></ram:ApplicableTradeSettlementFinancialCard>
    <ram:PayerPartyDebtorFinancialAccount><ram:IBANID>DE02120300000000202051</ram:IBANID></ram:PayerPartyDebtorFinancialAccount>
  </ram:SpecifiedTradeSettlementPaymentMeans>
  <ram:SpecifiedTradePaymentTerms>
    <ram:Description>Debited on the 5th</ram:Description>
    <ram:DirectDebitMandateID>MANDATE-1</ram:DirectDebitMandateID>
  </ram:SpecifiedTradePaymentTerms>`);

describe('CII payment means (BG-16)', () => {
  test('each means is one BG-16 entry; BT-90 and BT-89 go to the direct debit, BT-83 to every means', () => {
    const parsed = parseCiiXml(TWO_MEANS);
    assert.deepEqual(parsed.diagnostics, []);
    assert.equal(parsed.invoice.paymentTerms, 'Debited on the 5th');
    assert.deepStrictEqual(parsed.invoice.paymentInstructions, [
      {
        meansCode: '58',
        meansText: 'SEPA transfer',
        creditTransfers: [{ accountId: 'DE75 5121 0800 1245 1261 99', accountName: 'Seller GmbH', serviceProviderId: 'BANKDEFFXXX' }],
        remittanceInformation: 'INV-17',
      },
      {
        meansCode: '59',
        paymentCard: { primaryAccountNumber: '1234', holderName: 'J. Doe' },
        directDebit: { debitedAccountId: 'DE02120300000000202051', mandateReference: 'MANDATE-1', creditorId: 'DE98ZZZ09999999999' },
        remittanceInformation: 'INV-17',
      },
    ]);
  });

  test('a proprietary account id is BT-84 as well; an IBAN beside it is preferred and the other reported', () => {
    const parsed = parseCiiXml(
      ciiSettlement(`<ram:SpecifiedTradeSettlementPaymentMeans><ram:TypeCode>30</ram:TypeCode>
        <ram:PayeePartyCreditorFinancialAccount><ram:IBANID>NL13RABO0377815500</ram:IBANID><ram:ProprietaryID>12345</ram:ProprietaryID></ram:PayeePartyCreditorFinancialAccount>
      </ram:SpecifiedTradeSettlementPaymentMeans>
      <ram:SpecifiedTradeSettlementPaymentMeans><ram:TypeCode>30</ram:TypeCode>
        <ram:PayeePartyCreditorFinancialAccount><ram:ProprietaryID>12345</ram:ProprietaryID></ram:PayeePartyCreditorFinancialAccount>
      </ram:SpecifiedTradeSettlementPaymentMeans>`),
    );
    assert.deepStrictEqual(parsed.invoice.paymentInstructions, [
      { meansCode: '30', creditTransfers: [{ accountId: 'NL13RABO0377815500' }] },
      { meansCode: '30', creditTransfers: [{ accountId: '12345' }] },
    ]);
    assert.deepEqual(describeDiagnostics(parsed), [
      `repeated-element ${SETTLEMENT}/ram:SpecifiedTradeSettlementPaymentMeans[1]/ram:PayeePartyCreditorFinancialAccount/ram:ProprietaryID`,
    ]);
  });

  test('document-level terms without any means still give a BG-16 entry', () => {
    const parsed = parseCiiXml(ciiSettlement('<ram:PaymentReference>REF</ram:PaymentReference>'));
    assert.deepStrictEqual(parsed.invoice.paymentInstructions, [{ remittanceInformation: 'REF' }]);
    const reread = parseCiiXml(ciiCodec.serialize(parsed.invoice).xml);
    assert.deepStrictEqual(reread.invoice, parsed.invoice);
  });

  test('writing: one means per credit transfer, IBANs as IBANID, other ids as ProprietaryID, card and debtor account on the first', () => {
    const invoice: Invoice = {
      number: '1',
      issueDate: '2026-03-31',
      paymentInstructions: [
        {
          meansCode: '30',
          meansText: 'Transfer',
          remittanceInformation: 'REF-1',
          paymentCard: { primaryAccountNumber: '9876' },
          directDebit: { debitedAccountId: 'DE02120300000000202051' },
          creditTransfers: [{ accountId: 'NL57 RABO 0107307510', serviceProviderId: 'RABONL2U' }, { accountId: '0123-4567', accountName: 'Local account' }],
        },
      ],
    };
    const written = ciiCodec.serialize(invoice);
    assert.deepEqual(written.diagnostics, []);
    assert.deepEqual(validateAgainstXsd(written.xml, 'cii'), []);
    const means = written.xml.split('<ram:SpecifiedTradeSettlementPaymentMeans>').slice(1);
    assert.equal(means.length, 2);
    assert.match(means[0] ?? '', /<ram:TypeCode>30<\/ram:TypeCode>\s*<ram:Information>Transfer<\/ram:Information>\s*<ram:ApplicableTradeSettlementFinancialCard>/);
    assert.match(means[0] ?? '', /<ram:IBANID>NL57 RABO 0107307510<\/ram:IBANID>/);
    assert.match(means[0] ?? '', /<ram:PayerPartyDebtorFinancialAccount>/);
    assert.match(means[1] ?? '', /<ram:TypeCode>30<\/ram:TypeCode>\s*<ram:Information>Transfer<\/ram:Information>/);
    assert.match(means[1] ?? '', /<ram:AccountName>Local account<\/ram:AccountName>\s*<ram:ProprietaryID>0123-4567<\/ram:ProprietaryID>/);
    assert.doesNotMatch(means[1] ?? '', /FinancialCard|PayerPartyDebtorFinancialAccount/);
    assert.match(written.xml, /<ram:PaymentReference>REF-1<\/ram:PaymentReference>/);
  });

  test('writing: BT-83 that differs between means cannot be carried and is reported', () => {
    const written = ciiCodec.serialize({
      paymentInstructions: [
        { meansCode: '30', remittanceInformation: 'A' },
        { meansCode: '58', remittanceInformation: 'B' },
      ],
    });
    assert.deepEqual(
      written.diagnostics.map((diagnostic) => `${diagnostic.code} ${diagnostic.path}`),
      ['not-representable BT-83'],
    );
    assert.match(written.xml, /<ram:PaymentReference>A<\/ram:PaymentReference>/);
  });
});
