import assert from 'node:assert/strict';
import { test } from 'node:test';
import { canonicalJson } from '../../src/api/canonical-json.js';

test('canonical JSON sorts keys at every depth and drops whitespace', () => {
  assert.equal(canonicalJson({ b: 1, a: { d: [3, { z: true, y: null }], c: 'x' } }), '{"a":{"c":"x","d":[3,{"y":null,"z":true}]},"b":1}');
  assert.equal(canonicalJson(JSON.parse('{ "b" : 1 , "a" : "é\\u00e9" }')), '{"a":"éé","b":1}');
});

test('objects that differ only in key order have the same canonical JSON; others differ', () => {
  assert.equal(canonicalJson({ context: { format: 'ubl', country: 'DE' }, invoice: { number: '1' } }), canonicalJson({ invoice: { number: '1' }, context: { country: 'DE', format: 'ubl' } }));
  assert.notEqual(canonicalJson({ amount: '1.0' }), canonicalJson({ amount: '1.00' }));
  assert.notEqual(canonicalJson([1, 2]), canonicalJson([2, 1]));
});

test('undefined members are left out, as JSON.stringify does', () => {
  assert.equal(canonicalJson({ a: undefined, b: [undefined] }), '{"b":[null]}');
});
