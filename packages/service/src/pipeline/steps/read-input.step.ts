import { DocumentReadError, readInvoice } from '@einvoice-hub/core';
import { onCpuLane } from '../cpu-lane.js';
import { stopWithFailure, type Step } from '../step.js';

/**
 * Reads the revision's input (the EN 16931 JSON the API received; UBL and CII are read too): as processing
 * started with it from `received_inputs`, or from the blob store. An unreadable input can never succeed,
 * so it fails the document instead of throwing (a throw would retry it). Runs before every flow.
 */
export const readInputStep: Step<Record<string, never>> = {
  name: 'read-input',
  async run(ctx) {
    // The received input, when processing started with it; else the blob store's copy. A missing blob is
    // not the input's fault: it throws, and the job is retried.
    const input = (ctx.input ??= await ctx.deps.blobs.get(ctx.document.inputSha256));
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
