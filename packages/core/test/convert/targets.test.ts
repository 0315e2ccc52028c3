import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { convertInvoice, readInvoice, XML_TARGETS, type Target } from '@einvoice-hub/core';
import { validateAgainstXsd } from '../support/xsd.js';

const fixture = (name: string): string => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');

/** One hand-written JSON invoice per target, each exercising different parts of the model. */
const CASES: { target: Exclude<Target, 'json'>; fixture: string; bt24: string; bt23?: string }[] = [
  { target: 'ubl', fixture: 'invoice-standard-rated.json', bt24: 'urn:cen.eu:en16931:2017' },
  { target: 'cii', fixture: 'invoice-allowances-charges.json', bt24: 'urn:cen.eu:en16931:2017' },
  {
    target: 'peppol-bis-3',
    fixture: 'invoice-peppol-norway.json',
    bt24: 'urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0',
    bt23: 'urn:fdc:peppol.eu:2017:poacc:billing:01:1.0',
  },
  {
    target: 'xrechnung-ubl',
    fixture: 'invoice-xrechnung.json',
    bt24: 'urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:xrechnung_3.0',
    bt23: 'urn:fdc:peppol.eu:2017:poacc:billing:01:1.0',
  },
  {
    target: 'xrechnung-cii',
    fixture: 'credit-note-xrechnung.json',
    bt24: 'urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:xrechnung_3.0',
    bt23: 'urn:fdc:peppol.eu:2017:poacc:billing:01:1.0',
  },
  { target: 'factur-x-en16931', fixture: 'invoice-factur-x-reverse-charge.json', bt24: 'urn:cen.eu:en16931:2017' },
];

describe('converting hand-written JSON invoices to every target', () => {
  for (const c of CASES) {
    it(`${c.fixture} → ${c.target}: XSD-valid, BT-24 ${c.bt24.split('#').pop()}`, () => {
      const input = fixture(c.fixture);
      const conversion = convertInvoice(input, c.target);
      assert.deepEqual(conversion.diagnostics, [], 'nothing lost');
      const syntax = XML_TARGETS[c.target].syntax;
      const json = readInvoice(input).invoice;
      const schema = syntax === 'cii' ? 'cii' : json.kind === 'credit-note' ? 'ubl-credit-note' : 'ubl-invoice';
      assert.deepEqual(validateAgainstXsd(conversion.output, schema), []);

      const back = readInvoice(conversion.output);
      assert.equal(back.format, syntax);
      assert.equal(back.invoice.processControl?.specificationIdentifier, c.bt24);
      if (c.bt23 !== undefined) assert.equal(back.invoice.processControl?.businessProcessType, c.bt23);
      // Everything else comes back exactly as written by hand.
      const { processControl: _written, ...rest } = back.invoice;
      assert.deepEqual({ kind: json.kind ?? 'invoice', ...rest }, { kind: json.kind ?? 'invoice', ...json });
    });
  }

  it('writes the EN 16931 JSON form back unchanged (target json)', () => {
    for (const c of CASES) {
      const input = fixture(c.fixture);
      const conversion = convertInvoice(input, 'json');
      assert.equal(conversion.mediaType, 'application/json');
      assert.deepEqual(JSON.parse(conversion.output), JSON.parse(input));
    }
  });

  it('keeps a BT-23 the plain targets do not prescribe', () => {
    const input = JSON.stringify({ ...JSON.parse(fixture('invoice-standard-rated.json')), processControl: { businessProcessType: 'urn:example:process' } });
    const back = readInvoice(convertInvoice(input, 'cii').output).invoice;
    assert.equal(back.processControl?.businessProcessType, 'urn:example:process');
    assert.equal(back.processControl?.specificationIdentifier, 'urn:cen.eu:en16931:2017');
  });
});
