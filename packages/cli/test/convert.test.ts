import assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

// The CLI runs as a real subprocess from the built package (npm ci / npm test build it), the way a user runs it.
const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const BIN = join(REPO, 'packages', 'cli', 'bin', 'einvoice.js');
const SHARED = join(REPO, '..', 'shared');
const CORE_FIXTURES = join(REPO, 'packages', 'core', 'test', 'fixtures');
const UBL_EXAMPLE = join(SHARED, 'conformance', 'en16931', 'examples', 'ubl', 'Invoice-Max_content.xml');

function einvoice(args: string[], input?: string | Buffer): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [BIN, ...args], { cwd: REPO, input, encoding: 'utf8', timeout: 60_000 });
}

describe('einvoice convert (subprocess)', { timeout: 120_000 }, () => {
  it('runs as `npx einvoice` from the repository root', () => {
    const result = spawnSync('npx', ['--no-install', 'einvoice', 'convert', UBL_EXAMPLE, '--to', 'cii'], { cwd: REPO, encoding: 'utf8', timeout: 60_000 });
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<rsm:CrossIndustryInvoice /);
    // CII D16B holds one preceding invoice reference; the example has two, and the CLI says so.
    assert.match(result.stderr, /^note: .*BG-3: .*"Preceding invoice no\.2"/m);
  });

  it('converts UBL to JSON and the JSON back to UBL', () => {
    const json = einvoice(['convert', UBL_EXAMPLE, '--to', 'json']);
    assert.equal(json.status, 0, json.stderr);
    const invoice = JSON.parse(json.stdout) as { number: string; lines: unknown[] };
    assert.equal(invoice.number, '2018210');
    const back = einvoice(['convert', '-', '--to', 'peppol-bis-3'], json.stdout);
    assert.equal(back.status, 0, back.stderr);
    assert.match(back.stdout, /<cbc:CustomizationID>urn:cen\.eu:en16931:2017#compliant#urn:fdc:peppol\.eu:2017:poacc:billing:3\.0<\/cbc:CustomizationID>/);
  });

  it('writes to a file with -o', () => {
    const dir = mkdtempSync(join(tmpdir(), 'einvoice-cli-'));
    const out = join(dir, 'out.xml');
    const result = einvoice(['convert', join(CORE_FIXTURES, 'invoice-xrechnung.json'), '--to', 'xrechnung-cii', '-o', out]);
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stdout, '');
    assert.match(readFileSync(out, 'utf8'), /urn:xeinkauf\.de:kosit:xrechnung_3\.0/);
    assert.deepEqual(readdirSync(dir), ['out.xml']);
  });

  it('prints help for the command and for the tool, exit 0', () => {
    const help = einvoice(['convert', '--help']);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /Usage: einvoice convert <file\|-> --to <target>/);
    const overview = einvoice(['--help']);
    assert.equal(overview.status, 0);
    assert.match(overview.stdout, /convert\s+convert an invoice/);
  });

  it('exits 2 on usage errors, with the reason on stderr', () => {
    for (const args of [[], ['convert'], ['convert', UBL_EXAMPLE], ['convert', UBL_EXAMPLE, '--to', 'pdf'], ['convert', UBL_EXAMPLE, '--to', 'ubl', '--colour'], ['frobnicate']]) {
      const result = einvoice(args);
      assert.equal(result.status, 2, `${args.join(' ')}: ${result.stderr}`);
      assert.notEqual(result.stderr, '');
      assert.equal(result.stdout, '');
    }
  });

  it('exits 1 when the input cannot be processed, saying why and where', () => {
    const dir = mkdtempSync(join(tmpdir(), 'einvoice-cli-'));
    const broken = join(dir, 'broken.xml');
    writeFileSync(broken, '<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2">\n  <cbc:ID>1</Invoice>');
    const result = einvoice(['convert', broken, '--to', 'cii']);
    assert.equal(result.status, 1);
    assert.match(result.stderr, /not well-formed XML.*\(line 2, column \d+\) \[xml-malformed\]/);
    assert.equal(result.stdout, '');

    const missing = einvoice(['convert', join(dir, 'nope.xml'), '--to', 'cii']);
    assert.equal(missing.status, 1);
    assert.match(missing.stderr, /Cannot read .*nope\.xml: no such file/);

    const badJson = einvoice(['convert', '-', '--to', 'ubl'], '{"lines": [{"quantity": 3}]}');
    assert.equal(badJson.status, 1);
    assert.match(badJson.stderr, /lines\[0\]\.quantity: must be a string \[json-invalid\]/);
  });

  it('lists on stderr what it could not carry over, and still converts', () => {
    const ubl =
      '<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2" xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">' +
      '<cbc:ID>7</cbc:ID>\n<cbc:UUID>6f1c</cbc:UUID></Invoice>';
    const result = einvoice(['convert', '-', '--to', 'json'], ubl);
    assert.equal(result.status, 0);
    assert.equal((JSON.parse(result.stdout) as { number: string }).number, '7');
    assert.match(result.stderr, /^note: -:2:\d+: \/Invoice\/cbc:UUID: cbc:UUID is not part of the EN 16931 binding/m);
  });
});
