import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readXml } from '../../src/xml/xml-read.js';
import { compileRuleSet } from '../../src/rules/compile.js';
import { DocumentIndex } from '../../src/rules/document-index.js';
import { runRuleSets } from '../../src/rules/engine.js';
import { UBL_SYNTAX_ASSERTIONS, UBL_SYNTAX_CONTEXTS, UBL_SYNTAX_DEFINITIONS } from '../../src/rules/en16931/ubl/ubl-syntax.js';
import { UNUSED_ATTRIBUTES } from '../../src/rules/en16931/ubl/ubl-syntax-unused-attributes.js';
import { UNUSED_IN_DELIVERY } from '../../src/rules/en16931/ubl/ubl-syntax-unused-delivery.js';
import { UNUSED_IN_DOCUMENT } from '../../src/rules/en16931/ubl/ubl-syntax-unused-document.js';
import { UNUSED_IN_LINES } from '../../src/rules/en16931/ubl/ubl-syntax-unused-lines.js';
import { UNUSED_IN_PARTIES } from '../../src/rules/en16931/ubl/ubl-syntax-unused-parties.js';
import { UNUSED_IN_PAYMENT } from '../../src/rules/en16931/ubl/ubl-syntax-unused-payment.js';
import { unusedMessage } from '../../src/rules/en16931/ubl/ubl-syntax-unused.js';

const NS = {
  cac: 'urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2',
  cbc: 'urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2',
  ext: 'urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2',
};
const ROOT_NS = {
  Invoice: 'urn:oasis:names:specification:ubl:schema:xsd:Invoice-2',
  CreditNote: 'urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2',
};

const syntaxRules = compileRuleSet({
  name: 'ubl-syntax',
  syntax: 'ubl',
  contexts: UBL_SYNTAX_CONTEXTS,
  assertions: UBL_SYNTAX_ASSERTIONS,
  definitions: UBL_SYNTAX_DEFINITIONS,
});

/** The UBL-syntax findings of a document whose root is `<root>` with `body` inside, as `rule severity` strings. */
function fired(body: string, root: 'Invoice' | 'CreditNote' = 'Invoice'): string[] {
  const xml = `<${root} xmlns="${ROOT_NS[root]}" xmlns:cac="${NS.cac}" xmlns:cbc="${NS.cbc}" xmlns:ext="${NS.ext}">${body}</${root}>`;
  return runRuleSets(new DocumentIndex(readXml(xml), 'ubl'), [syntaxRules]).map((f) => `${f.rule} ${f.severity}`);
}

/** XML holding `path` (the table notation) below the document element. */
function xmlFor(path: string, root: 'Invoice' | 'CreditNote'): string {
  const line = root === 'Invoice' ? 'cac:InvoiceLine' : 'cac:CreditNoteLine';
  const steps = path.replace(/^\/\//, '').replace('(cac:InvoiceLine|cac:CreditNoteLine)', line).split('/');
  const last = steps[steps.length - 1] ?? '';
  const attribute = last.startsWith('@') ? (steps.pop() as string).slice(1) : undefined;
  // `//@attr`: put it on an element of its own.
  if (steps.length === 0) steps.push('cbc:Note');
  const open = steps.map((step, i) => `<${step}${attribute && i === steps.length - 1 ? ` ${attribute}="x"` : ''}>`).join('');
  const close = [...steps].reverse().map((step) => `</${step}>`).join('');
  return `${open}x${close}`;
}

const TABLE = [...UNUSED_IN_DOCUMENT, ...UNUSED_IN_PARTIES, ...UNUSED_IN_DELIVERY, ...UNUSED_IN_PAYMENT, ...UNUSED_IN_LINES, ...UNUSED_ATTRIBUTES];
const TABLE_PATHS = new Map(TABLE.map(([id, path]) => [id, path]));

describe('UBL-syntax rule set', () => {
  it('has the 16 official contexts of pattern UBL-syntax and its 756 assertions, each rule once', () => {
    assert.equal(UBL_SYNTAX_CONTEXTS.length, 16);
    assert.ok(UBL_SYNTAX_CONTEXTS.every((context) => context.pattern === 'syntax'));
    assert.equal(UBL_SYNTAX_ASSERTIONS.length, 756);
    assert.equal(new Set(UBL_SYNTAX_ASSERTIONS.map((a) => a.rule)).size, 756);
    assert.equal(UBL_SYNTAX_DEFINITIONS.length, 756);
    const families = (prefix: string) => UBL_SYNTAX_ASSERTIONS.filter((a) => a.rule.startsWith(prefix)).length;
    assert.deepEqual([families('UBL-CR-'), families('UBL-SR-'), families('UBL-DT-')], [678, 54, 24]);
  });

  it('gives no finding on an empty invoice or credit note', () => {
    assert.deepEqual(fired(''), []);
    assert.deepEqual(fired('', 'CreditNote'), []);
  });
});

describe('UBL-CR and UBL-DT "should not be present" table', () => {
  it('lists every rule once, in the official id order of its area', () => {
    const ids = TABLE.map(([id]) => id);
    assert.equal(new Set(ids).size, ids.length);
    assert.equal(ids.length, 693);
  });

  for (const root of ['Invoice', 'CreditNote'] as const) {
    it(`each rule warns when its path is present in a ${root}, and only rules whose path is there warn`, () => {
      const problems: string[] = [];
      for (const [id, path] of TABLE) {
        const findings = fired(xmlFor(path, root), root);
        if (!findings.includes(`${id} warning`)) problems.push(`${id} did not fire on ${path}`);
        // A path also holds the shorter paths it starts with, so their rules may fire too; `//` paths too.
        for (const finding of findings) {
          const other = finding.split(' ')[0] as string;
          const otherPath = TABLE_PATHS.get(other);
          if (otherPath === undefined || other === id || otherPath.startsWith('//') || path.startsWith(`${otherPath}/`)) continue;
          problems.push(`${other} fired on ${path}`);
        }
      }
      assert.deepEqual(problems, []);
    });
  }

  it('follows the exact path, not the element name alone', () => {
    // cbc:UUID is unused at document level (UBL-CR-005) but the rule does not look into a line.
    assert.ok(fired('<cbc:UUID>1</cbc:UUID>').includes('UBL-CR-005 warning'));
    assert.ok(!fired('<cac:InvoiceLine><cac:Item><cbc:UUID>1</cbc:UUID></cac:Item></cac:InvoiceLine>').includes('UBL-CR-005 warning'));
    // A credit note line is checked by the same rules as an invoice line.
    assert.ok(fired('<cac:CreditNoteLine><cbc:UUID>1</cbc:UUID></cac:CreditNoteLine>', 'CreditNote').includes('UBL-CR-515 warning'));
  });

  it('finds `//` paths at any depth and reports each rule once', () => {
    const body = '<cac:InvoiceLine><cac:Delivery><cac:DeliveryLocation><cac:Address><cac:Country><cbc:IdentificationCode listID="x">DE</cbc:IdentificationCode></cac:Country></cac:Address></cac:DeliveryLocation></cac:Delivery></cac:InvoiceLine>';
    assert.deepEqual(
      fired(body + body).filter((f) => f.startsWith('UBL-CR')),
      ['UBL-CR-550 warning', 'UBL-CR-660 warning'],
    );
  });

  it('checks attributes by their unqualified name only', () => {
    assert.deepEqual(fired('<cbc:Note format="x">a</cbc:Note>'), ['UBL-DT-12 warning']);
    // A namespaced attribute with the same local name is another attribute.
    assert.deepEqual(fired('<cbc:Note xmlns:f="urn:f" f:format="x">a</cbc:Note>'), []);
    // An attribute on a different element than the path names does not count.
    assert.deepEqual(fired('<cbc:Note schemeID="x">a</cbc:Note>'), []);
  });
});

describe('UBL-CR messages', () => {
  it('come from one template naming the path and the business terms involved', () => {
    assert.equal(unusedMessage('cac:Delivery/cbc:Quantity'), 'cac:Delivery/cbc:Quantity is not used by EN 16931 and should be removed.');
    assert.equal(
      unusedMessage('cbc:ID/@schemeID', ['BT-1']),
      'The schemeID attribute of cbc:ID (BT-1 Invoice number) is not used by EN 16931 and should be removed.',
    );
    assert.equal(
      unusedMessage('//cac:FinancialInstitution'),
      'cac:FinancialInstitution is not used by EN 16931 and should be removed wherever it occurs.',
    );
    assert.equal(unusedMessage('//@listName'), 'The listName attribute is not used by EN 16931 and should be removed from every element.');
    assert.match(unusedMessage('(cac:InvoiceLine|cac:CreditNoteLine)/cbc:UUID'), /^\(cac:InvoiceLine\|cac:CreditNoteLine\)\/cbc:UUID is/);
  });
});
