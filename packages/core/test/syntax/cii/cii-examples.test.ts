import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, test } from 'node:test';
import { ciiCodec } from '../../../src/syntax/cii/cii.codec.js';
import { exampleFiles } from '../../support/shared.js';
import { validateAgainstXsd } from '../../support/xsd.js';
import { describeDiagnostics, parseCiiXml } from './cii-fixtures.js';

const LINE = '/rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:IncludedSupplyChainTradeLineItem';
const AGREEMENT = '/rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeAgreement';

/**
 * The diagnostics reading the official examples must give, each checked by hand:
 * - a gross price whose base quantity differs from the net price's: EN 16931 has one BT-149/150 (the
 *   examples put the price amount into the gross base quantity), so the gross one cannot be kept;
 * - header referenced documents without `ram:TypeCode`: EN 16931 gives a business term only to type
 *   codes 916 (BG-24), 50 (BT-17) and 130 (BT-18), so these have none.
 * Every other example reads without any diagnostic.
 */
const EXPECTED_DIAGNOSTICS: Readonly<Record<string, readonly string[]>> = {
  'CII_business_example_01.xml': [
    `repeated-element ${LINE}[1]/ram:SpecifiedLineTradeAgreement/ram:GrossPriceProductTradePrice/ram:BasisQuantity`,
    `repeated-element ${LINE}[3]/ram:SpecifiedLineTradeAgreement/ram:GrossPriceProductTradePrice/ram:BasisQuantity`,
  ],
  'CII_example2.xml': [
    `repeated-element ${LINE}[1]/ram:SpecifiedLineTradeAgreement/ram:GrossPriceProductTradePrice/ram:BasisQuantity`,
    `repeated-element ${LINE}[3]/ram:SpecifiedLineTradeAgreement/ram:GrossPriceProductTradePrice/ram:BasisQuantity`,
  ],
  'CII_example5.xml': [
    `repeated-element ${LINE}[1]/ram:SpecifiedLineTradeAgreement/ram:GrossPriceProductTradePrice/ram:BasisQuantity`,
    `invalid-value ${AGREEMENT}/ram:AdditionalReferencedDocument[1]`,
    `invalid-value ${AGREEMENT}/ram:AdditionalReferencedDocument[2]`,
  ],
  'huf_example_cii.xml': [`invalid-value ${AGREEMENT}/ram:AdditionalReferencedDocument[1]`],
};

const examples = exampleFiles('cii');

describe('official EN 16931 CII examples', () => {
  test('the example folder is there', () => {
    assert.ok(examples.length >= 15, `expected the 15 official CII examples, found ${examples.length}`);
  });

  for (const path of examples) {
    const name = basename(path);
    test(name, (t) => {
      const parsed = parseCiiXml(readFileSync(path));
      for (const diagnostic of parsed.diagnostics) t.diagnostic(`${diagnostic.code} ${diagnostic.path}: ${diagnostic.message}`);
      assert.deepEqual(describeDiagnostics(parsed), EXPECTED_DIAGNOSTICS[name] ?? []);

      const written = ciiCodec.serialize(parsed.invoice);
      assert.deepEqual(written.diagnostics, [], 'writing a model read from CII loses nothing');
      assert.deepEqual(validateAgainstXsd(written.xml, 'cii'), [], 'the written document is valid against the CII D16B XSD');

      const reread = parseCiiXml(written.xml);
      assert.deepEqual(reread.diagnostics, [], 'the written document reads without diagnostics');
      assert.deepStrictEqual(reread.invoice, parsed.invoice);
    });
  }
});
