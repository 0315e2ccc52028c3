import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Invoice } from '../../../src/model/invoice.js';
import { ciiCodec } from '../../../src/syntax/cii/cii.codec.js';
import { readXml } from '../../../src/xml/xml-read.js';
import { validateAgainstXsd } from '../../support/xsd.js';
import { ciiDocument, describeDiagnostics, parseCiiXml } from './cii-fixtures.js';

const DOCUMENT = '/rsm:CrossIndustryInvoice/rsm:ExchangedDocument';

function exchangedDocument(children: string): string {
  return ciiDocument(`<rsm:ExchangedDocument>${children}</rsm:ExchangedDocument>`);
}

describe('CII notes (BG-1)', () => {
  test('content and subject code are read per note, text kept exactly as written', () => {
    const parsed = parseCiiXml(
      exchangedDocument(`<ram:IncludedNote><ram:Content>  Delivery in two parts
second line </ram:Content><ram:SubjectCode>AAI</ram:SubjectCode></ram:IncludedNote>
        <ram:IncludedNote><ram:Content>Plain note</ram:Content></ram:IncludedNote>
        <ram:IncludedNote><ram:SubjectCode>REG</ram:SubjectCode></ram:IncludedNote>`),
    );
    assert.deepEqual(parsed.diagnostics, []);
    assert.deepStrictEqual(parsed.invoice.notes, [
      { text: '  Delivery in two parts\nsecond line ', subjectCode: 'AAI' },
      { text: 'Plain note' },
      { subjectCode: 'REG' },
    ]);
  });

  test('written back in XSD order (Content before SubjectCode), they read the same', () => {
    const invoice: Invoice = { kind: 'invoice', number: 'N1', issueDate: '2026-01-02', notes: [{ text: 'a & <b>', subjectCode: 'AAI' }, { text: '' }] };
    const written = ciiCodec.serialize(invoice);
    assert.deepEqual(validateAgainstXsd(written.xml, 'cii'), []);
    assert.match(written.xml, /<ram:IncludedNote>\s*<ram:Content>a &amp; &lt;b&gt;<\/ram:Content>\s*<ram:SubjectCode>AAI<\/ram:SubjectCode>/);
    assert.deepStrictEqual(parseCiiXml(written.xml).invoice, invoice);
  });

  test('a second Content in one note is reported as repeated (CII-SR-030)', () => {
    const parsed = parseCiiXml(exchangedDocument('<ram:IncludedNote><ram:Content>one</ram:Content><ram:Content>two</ram:Content></ram:IncludedNote>'));
    assert.deepStrictEqual(parsed.invoice.notes, [{ text: 'one' }]);
    assert.deepEqual(describeDiagnostics(parsed), [`repeated-element ${DOCUMENT}/ram:IncludedNote/ram:Content[2]`]);
  });
});

describe('CII dates', () => {
  const issueDate = (inner: string) => exchangedDocument(`<ram:ID>1</ram:ID><ram:IssueDateTime>${inner}</ram:IssueDateTime>`);

  test('format 102 becomes YYYY-MM-DD', () => {
    const parsed = parseCiiXml(issueDate('<udt:DateTimeString format="102">20260331</udt:DateTimeString>'));
    assert.equal(parsed.invoice.issueDate, '2026-03-31');
    assert.deepEqual(parsed.diagnostics, []);
  });

  test('another or a missing format, or a malformed value, is kept as written and reported', () => {
    for (const inner of [
      '<udt:DateTimeString format="610">202603</udt:DateTimeString>',
      '<udt:DateTimeString>20260331</udt:DateTimeString>',
      '<udt:DateTimeString format="102">2026-03-31</udt:DateTimeString>',
    ]) {
      const parsed = parseCiiXml(issueDate(inner));
      const raw = /<udt:DateTimeString[^>]*>([^<]*)</.exec(inner)?.[1];
      assert.equal(parsed.invoice.issueDate, raw);
      assert.deepEqual(describeDiagnostics(parsed), [`invalid-value ${DOCUMENT}/ram:IssueDateTime/udt:DateTimeString`]);
    }
  });

  test('dates are written as format 102; one that is not YYYY-MM-DD is written unchanged and reported', () => {
    const written = ciiCodec.serialize({ number: '1', issueDate: '2026-03-31', dueDate: 'end of month', invoicingPeriod: { startDate: '2026-03-01' } });
    assert.match(written.xml, /<ram:IssueDateTime>\s*<udt:DateTimeString format="102">20260331<\/udt:DateTimeString>/);
    assert.match(written.xml, /<ram:StartDateTime>\s*<udt:DateTimeString format="102">20260301<\/udt:DateTimeString>/);
    assert.match(written.xml, /<ram:DueDateDateTime>\s*<udt:DateTimeString format="102">end of month<\/udt:DateTimeString>/);
    assert.deepEqual(written.diagnostics.map((diagnostic) => `${diagnostic.code} ${diagnostic.path}`), ['invalid-value BT-9']);
  });
});

describe('CII document kind and header references', () => {
  test('a credit note type code gives a credit note', () => {
    assert.equal(parseCiiXml(exchangedDocument('<ram:TypeCode>381</ram:TypeCode>')).invoice.kind, 'credit-note');
    assert.equal(parseCiiXml(exchangedDocument('<ram:TypeCode>380</ram:TypeCode>')).invoice.kind, 'invoice');
    assert.deepStrictEqual(parseCiiXml(ciiDocument('')).invoice, { kind: 'invoice' });
  });

  test('a kind that BT-3 does not imply cannot be written', () => {
    const written = ciiCodec.serialize({ kind: 'credit-note', typeCode: '380' });
    assert.deepEqual(written.diagnostics.map((diagnostic) => `${diagnostic.code} ${diagnostic.path}`), ['not-representable kind']);
  });

  test('referenced documents are told apart by type code; project name is structural', () => {
    const agreement = `<ram:AdditionalReferencedDocument><ram:IssuerAssignedID>LOT-1</ram:IssuerAssignedID><ram:TypeCode>50</ram:TypeCode></ram:AdditionalReferencedDocument>
      <ram:AdditionalReferencedDocument><ram:IssuerAssignedID>METER-7</ram:IssuerAssignedID><ram:TypeCode>130</ram:TypeCode><ram:ReferenceTypeCode>AVE</ram:ReferenceTypeCode></ram:AdditionalReferencedDocument>
      <ram:AdditionalReferencedDocument><ram:IssuerAssignedID>Doc1</ram:IssuerAssignedID><ram:URIID>https://example.com/d1</ram:URIID><ram:TypeCode>916</ram:TypeCode><ram:Name>Timesheet</ram:Name>
        <ram:AttachmentBinaryObject mimeCode="text/csv" filename="t.csv">YSxiCg==</ram:AttachmentBinaryObject></ram:AdditionalReferencedDocument>
      <ram:AdditionalReferencedDocument><ram:IssuerAssignedID>X</ram:IssuerAssignedID><ram:TypeCode>751</ram:TypeCode></ram:AdditionalReferencedDocument>
      <ram:SpecifiedProcuringProject><ram:ID>P-9</ram:ID><ram:Name>Bridge</ram:Name></ram:SpecifiedProcuringProject>`;
    const xml = ciiDocument(`<rsm:SupplyChainTradeTransaction><ram:ApplicableHeaderTradeAgreement>${agreement}</ram:ApplicableHeaderTradeAgreement></rsm:SupplyChainTradeTransaction>`);
    const parsed = parseCiiXml(xml);
    assert.equal(parsed.invoice.tenderOrLotReference, 'LOT-1');
    assert.deepStrictEqual(parsed.invoice.invoicedObjectIdentifier, { id: 'METER-7', schemeId: 'AVE' });
    assert.equal(parsed.invoice.projectReference, 'P-9');
    assert.deepStrictEqual(parsed.invoice.supportingDocuments, [
      { reference: 'Doc1', externalLocation: 'https://example.com/d1', description: 'Timesheet', attachment: { content: 'YSxiCg==', mimeCode: 'text/csv', filename: 't.csv' } },
    ]);
    assert.deepEqual(describeDiagnostics(parsed), [
      'invalid-value /rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeAgreement/ram:AdditionalReferencedDocument[4]',
    ]);
    const written = ciiCodec.serialize(parsed.invoice);
    assert.match(written.xml, /<ram:SpecifiedProcuringProject>\s*<ram:ID>P-9<\/ram:ID>\s*<ram:Name>P-9<\/ram:Name>/);
    assert.deepStrictEqual(parseCiiXml(written.xml).invoice, parsed.invoice);
  });

  test('only one preceding invoice fits the D16B schema; the others are reported', () => {
    const invoice: Invoice = { number: '1', issueDate: '2026-01-01', precedingInvoices: [{ reference: 'A', issueDate: '2025-12-01' }, { reference: 'B' }] };
    const written = ciiCodec.serialize(invoice);
    assert.deepEqual(validateAgainstXsd(written.xml, 'cii'), []);
    assert.match(written.xml, /<ram:FormattedIssueDateTime>\s*<qdt:DateTimeString format="102">20251201<\/qdt:DateTimeString>/);
    assert.deepEqual(written.diagnostics.map((diagnostic) => `${diagnostic.code} ${diagnostic.path}`), ['not-representable BG-3']);
  });
});

describe('CII detection', () => {
  test('the CII namespace is recognised under any prefix, and nothing else is', () => {
    const uri = 'urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100';
    assert.equal(ciiCodec.detect(readXml(`<x:CrossIndustryInvoice xmlns:x="${uri}"/>`)), true);
    assert.equal(ciiCodec.detect(readXml(`<CrossIndustryInvoice xmlns="${uri}"/>`)), true);
    assert.equal(ciiCodec.detect(readXml('<CrossIndustryInvoice xmlns="urn:example:other"/>')), false);
    assert.equal(ciiCodec.detect(readXml('<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"/>')), false);
  });
});

describe('CII elements outside the binding', () => {
  test('unknown elements are reported where they are, repeated single terms as repeated', () => {
    const parsed = parseCiiXml(
      exchangedDocument('<ram:ID>1</ram:ID><ram:ID>2</ram:ID><ram:Name>Invoice</ram:Name><ram:TypeCode>380</ram:TypeCode><ram:CopyIndicator><udt:Indicator>false</udt:Indicator></ram:CopyIndicator>'),
    );
    assert.equal(parsed.invoice.number, '1');
    assert.deepEqual(describeDiagnostics(parsed), [
      `repeated-element ${DOCUMENT}/ram:ID[2]`,
      `unknown-element ${DOCUMENT}/ram:Name`,
      `unknown-element ${DOCUMENT}/ram:CopyIndicator`,
    ]);
  });

  test('a model with only BT-1 and BT-2 is written as an XSD-valid document', () => {
    const written = ciiCodec.serialize({ number: 'INV-1', issueDate: '2026-03-31' });
    assert.deepEqual(written.diagnostics, []);
    assert.deepEqual(validateAgainstXsd(written.xml, 'cii'), []);
  });
});
