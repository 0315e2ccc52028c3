import { stepKind, stepSettings, type FlowDefinition, type StepKind } from './flow-definition.schema.js';
import type { FlowProblem } from './parse-flow.js';

/** Formats that are UBL documents, where an enveloped XML signature has its place (ext:UBLExtensions). */
export const SIGNABLE_FORMATS: readonly string[] = ['ubl', 'peppol-bis-3', 'xrechnung-ubl'];

/** Steps that make the e-invoice: they run in one go, before anything leaves the hub. */
const GENERATION: ReadonlySet<StepKind> = new Set(['normalize', 'transform', 'validate', 'sign']);

/**
 * The order a flow's steps must follow: normalize before transform; one transform, which every validate, sign
 * and deliver needs before it; nothing that changes the e-invoice after it was delivered; await-status after a
 * deliver. Caught when a flow is posted, not when a document runs into it.
 */
export function checkStepOrder(flow: FlowDefinition): FlowProblem[] {
  const problems: FlowProblem[] = [];
  let format: string | undefined;
  let transforms = 0;
  let delivered = false;
  flow.steps.forEach((step, index) => {
    const kind = stepKind(step);
    const path = `steps[${index}].${kind}`;
    const add = (message: string) => problems.push({ path, message });
    if (GENERATION.has(kind) && delivered) add('must come before every deliver and await-status step: the e-invoice cannot change once it was sent');
    switch (kind) {
      case 'normalize':
        if (format !== undefined) add('must come before transform: it works on the invoice\'s data, not on the written e-invoice');
        break;
      case 'transform':
        transforms += 1;
        format = stepSettings(step, 'transform').format;
        break;
      case 'validate':
        if (format === undefined) add('needs a transform step before it');
        else if (format === 'json') add('cannot check the JSON form: the rule sets are written for UBL and CII (transform to an XML format)');
        break;
      case 'sign':
        if (format === undefined) add('needs a transform step before it');
        else if (!SIGNABLE_FORMATS.includes(format)) add(`cannot sign ${format}: an enveloped signature has a place only in UBL-based formats (${SIGNABLE_FORMATS.join(', ')})`);
        break;
      case 'deliver':
        if (format === undefined) add('needs a transform step before it');
        delivered = true;
        break;
      case 'await-status':
        if (!delivered) add('needs a deliver step before it: it waits for the verdict on what was delivered');
        break;
      case 'notify':
        break;
    }
  });
  if (transforms === 0) problems.push({ path: 'steps', message: 'needs a transform step: it writes the e-invoice the other steps work on' });
  if (transforms > 1) problems.push({ path: 'steps', message: 'has more than one transform step; a flow produces one e-invoice' });
  return problems;
}
