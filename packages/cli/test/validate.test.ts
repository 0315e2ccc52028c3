import assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const BIN = join(REPO, 'packages', 'cli', 'bin', 'einvoice.js');
const SHARED = join(REPO, '..', 'shared', 'conformance', 'en16931');
const VALID_UBL = join(SHARED, 'examples', 'ubl', 'ubl-tc434-example1.xml');
const VALID_CII = join(SHARED, 'examples', 'cii', 'CII_example1.xml');
const MISSING_BT24 = join(SHARED, 'units', 'Invoice-unit-UBL__BR-01__1.xml');

function einvoice(args: string[], input?: string): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [BIN, ...args], { cwd: REPO, input, encoding: 'utf8', timeout: 60_000 });
}

type JsonLine = { file: string; valid: boolean; findings: { rule: string; severity: string; message: string; path: string; terms: string[] }[] };

describe('einvoice validate (subprocess)', { timeout: 120_000 }, () => {
  it('exits 0 for valid invoices and says so in text', () => {
    const result = einvoice(['validate', VALID_UBL, VALID_CII]);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /ubl-tc434-example1\.xml: valid \(UBL, rules en16931; 0 fatal, 0 warnings\)/);
    assert.match(result.stdout, /CII_example1\.xml: valid \(CII, rules en16931; 0 fatal, 0 warnings\)/);
  });

  it('prints exactly one JSON object per file per line with --format json', () => {
    const result = einvoice(['validate', '--format', 'json', VALID_UBL, MISSING_BT24]);
    assert.equal(result.status, 1, result.stderr);
    const lines = result.stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as JsonLine);
    assert.equal(lines.length, 2);
    assert.deepEqual(Object.keys(lines[0] ?? {}), ['file', 'valid', 'findings']);
    assert.deepEqual(lines[0], { file: VALID_UBL, valid: true, findings: [] });
    assert.equal(lines[1]?.file, MISSING_BT24);
    assert.equal(lines[1]?.valid, false);
    const br01 = lines[1]?.findings.find((f) => f.rule === 'BR-01');
    assert.ok(br01, 'BR-01 reported');
    assert.equal(br01.severity, 'fatal');
    assert.deepEqual(Object.keys(br01), ['rule', 'severity', 'message', 'path', 'terms']);
    assert.ok(br01.terms.includes('BT-24'));
    assert.equal(br01.path, '/Invoice');
  });

  it('groups text findings by severity and rule, with location and message', () => {
    const result = einvoice(['validate', MISSING_BT24]);
    assert.equal(result.status, 1);
    assert.match(result.stdout, /: INVALID \(UBL/);
    assert.match(result.stdout, /\n {2}fatal BR-01: .*BT-24.*\n {6}at \/Invoice\n/);
  });

  it('reads standard input', () => {
    const result = einvoice(['validate', '--format', 'json', '-'], '<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"/>');
    assert.equal(result.status, 1);
    const line = JSON.parse(result.stdout) as JsonLine;
    assert.equal(line.file, '-');
    assert.ok(line.findings.some((f) => f.rule === 'BR-02'));
  });

  it('exits 2 for an unreadable input and still reports the other files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'einvoice-validate-'));
    const broken = join(dir, 'broken.xml');
    writeFileSync(broken, '<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2">\n<oops></Invoice>');
    const result = einvoice(['validate', '--format', 'json', broken, VALID_UBL, join(dir, 'missing.xml')]);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /broken\.xml: The document is not well-formed XML.*\(line 2, column \d+\) \[xml-malformed\]/);
    assert.match(result.stderr, /missing\.xml: Cannot read .*: no such file/);
    const lines = result.stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as JsonLine);
    assert.deepEqual(lines.map((l) => [l.file, l.valid]), [[VALID_UBL, true]]);
  });

  it('exits 2 on usage errors', () => {
    for (const args of [['validate'], ['validate', '--format', 'xml', VALID_UBL], ['validate', '--rules', 'nope', VALID_UBL], ['validate', '-', '-']]) {
      const result = einvoice(args);
      assert.equal(result.status, 2, args.join(' '));
      assert.notEqual(result.stderr, '');
    }
    const help = einvoice(['validate', '--help']);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /--format text\|json/);
  });
});
