import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ciiCodec } from '../../../src/syntax/cii/cii.codec.js';
import type { XmlElement } from '../../../src/xml/xml-element.js';
import { readXml } from '../../../src/xml/xml-read.js';
import { SHARED } from '../../support/shared.js';

type Change = { target: XmlElement; mode: 'remove' | 'empty' };

/** A copy of the tree with one element removed, or emptied of its children and text. */
function rebuild(source: XmlElement, parent: XmlElement | undefined, change: Change): XmlElement {
  const emptied = source === change.target && change.mode === 'empty';
  const copy: XmlElement = { ...source, parent, children: [], text: emptied ? '' : source.text };
  if (emptied) return copy;
  for (const child of source.children) {
    if (child === change.target && change.mode === 'remove') continue;
    copy.children.push(rebuild(child, copy, change));
  }
  return copy;
}

function allElements(root: XmlElement): XmlElement[] {
  return [root, ...root.children.flatMap(allElements)];
}

// Example 5 holds nearly every term; cutting it anywhere must still read and write without throwing.
test('reading and writing never throw when any one element of the richest example is removed or emptied', () => {
  const root = readXml(readFileSync(join(SHARED, 'conformance', 'en16931', 'examples', 'cii', 'CII_example5.xml')));
  const elements = allElements(root).slice(1);
  assert.ok(elements.length > 300);
  for (const target of elements) {
    for (const mode of ['remove', 'empty'] as const) {
      const changed = rebuild(root, undefined, { target, mode });
      assert.doesNotThrow(() => ciiCodec.serialize(ciiCodec.parse(changed).invoice), `${mode} ${target.name} at line ${target.line}`);
    }
  }
});
