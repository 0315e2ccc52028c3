import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ISO_3166_1_CII } from '../../src/rules/en16931/code-lists/iso-3166-1-cii.js';
import { ISO_3166_1_UBL } from '../../src/rules/en16931/code-lists/iso-3166-1-ubl.js';
import { UNTDID_4451 } from '../../src/rules/en16931/code-lists/untdid-4451.js';
import { UNTDID_4451_UBL } from '../../src/rules/en16931/code-lists/untdid-4451-ubl.js';
import { REPO_ROOT } from '../support/shared.js';

describe('EN 16931 code lists (generated product data)', () => {
  it('the committed files are what scripts/generate-code-lists.mjs makes of ../shared/rules/en16931-codelists.json', () => {
    const run = spawnSync(process.execPath, [join(REPO_ROOT, 'scripts', 'generate-code-lists.mjs'), '--check'], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
  });

  it('keeps the differences between the UBL and CII artefacts', () => {
    // 1.3.16: the CII country list still has AN and lacks SS; the UBL note subject list lacks 18 codes.
    assert.ok(ISO_3166_1_UBL.has('SS') && !ISO_3166_1_UBL.has('AN'));
    assert.ok(ISO_3166_1_CII.has('AN') && !ISO_3166_1_CII.has('SS'));
    assert.equal(UNTDID_4451.size - UNTDID_4451_UBL.size, 18);
    assert.ok(UNTDID_4451.has('BAT') && !UNTDID_4451_UBL.has('BAT'));
  });

  it('keeps the UBL note subject list in the artefact order (BR-CL-08 depends on it)', () => {
    const codes = [...UNTDID_4451_UBL];
    assert.deepEqual(codes, [...codes].sort());
  });
});
