import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DocumentReadError, readInvoice, readXml } from '@einvoice-hub/core';

/** Asserts that reading fails with a DocumentReadError of `code`, and returns it. */
function expectReadError(run: () => unknown, code: DocumentReadError['code']): DocumentReadError {
  try {
    run();
  } catch (error) {
    assert.ok(error instanceof DocumentReadError, `expected DocumentReadError, got ${String(error)}`);
    assert.equal(error.code, code, error.message);
    assert.ok(error.message.length > 20, 'the message explains the problem');
    return error;
  }
  assert.fail(`expected a ${code} error`);
}

const UBL_OPEN = '<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2" xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">';

// Each case carries a timeout: a hang (entity expansion, quadratic parsing) fails the test instead of CI.
describe('reading hostile and broken documents', { timeout: 20_000 }, () => {
  it('refuses a billion-laughs entity bomb without expanding it', () => {
    const entities = ['<!ENTITY lol "lol">'];
    for (let i = 1; i <= 9; i++) entities.push(`<!ENTITY lol${i} "${`&lol${i === 1 ? '' : i - 1};`.repeat(10)}">`);
    const bomb = `<?xml version="1.0"?>\n<!DOCTYPE lolz [\n${entities.join('\n')}\n]>\n${UBL_OPEN}<cbc:ID>&lol9;</cbc:ID></Invoice>`;
    const error = expectReadError(() => readInvoice(bomb), 'xml-doctype-forbidden');
    assert.equal(error.line, 2, 'reported where the DOCTYPE starts');
  });

  it('refuses an external entity and never reads the file', () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>${UBL_OPEN}<cbc:ID>&xxe;</cbc:ID></Invoice>`;
    const error = expectReadError(() => readInvoice(xxe), 'xml-doctype-forbidden');
    assert.doesNotMatch(error.message, /root:/);
  });

  it('refuses an undeclared entity reference as malformed, with its position', () => {
    const error = expectReadError(() => readInvoice(`${UBL_OPEN}\n<cbc:ID>&xxe;</cbc:ID></Invoice>`), 'xml-malformed');
    assert.equal(error.line, 2);
  });

  it('refuses a 50 MB document before parsing it', () => {
    const filler = '<cbc:Note>' + 'x'.repeat(1000) + '</cbc:Note>';
    const big = Buffer.from(UBL_OPEN + filler.repeat(Math.ceil((50 * 1024 * 1024) / filler.length)) + '</Invoice>');
    assert.ok(big.byteLength >= 50 * 1024 * 1024);
    const error = expectReadError(() => readInvoice(big), 'input-too-large');
    assert.match(error.message, /50\.\d MiB.*32\.0 MiB/);
  });

  it('refuses 10,000-deep nesting', () => {
    const deep = `${UBL_OPEN}${'<cbc:Note>'.repeat(10_000)}${'</cbc:Note>'.repeat(10_000)}</Invoice>`;
    const error = expectReadError(() => readInvoice(deep), 'xml-too-deep');
    assert.match(error.message, /64 levels/);
  });

  it('refuses nesting just past the limit, naming where it starts', () => {
    const deep = `${UBL_OPEN}\n${'<cbc:Note>'.repeat(70)}${'</cbc:Note>'.repeat(70)}</Invoice>`;
    const error = expectReadError(() => readInvoice(deep), 'xml-too-deep');
    assert.equal(error.line, 2);
    assert.equal(error.column, 1 + 63 * '<cbc:Note>'.length);
  });

  it('refuses an undeclared namespace prefix', () => {
    const error = expectReadError(() => readInvoice(`${UBL_OPEN}\n<cac:Delivery/></Invoice>`), 'xml-malformed');
    assert.match(error.message, /prefix "cac" of <cac:Delivery> is not declared/);
    assert.equal(error.line, 2);
  });

  it('refuses text that is not XML at all, naming line and column', () => {
    const error = expectReadError(() => readInvoice('hello, this is not an invoice\n'), 'xml-malformed');
    assert.ok(error.line !== undefined && error.line >= 1);
    assert.ok(error.column !== undefined && error.column >= 1);
    assert.match(error.message, /\(line \d+, column \d+\)$/);
  });

  it('refuses a truncated document with the position where it ends', () => {
    const error = expectReadError(() => readInvoice(`${UBL_OPEN}\n<cbc:ID>1</cbc:ID>\n<cbc:Note>cut`), 'xml-malformed');
    assert.equal(error.line, 3);
  });

  it('refuses an unknown root element, naming it and its namespace', () => {
    const error = expectReadError(() => readInvoice('<Order xmlns="urn:example:order"><ID>1</ID></Order>'), 'document-unknown');
    assert.match(error.message, /<Order> \(namespace urn:example:order\)/);
  });

  it('refuses a UBL local name in the wrong namespace', () => {
    expectReadError(() => readInvoice('<Invoice><ID>1</ID></Invoice>'), 'document-unknown');
  });

  it('refuses bytes that are not valid in the declared encoding', () => {
    const bytes = Buffer.concat([Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>${UBL_OPEN}<cbc:ID>`), Buffer.from([0xc3, 0x28]), Buffer.from('</cbc:ID></Invoice>')]);
    expectReadError(() => readInvoice(bytes), 'encoding-invalid');
  });

  it('refuses an encoding it cannot decode', () => {
    expectReadError(() => readInvoice(Buffer.from(`<?xml version="1.0" encoding="x-no-such-charset"?>${UBL_OPEN}</Invoice>`)), 'encoding-unsupported');
  });

  it('refuses malformed JSON and names the problem', () => {
    const error = expectReadError(() => readInvoice('{"number": "1",'), 'json-malformed');
    assert.match(error.message, /not valid JSON/);
  });

  it('reads ISO-8859-1 documents by their declaration', () => {
    const bytes = Buffer.concat([
      Buffer.from(`<?xml version="1.0" encoding="ISO-8859-1"?>${UBL_OPEN}<cbc:Note>`),
      Buffer.from([0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72]), // "Müller" in Latin-1
      Buffer.from('</cbc:Note></Invoice>'),
    ]);
    assert.equal(readInvoice(bytes).invoice.notes?.[0]?.text, 'Müller');
  });

  it('keeps element positions for every element', () => {
    const root = readXml(`${UBL_OPEN}\n  <cbc:ID>1</cbc:ID>\n</Invoice>`);
    assert.equal(root.children[0]?.name, 'cbc:ID');
    assert.equal(root.children[0]?.line, 2);
    assert.equal(root.children[0]?.column, 3);
  });
});
