import { writeInvoice } from '@einvoice-hub/core';
import type { StepSettings } from '../../flows/flow-definition.schema.js';
import { onCpuLane } from '../cpu-lane.js';
import { required, type Step } from '../step.js';

/** Writes the invoice in the step's format: the e-invoice (`invoice.xml`, or `invoice.json` for the JSON target). */
export const transformStep: Step<StepSettings['transform']> = {
  name: 'transform',
  async run(ctx, { format }) {
    const invoice = required(ctx.invoice, 'the invoice', this.name);
    const written = await onCpuLane(() => {
      const { output, mediaType, diagnostics } = writeInvoice(invoice, format);
      return { bytes: new TextEncoder().encode(output), mediaType, diagnostics };
    });
    ctx.einvoice = { name: written.mediaType === 'application/xml' ? 'invoice.xml' : 'invoice.json', mediaType: written.mediaType, bytes: written.bytes };
    // Terms the target cannot carry are not an error of the document, but the client must know they were dropped.
    const notes = written.diagnostics.map((d) => `${d.path}: ${d.message}`);
    ctx.log.push(
      notes.length === 0
        ? { step: this.name, level: 'info', message: `Wrote ${format}` }
        : { step: this.name, level: 'warning', message: `Wrote ${format}; not carried over: ${notes.join('; ')}` },
    );
  },
};
