import type { StepSettings } from '../../flows/flow-definition.schema.js';
import { validateOnThread } from '../validation-thread.js';
import { required, type Step } from '../step.js';

/** The rule ids named in a failure reason; the full list is in the log's findings and the report. */
const MAX_RULES_NAMED = 10;

/**
 * Validates the e-invoice against the step's rule sets (EN 16931 by default), on the validation thread,
 * and adds `validation-report.json`. A fatal finding — or any finding with `blockOnWarnings` — fails the
 * document, but the other steps still produce their files: the e-invoice and the report show what to fix.
 */
export const validateStep: Step<StepSettings['validate']> = {
  name: 'validate',
  async run(ctx, settings) {
    const einvoice = required(ctx.einvoice, 'the e-invoice', this.name);
    const rules = settings.rules ?? ['en16931'];
    const { report, json: bytes } = await validateOnThread(einvoice.bytes, rules);
    ctx.report = report;
    ctx.outputs.push({ name: 'validation-report.json', mediaType: 'application/json', bytes });
    const blocking = report.findings.filter((f) => f.severity === 'fatal' || settings.blockOnWarnings === true);
    const fatal = report.findings.filter((f) => f.severity === 'fatal').length;
    const warnings = report.findings.length - fatal;
    const counts = `${fatal} fatal, ${warnings} warning${warnings === 1 ? '' : 's'}`;
    if (blocking.length > 0) {
      const ids = [...new Set(blocking.map((f) => f.rule))];
      const named = ids.slice(0, MAX_RULES_NAMED).join(', ') + (ids.length > MAX_RULES_NAMED ? ', …' : '');
      const what = fatal > 0 ? 'breaks' : 'has warnings (blocking in this flow) for';
      ctx.failure ??= `The e-invoice ${what} ${ids.length} rule${ids.length === 1 ? '' : 's'} of ${report.ruleSets.join(', ')}: ${named}`;
    }
    ctx.log.push({
      step: this.name,
      level: blocking.length > 0 ? 'error' : warnings > 0 ? 'warning' : 'info',
      message: `${blocking.length > 0 ? 'Invalid' : 'Valid'} (${report.ruleSets.join(', ')} on ${report.syntax.toUpperCase()}): ${counts}`,
      ...(report.findings.length > 0 ? { findings: report.findings } : {}),
    });
  },
};
