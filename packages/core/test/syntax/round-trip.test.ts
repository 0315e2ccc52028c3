import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, it } from 'node:test';
import { isDeepStrictEqual } from 'node:util';
import { ciiCodec, readInvoiceJson, readXml, ublCodec, type Identifier, type Invoice, type SyntaxCodec } from '@einvoice-hub/core';
import { exampleFiles } from '../support/shared.js';

/**
 * Terms one syntax cannot carry, so a trip through it changes the model. Each has a reason; the same list
 * is in docs/model.md. Every other term must survive UBL→CII→UBL and CII→UBL→CII unchanged.
 */
const KNOWN_LOSSES = {
  /** CII D16B has a single ram:InvoiceReferencedDocument: only the first BG-3 survives (reported when writing). */
  'preceding-invoices': (invoice: Invoice): Invoice =>
    invoice.precedingInvoices && invoice.precedingInvoices.length > 1 ? { ...invoice, precedingInvoices: invoice.precedingInvoices.slice(0, 1) } : invoice,
  /** CII writes identifiers without a scheme (ram:ID) before those with one (ram:GlobalID): BT-29's order may change. */
  'identifier-order': (invoice: Invoice): Invoice =>
    invoice.seller?.identifiers ? { ...invoice, seller: { ...invoice.seller, identifiers: sortIdentifiers(invoice.seller.identifiers) } } : invoice,
  /** CII has one ram:PaymentReference per document, UBL a cbc:PaymentID per payment means: BT-83 is shared by all means after CII. */
  'remittance-per-means': (invoice: Invoice): Invoice => {
    const first = invoice.paymentInstructions?.find((p) => p.remittanceInformation !== undefined)?.remittanceInformation;
    if (first === undefined) return invoice;
    return { ...invoice, paymentInstructions: invoice.paymentInstructions?.map((p) => ({ ...p, remittanceInformation: first })) };
  },
} as const;
type Loss = keyof typeof KNOWN_LOSSES;

function sortIdentifiers(ids: Identifier[]): Identifier[] {
  return [...ids.filter((id) => id.schemeId === undefined), ...ids.filter((id) => id.schemeId !== undefined)];
}

/** The examples on which a trip through the other syntax loses something, and what. */
const EXPECTED_LOSSES: Record<string, Loss[]> = {
  'CreditNote-Max_content.xml': ['preceding-invoices', 'identifier-order'],
  'Invoice-Max_content.xml': ['preceding-invoices', 'identifier-order'],
  'ubl-tc434-example1.xml': ['remittance-per-means'],
};

/** Writes the invoice in `via`, reads it, writes that in `back`, reads it again. */
function tripThrough(invoice: Invoice, via: SyntaxCodec, back: SyntaxCodec): Invoice {
  const middle = via.parse(readXml(via.serialize(invoice).xml)).invoice;
  return back.parse(readXml(back.serialize(middle).xml)).invoice;
}

/** The losses that explain the difference between `before` and `after`, or undefined when none does. */
function explainingLosses(before: Invoice, after: Invoice): Loss[] | undefined {
  if (isDeepStrictEqual(before, after)) return [];
  const names = Object.keys(KNOWN_LOSSES) as Loss[];
  // Smallest set of known losses that makes both sides equal.
  for (let mask = 1; mask < 1 << names.length; mask++) {
    const chosen = names.filter((_, i) => mask & (1 << i));
    const apply = (invoice: Invoice) => chosen.reduce((acc, loss) => KNOWN_LOSSES[loss](acc), invoice);
    if (isDeepStrictEqual(apply(before), apply(after))) return chosen;
  }
  return undefined;
}

for (const [syntax, codec, other] of [
  ['ubl', ublCodec, ciiCodec],
  ['cii', ciiCodec, ublCodec],
] as const) {
  const otherName = other.syntax.toUpperCase();
  const name = syntax.toUpperCase();
  describe(`semantic round trips of the ${name} examples`, () => {
    for (const file of exampleFiles(syntax)) {
      const example = basename(file);
      const first = codec.parse(readXml(readFileSync(file))).invoice;

      it(`${example}: ${name}→${name} gives the same model`, () => {
        assert.deepEqual(codec.parse(readXml(codec.serialize(first).xml)).invoice, first);
      });

      it(`${example}: ${name}→${otherName} is complete and ${name}→${otherName}→${name} changes only the known losses`, () => {
        const viaOther = other.parse(readXml(other.serialize(first).xml));
        assert.deepEqual(viaOther.diagnostics, [], `reading the ${otherName} output reports nothing`);
        const again = tripThrough(first, other, codec);
        assert.deepEqual(explainingLosses(first, again), EXPECTED_LOSSES[example] ?? []);
      });

      it(`${example}: the model survives the JSON form`, () => {
        const json = readInvoiceJson(JSON.parse(JSON.stringify(first)));
        assert.ok(json.ok, json.ok ? '' : JSON.stringify(json.problems));
        if (json.ok) assert.deepEqual(json.invoice, first);
      });
    }
  });
}

describe('what the writers report about the known losses', () => {
  it('names the preceding invoices CII cannot hold', () => {
    const written = ciiCodec.serialize({ precedingInvoices: [{ reference: 'A' }, { reference: 'B' }, { reference: 'C' }] });
    assert.equal(written.diagnostics.length, 1);
    assert.equal(written.diagnostics[0]?.code, 'not-representable');
    assert.match(written.diagnostics[0]?.message ?? '', /"B".*"C"/);
  });
});
