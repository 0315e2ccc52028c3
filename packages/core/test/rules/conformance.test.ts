import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { validate } from '@einvoice-hub/core';
import { SHARED } from '../support/shared.js';

/**
 * The official EN 16931 unit tests (validation artefacts 1.3.16): each rule listed as error must fire as
 * fatal, each listed as warning must fire as warning, and no rule listed as success may fire.
 * CONFORMANCE_FILTER=<text> runs only the cases whose file name contains it.
 */
const UNITS = join(SHARED, 'conformance', 'en16931', 'units');
const filter = process.env['CONFORMANCE_FILTER'];

type Case = { file: string; success: string[]; error: string[]; warning: string[] };

function readCases(): Case[] {
  const list = (field: string | undefined) => (field ? field.split('|').filter((id) => id !== '') : []);
  return readFileSync(join(UNITS, 'expect.tsv'), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const [file, , success, error, warning] = line.split('\t');
      return { file: file ?? '', success: list(success), error: list(error), warning: list(warning) };
    })
    .filter((c) => filter === undefined || c.file.includes(filter));
}

/** What is wrong with one case, or an empty list when it passes. */
function checkCase(c: Case): string[] {
  const report = validate(readFileSync(join(UNITS, c.file)));
  const fired = new Map<string, Set<string>>();
  for (const finding of report.findings) {
    const severities = fired.get(finding.rule) ?? new Set<string>();
    severities.add(finding.severity);
    fired.set(finding.rule, severities);
  }
  const problems: string[] = [];
  for (const id of c.error) if (!fired.get(id)?.has('fatal')) problems.push(`${id} should fire as fatal${fired.has(id) ? ` (fired as ${[...(fired.get(id) ?? [])].join('/')})` : ''}`);
  for (const id of c.warning) if (!fired.get(id)?.has('warning')) problems.push(`${id} should fire as warning${fired.has(id) ? ` (fired as ${[...(fired.get(id) ?? [])].join('/')})` : ''}`);
  for (const id of c.success) if (fired.has(id)) problems.push(`${id} should not fire`);
  return problems;
}

describe('EN 16931 official unit tests', () => {
  it('every case gives the official findings', () => {
    const cases = readCases();
    assert.ok(filter !== undefined || cases.length === 1140, `expected 1140 cases, found ${cases.length}`);
    const failures: string[] = [];
    for (const c of cases) {
      let problems: string[];
      try {
        problems = checkCase(c);
      } catch (error) {
        problems = [`crashed: ${(error as Error).message}`];
      }
      if (problems.length > 0) failures.push(`${c.file}: ${problems.join('; ')}`);
    }
    if (failures.length > 0) console.log(failures.slice(0, 200).join('\n'));
    console.log(`${cases.length - failures.length} passed, ${failures.length} failed`);
    assert.equal(failures.length, 0, `${failures.length} official unit cases fail`);
  });
});
