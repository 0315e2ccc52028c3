import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { invoiceJsonSchema, termsAt } from '@einvoice-hub/core';

type SchemaNode = { description?: string; type?: string; properties?: Record<string, SchemaNode>; items?: SchemaNode };

/** Every leaf of the JSON Schema with its path and the descriptions of the leaf and its nearest described parent. */
function leavesOf(node: SchemaNode, path: (string | number)[], parentDescription: string): { path: (string | number)[]; text: string }[] {
  if (node.type === 'array' && node.items) return leavesOf(node.items, [...path, 0], node.description ?? parentDescription);
  if (node.properties) {
    return Object.entries(node.properties).flatMap(([key, child]) => leavesOf(child, [...path, key], node.description ?? parentDescription));
  }
  return [{ path, text: `${node.description ?? ''} ${parentDescription}` }];
}

describe('the business terms of normalization reports', () => {
  it('names a term for every value of the JSON form, one its model documentation mentions', () => {
    const leaves = leavesOf(invoiceJsonSchema() as SchemaNode, [], '');
    assert.ok(leaves.length > 150, `${leaves.length} values`);
    for (const { path, text } of leaves) {
      if (path.length === 1 && path[0] === 'kind') continue; // not a business term
      const terms = termsAt(path);
      assert.equal(terms.length, 1, path.join('.'));
      assert.match(text, new RegExp(`${terms[0]}(?![\\d-])`), `${path.join('.')} → ${terms[0]}`);
    }
  });

  it('tells shared shapes apart by where they sit', () => {
    assert.deepEqual(termsAt(['seller', 'address', 'countryCode']), ['BT-40']);
    assert.deepEqual(termsAt(['buyer', 'address', 'countryCode']), ['BT-55']);
    assert.deepEqual(termsAt(['sellerTaxRepresentative', 'address', 'line3']), ['BT-164']);
    assert.deepEqual(termsAt(['delivery', 'address', 'countryCode']), ['BT-80']);
    assert.deepEqual(termsAt(['charges', 2, 'reasonCode']), ['BT-105']);
    assert.deepEqual(termsAt(['lines', 3, 'charges', 0, 'amount']), ['BT-141']);
    assert.deepEqual(termsAt(['lines', 0, 'period', 'endDate']), ['BT-135']);
    assert.deepEqual(termsAt(['seller', 'identifiers', 1, 'schemeId']), ['BT-29-1']);
    assert.deepEqual(termsAt(['kind']), []);
    assert.deepEqual(termsAt(['seller', 'nonsense']), []);
    assert.deepEqual(termsAt(['seller', 'vatId', 'deeper']), []);
  });
});
