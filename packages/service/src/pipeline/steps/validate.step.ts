import { validateDocument } from '@einvoice-hub/core';
import { onCpuLane } from '../cpu-lane.js';
import { required, type Step } from '../step.js';

/** The rule sets every e-invoice is checked against (the flows issue makes this configurable). */
const RULE_SETS = ['en16931'] as const;

/** The rule ids named in a failure reason; the full list is in the log's findings and the report. */
const MAX_RULES_NAMED = 10;

/**
 * Validates the produced e-invoice against the EN 16931 rules and adds `validation-report.json`. A fatal
 * finding fails the document, but the pipeline goes on: the e-invoice and the report show what to fix.
 * The JSON target is not an e-invoice syntax the rules are written for, so it is not validated.
 */
export const validateStep: Step = {
  name: 'validate',
  async run(ctx) {
    const einvoice = required(ctx.einvoice, 'the e-invoice', this.name);
    if (einvoice.mediaType !== 'application/xml') {
      ctx.log.push({ step: this.name, level: 'info', message: 'Not validated: the JSON form is not an e-invoice syntax' });
      return;
    }
    const { report, bytes } = await onCpuLane(() => {
      const validated = validateDocument(einvoice.bytes, { rules: RULE_SETS });
      return { report: validated, bytes: new TextEncoder().encode(`${JSON.stringify(validated, null, 2)}\n`) };
    });
    ctx.report = report;
    ctx.outputs.push({ name: 'validation-report.json', mediaType: 'application/json', bytes });
    const fatal = report.findings.filter((f) => f.severity === 'fatal');
    const warnings = report.findings.length - fatal.length;
    const counts = `${fatal.length} fatal, ${warnings} warning${warnings === 1 ? '' : 's'}`;
    if (fatal.length > 0) {
      const rules = [...new Set(fatal.map((f) => f.rule))];
      const named = rules.slice(0, MAX_RULES_NAMED).join(', ') + (rules.length > MAX_RULES_NAMED ? ', …' : '');
      ctx.failure = `The e-invoice breaks ${rules.length} EN 16931 rule${rules.length === 1 ? '' : 's'}: ${named}`;
    }
    ctx.log.push({
      step: this.name,
      level: fatal.length > 0 ? 'error' : warnings > 0 ? 'warning' : 'info',
      message: `${fatal.length > 0 ? 'Invalid' : 'Valid'} (${report.ruleSets.join(', ')} on ${report.syntax.toUpperCase()}): ${counts}`,
      ...(report.findings.length > 0 ? { findings: report.findings } : {}),
    });
  },
};
