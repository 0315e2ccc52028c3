import { DEFAULT_XML_LIMITS, DocumentReadError, looksLikeJson, RULE_SET_NAMES, validateDocument, type Finding, type ValidationReport } from '@einvoice-hub/core/validator';
import { InputError, readInput, UsageError, writeText, EXIT, type CommandIo } from '../io.js';
import type { Command } from './command.js';
import { parseCommandLine } from '../args.js';

const HELP = `Usage: einvoice validate [--format text|json] [--rules <set>[,<set>]] <file|->...

Checks UBL 2.1 and CII D16B invoices and credit notes (or EN 16931 JSON, checked as UBL) against the
official business rules.

Options:
  --format text|json  text for people (default), or one JSON object per file per line:
                      {"file": "<path as given>", "valid": <bool>, "findings": [...]}
  --rules <sets>      rule sets to apply, comma-separated (default en16931; available: ${RULE_SET_NAMES.join(', ')})
  -h, --help          show this help

A file is valid when no finding is fatal; warnings do not make it invalid.
Exit codes: 0 every file valid, 1 some file has a fatal finding, 2 usage error or an input that could
not be read (the other files are still checked and reported; read errors go to standard error).`;

/** `einvoice validate`: the official rules over one or more documents. */
export const validateCommand: Command = {
  name: 'validate',
  help: HELP,
  async run(args: string[], io: CommandIo): Promise<number> {
    const { values, positionals } = parseOptions(args);
    const format = values.format ?? 'text';
    if (format !== 'text' && format !== 'json') throw new UsageError(`unknown format "${format}"; use text or json`);
    const rules = (values.rules ?? 'en16931').split(',').map((name) => name.trim()).filter((name) => name !== '');
    const unknown = rules.filter((name) => !RULE_SET_NAMES.includes(name));
    if (unknown.length > 0 || rules.length === 0) throw new UsageError(`unknown rule set "${unknown.join(', ')}"; available: ${RULE_SET_NAMES.join(', ')}`);
    if (positionals.length === 0) throw new UsageError('validate needs at least one file (or - for standard input)');
    if (positionals.filter((p) => p === '-').length > 1) throw new UsageError('standard input (-) can be given only once');

    let exitCode: number = EXIT.ok;
    for (const file of positionals) {
      let report: ValidationReport;
      try {
        const bytes = await readInput(file, io.stdin, DEFAULT_XML_LIMITS.maxBytes);
        // JSON needs the model and its schema library; load them only for JSON input.
        report = looksLikeJson(bytes) ? (await import('@einvoice-hub/core')).validate(bytes, { rules }) : validateDocument(bytes, { rules });
      } catch (error) {
        if (!(error instanceof DocumentReadError || error instanceof InputError)) throw error;
        const code = error instanceof DocumentReadError ? ` [${error.code}]` : '';
        await writeText(io.stderr, `einvoice validate: ${file}: ${error.message}${code}\n`);
        exitCode = EXIT.usage;
        continue;
      }
      if (!report.valid && exitCode === EXIT.ok) exitCode = EXIT.failed;
      const output = format === 'json' ? `${JSON.stringify({ file, valid: report.valid, findings: report.findings })}\n` : formatText(file, report);
      await writeText(io.stdout, output);
    }
    return exitCode;
  },
};

function parseOptions(args: string[]) {
  return parseCommandLine(args, { format: { type: 'string' }, rules: { type: 'string' }, help: { type: 'boolean', short: 'h' } });
}

/** People's format: a verdict line, then findings grouped by severity and rule, each with its location. */
export function formatText(file: string, report: ValidationReport): string {
  const fatal = report.findings.filter((f) => f.severity === 'fatal');
  const warnings = report.findings.filter((f) => f.severity === 'warning');
  const verdict = report.valid ? 'valid' : 'INVALID';
  const counts = `${fatal.length} fatal, ${warnings.length} warning${warnings.length === 1 ? '' : 's'}`;
  const lines = [`${file}: ${verdict} (${report.syntax.toUpperCase()}, rules ${report.ruleSets.join(', ')}; ${counts})`];
  for (const [label, findings] of [['fatal', fatal], ['warning', warnings]] as const) {
    for (const [rule, group] of groupByRule(findings)) {
      lines.push(`  ${label} ${rule}: ${group[0]?.message ?? ''}`);
      for (const finding of group) lines.push(`      at ${finding.path}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

function groupByRule(findings: readonly Finding[]): Map<string, Finding[]> {
  const groups = new Map<string, Finding[]>();
  for (const finding of findings) {
    const group = groups.get(finding.rule);
    if (group) group.push(finding);
    else groups.set(finding.rule, [finding]);
  }
  return groups;
}
