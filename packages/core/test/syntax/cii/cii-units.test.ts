import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { test } from 'node:test';
import { ciiCodec } from '../../../src/syntax/cii/cii.codec.js';
import { readXml } from '../../../src/xml/xml-read.js';
import { unitFiles } from '../../support/shared.js';
import { parseCiiXml } from './cii-fixtures.js';

const units = unitFiles('cii__');

test('the official CII unit test documents are there', () => {
  assert.ok(units.length > 0, 'no cii__*.xml in the units folder');
});

// Most unit documents are fragments made to trigger one rule: reading must take what is there and go on.
for (const path of units) {
  test(`reads the unit fragment ${basename(path)}`, () => {
    const root = readXml(readFileSync(path));
    assert.ok(ciiCodec.detect(root), 'detected as CII');
    const parsed = parseCiiXml(readFileSync(path));
    assert.equal(parsed.syntax, 'cii');
    assert.doesNotThrow(() => ciiCodec.serialize(parsed.invoice));
  });
}
