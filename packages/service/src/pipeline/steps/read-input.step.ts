import { DocumentReadError, readInvoice } from '@einvoice-hub/core';
import { onCpuLane } from '../cpu-lane.js';
import { stopWithFailure, type Step } from '../step.js';

/**
 * Reads the revision's input from the blob store (the EN 16931 JSON the API stored; UBL and CII are read
 * too). An unreadable input can never succeed, so it fails the document instead of throwing (a throw
 * would retry it). Runs before every flow.
 */
export const readInputStep: Step<Record<string, never>> = {
  name: 'read-input',
  async run(ctx) {
    // A missing blob is not the input's fault: it throws, and the job is retried.
    ctx.input = await ctx.deps.blobs.get(ctx.document.inputSha256);
    const input = ctx.input;
    try {
      const read = await onCpuLane(() => readInvoice(input));
      ctx.invoice = read.invoice;
      if (read.diagnostics.length > 0) {
        ctx.log.push({ step: this.name, level: 'warning', message: `Read the ${read.format} input with notes: ${read.diagnostics.map((d) => `${d.path}: ${d.message}`).join('; ')}` });
      }
    } catch (error) {
      if (!(error instanceof DocumentReadError)) throw error;
      stopWithFailure(ctx, this.name, `The invoice cannot be read: ${error.message} [${error.code}]`);
    }
  },
};
