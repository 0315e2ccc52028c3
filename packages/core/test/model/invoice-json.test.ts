import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DocumentReadError, invoiceJsonSchema, readInvoice, readInvoiceJson } from '@einvoice-hub/core';

describe('the EN 16931 JSON form', () => {
  it('names every wrong field with what is wrong, all at once', () => {
    const result = readInvoiceJson({
      number: 42,
      issueDate: '31.03.2026',
      lines: [{ quantity: 1.5, price: { netPrice: '10,00' } }],
      seller: { nmae: 'Typo GmbH' },
    });
    assert.equal(result.ok, false);
    if (result.ok) return;
    const byPath = new Map(result.problems.map((p) => [p.path, p.message]));
    assert.equal(byPath.get('number'), 'must be a string');
    assert.match(byPath.get('issueDate') ?? '', /YYYY-MM-DD/);
    assert.equal(byPath.get('lines[0].quantity'), 'must be a string');
    assert.match(byPath.get('lines[0].price.netPrice') ?? '', /decimal number written as a string/);
    assert.equal(byPath.get('seller'), 'unknown field "nmae"');
    assert.equal(result.problems.length, 5);
  });

  it('refuses text that XML cannot carry (NUL, other C0 controls, lone surrogates), naming where; tabs and new lines are fine', () => {
    const result = readInvoiceJson({
      number: 'RE-1\u0000',
      note: 'first line\nsecond\tline\r',
      seller: { name: 'Bell\u0007 GmbH' },
      lines: [{ name: 'half a pair \uD83D' }],
      buyer: { name: 'Emoji \uD83D\uDE00 AG' },
    });
    assert.equal(result.ok, false);
    if (result.ok) return;
    const unwritable = result.problems.filter((p) => /XML cannot carry/.test(p.message));
    assert.deepEqual(
      unwritable.map((p) => `${p.path} ${p.message.split(',')[0]}`),
      ['number contains U+0000 (NUL)', 'seller.name contains U+0007', 'lines[0].name contains U+D83D'],
    );
  });

  it('refuses numbers for amounts, so no binary floating point ever touches money', () => {
    const result = readInvoiceJson({ totals: { amountDue: 0.1 } });
    assert.equal(result.ok, false);
  });

  it('keeps decimals exactly as written', () => {
    const result = readInvoiceJson({ totals: { amountDue: '1000.10', lineNetTotal: '0001.500' } });
    assert.ok(result.ok);
    if (!result.ok) return;
    assert.equal(result.invoice.totals?.amountDue, '1000.10');
    assert.equal(result.invoice.totals?.lineNetTotal, '0001.500');
  });

  it('reports JSON problems through readInvoice with the problems as details', () => {
    try {
      readInvoice('{"issueDate": "yesterday"}');
      assert.fail('expected an error');
    } catch (error) {
      assert.ok(error instanceof DocumentReadError);
      assert.equal(error.code, 'json-invalid');
      assert.match(error.message, /issueDate: must be a date written YYYY-MM-DD/);
      assert.deepEqual(error.details, [{ path: 'issueDate', message: 'must be a date written YYYY-MM-DD, e.g. "2026-03-31"' }]);
    }
  });

  it('publishes a JSON Schema generated from the model, with business term ids', () => {
    const schema = invoiceJsonSchema() as { properties: Record<string, { description?: string }>; additionalProperties?: unknown };
    assert.equal(schema.additionalProperties, false);
    assert.match(schema.properties['number']?.description ?? '', /^BT-1 /);
    assert.match(schema.properties['lines']?.description ?? '', /BG-25/);
    const text = JSON.stringify(schema);
    for (const id of ['BT-24', 'BT-90', 'BT-111', 'BT-158', 'BT-165', 'BG-32']) assert.ok(text.includes(id), `${id} is documented`);
  });
});

describe('the model source', () => {
  it('documents every field once: the doc comment and the JSON Schema description say the same', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const dir = new URL('../../src/model/', import.meta.url);
    let fields = 0;
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.ts'))) {
      const source = readFileSync(new URL(name, dir), 'utf8');
      for (const match of source.matchAll(/^\s+\/\*\* ([^\n]*?) \*\/\n\s+(\w+): ([^\n]+),$/gm)) {
        fields++;
        const described = /\.describe\('((?:[^'\\]|\\.)*)'\)/.exec(match[3] ?? '')?.[1]?.replace(/\\'/g, "'");
        assert.equal(described, match[1], `${name}: field ${match[2]}`);
      }
    }
    assert.ok(fields > 100, `found ${fields} documented fields`);
  });
});
