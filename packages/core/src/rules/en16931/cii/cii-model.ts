import type { Assertion } from '../../binding.js';
import { CII_MODEL_ALLOWANCE_ASSERTIONS } from './cii-model-allowances.js';
import { CII_MODEL_INVOICE_ASSERTIONS } from './cii-model-invoice.js';
import { CII_MODEL_LINE_ASSERTIONS } from './cii-model-lines.js';
import { CII_MODEL_PARTY_ASSERTIONS } from './cii-model-parties.js';
import { CII_MODEL_REFERENCE_ASSERTIONS } from './cii-model-references.js';
import { CII_MODEL_TOTAL_ASSERTIONS } from './cii-model-totals.js';
import { CII_MODEL_VAT_BREAKDOWN_ASSERTIONS } from './cii-model-vat-breakdown.js';

export { CII_MODEL_CONTEXTS_HEAD, CII_MODEL_CONTEXTS_TAIL } from './cii-model-contexts.js';

/**
 * The CII binding of the EN 16931 model rules (pattern EN16931-CII-Model of the official artefacts 1.3.16),
 * without the VAT category rules (BR-S/Z/E/AE/IC/G/O/AF/AG, `cii-vat.ts`) and the code lists (BR-CL, `cii-codes.ts`).
 */
export const CII_MODEL_ASSERTIONS: readonly Assertion[] = [
  ...CII_MODEL_REFERENCE_ASSERTIONS,
  ...CII_MODEL_ALLOWANCE_ASSERTIONS,
  ...CII_MODEL_TOTAL_ASSERTIONS,
  ...CII_MODEL_INVOICE_ASSERTIONS,
  ...CII_MODEL_LINE_ASSERTIONS,
  ...CII_MODEL_PARTY_ASSERTIONS,
  ...CII_MODEL_VAT_BREAKDOWN_ASSERTIONS,
];
