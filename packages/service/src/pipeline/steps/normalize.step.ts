import { normalizeInvoice } from '@einvoice-hub/core';
import type { StepSettings } from '../../flows/flow-definition.schema.js';
import { required, stopWithFailure, type Step } from '../step.js';

/**
 * Repairs common mistakes in the invoice before it is written: each change is a warning in the log with
 * the original value; a value invalid beyond repair fails the document, naming the value and the check.
 */
export const normalizeStep: Step<StepSettings['normalize']> = {
  name: 'normalize',
  async run(ctx) {
    const invoice = required(ctx.invoice, 'the invoice', this.name);
    const country = typeof ctx.document.context.country === 'string' ? ctx.document.context.country : undefined;
    const result = normalizeInvoice(invoice, { country });
    ctx.invoice = result.invoice;
    for (const change of result.changes) {
      ctx.log.push({
        step: this.name,
        level: 'warning',
        message: `${change.path} (${change.terms.join(', ')}): ${change.reason}: ${JSON.stringify(change.from)} → ${JSON.stringify(change.to)}`,
      });
    }
    if (result.problems.length > 0) {
      for (const problem of result.problems.slice(1)) ctx.log.push({ step: this.name, level: 'error', message: describe(problem) });
      stopWithFailure(ctx, this.name, describe(result.problems[0]!));
    } else if (result.changes.length === 0) {
      ctx.log.push({ step: this.name, level: 'info', message: 'Nothing to normalize' });
    }
  },
};

function describe(problem: { path: string; terms: string[]; value: string; check: string; message: string }): string {
  return `${problem.path} (${problem.terms.join(', ')}) ${JSON.stringify(problem.value)} fails the check ${problem.check}: ${problem.message}`;
}
