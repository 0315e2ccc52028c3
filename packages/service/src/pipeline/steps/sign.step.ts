import { DocumentReadError } from '@einvoice-hub/core';
import { AppError } from '../../errors/app-error.js';
import type { StepSettings } from '../../flows/flow-definition.schema.js';
import { resolveCertificate } from '../../secrets/resolve-secret.js';
import { signEnveloped } from '../../signing/xmldsig-enveloped.js';
import { onCpuLane } from '../cpu-lane.js';
import { required, stopWithFailure, type Step } from '../step.js';

/**
 * Signs the e-invoice with an enveloped XML signature under the tenant's certificate, named in the flow and
 * read from the encrypted secret store. A document that already failed is not signed; a missing or unusable
 * certificate fails the document with the reason (an administrator must fix the configuration).
 */
export const signStep: Step<StepSettings['sign']> = {
  name: 'sign',
  async run(ctx, settings) {
    const einvoice = required(ctx.einvoice, 'the e-invoice', this.name);
    if (ctx.failure !== undefined) {
      ctx.log.push({ step: this.name, level: 'info', message: 'Not signed: the document failed an earlier step' });
      return;
    }
    const box = ctx.deps.secrets;
    if (!box) throw new Error('Signing needs the secret store, which this worker was started without');
    try {
      const credentials = await resolveCertificate(ctx.deps.db, box, ctx.document.tenantId, settings.certificate);
      const signed = await onCpuLane(() => signEnveloped(new TextDecoder().decode(einvoice.bytes), credentials));
      ctx.einvoice = { ...einvoice, bytes: new TextEncoder().encode(signed) };
      ctx.log.push({ step: this.name, level: 'info', message: `Signed (XMLDSig enveloped) with the certificate "${settings.certificate}"` });
    } catch (error) {
      if (!(error instanceof AppError) && !(error instanceof DocumentReadError)) throw error;
      stopWithFailure(ctx, this.name, `Cannot sign with "${settings.certificate}": ${error.message}`);
    }
  },
};
