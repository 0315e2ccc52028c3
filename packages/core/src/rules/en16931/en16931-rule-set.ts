import type { SyntaxId } from '../../syntax/codec.js';
import type { RuleSet } from '../rule-set.js';
import { CII_CODE_ASSERTIONS, CII_CODE_CONTEXTS } from './cii/cii-codes.js';
import { CII_MODEL_ASSERTIONS, CII_MODEL_CONTEXTS_HEAD, CII_MODEL_CONTEXTS_TAIL } from './cii/cii-model.js';
import { CII_SYNTAX_ASSERTIONS, CII_SYNTAX_CONTEXTS, CII_SYNTAX_DEFINITIONS } from './cii/cii-syntax.js';
import { CII_VAT_ASSERTIONS, CII_VAT_CONTEXTS } from './cii/cii-vat.js';
import { CODE_LIST_DEFINITIONS } from './definitions/code-lists.js';
import { CORE_DEFINITIONS } from './definitions/core.js';
import { VAT_DEFINITIONS } from './definitions/vat-categories.js';
import { UBL_CODE_ASSERTIONS, UBL_CODE_CONTEXTS } from './ubl/ubl-codes.js';
import { UBL_MODEL_ASSERTIONS, UBL_MODEL_CONTEXTS } from './ubl/ubl-model.js';
import { UBL_SYNTAX_ASSERTIONS, UBL_SYNTAX_CONTEXTS, UBL_SYNTAX_DEFINITIONS } from './ubl/ubl-syntax.js';
import { UBL_VAT_ASSERTIONS, UBL_VAT_CONTEXTS } from './ubl/ubl-vat.js';

/** The meaning of every EN 16931 business rule, shared by both syntaxes. */
const SHARED_DEFINITIONS = [...CORE_DEFINITIONS, ...VAT_DEFINITIONS, ...CODE_LIST_DEFINITIONS];

/**
 * The EN 16931 rule set (validation artefacts 1.3.16) for one syntax. Context order follows the official
 * patterns, because within a pattern an element is checked only by the first context that matches it.
 */
export function en16931RuleSet(syntax: SyntaxId): RuleSet {
  if (syntax === 'ubl') {
    return {
      name: 'en16931',
      syntax,
      contexts: [...UBL_MODEL_CONTEXTS, ...UBL_VAT_CONTEXTS, ...UBL_SYNTAX_CONTEXTS, ...UBL_CODE_CONTEXTS],
      assertions: [...UBL_MODEL_ASSERTIONS, ...UBL_VAT_ASSERTIONS, ...UBL_SYNTAX_ASSERTIONS, ...UBL_CODE_ASSERTIONS],
      definitions: [...SHARED_DEFINITIONS, ...UBL_SYNTAX_DEFINITIONS],
    };
  }
  return {
    name: 'en16931',
    syntax,
    contexts: [...CII_MODEL_CONTEXTS_HEAD, ...CII_VAT_CONTEXTS, ...CII_MODEL_CONTEXTS_TAIL, ...CII_SYNTAX_CONTEXTS, ...CII_CODE_CONTEXTS],
    assertions: [...CII_MODEL_ASSERTIONS, ...CII_VAT_ASSERTIONS, ...CII_SYNTAX_ASSERTIONS, ...CII_CODE_ASSERTIONS],
    definitions: [...SHARED_DEFINITIONS, ...CII_SYNTAX_DEFINITIONS],
  };
}
