import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, it } from 'node:test';
import { validate } from '@einvoice-hub/core';
import { exampleFiles } from '../support/shared.js';

describe('EN 16931 official examples are valid', () => {
  for (const file of [...exampleFiles('ubl'), ...exampleFiles('cii')]) {
    it(`${basename(file)}: no finding at all`, () => {
      const report = validate(readFileSync(file));
      assert.deepEqual(
        report.findings.map((f) => `${f.rule} ${f.severity} ${f.path}`),
        [],
      );
      assert.equal(report.valid, true);
    });
  }
});
