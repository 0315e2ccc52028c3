import { writeFile } from 'node:fs/promises';
import { convertInvoice, DEFAULT_XML_LIMITS, isTarget, TARGETS, type Diagnostic } from '@einvoice-hub/core';
import { readInput, UsageError, writeText, EXIT, type CommandIo } from '../io.js';
import type { Command } from './command.js';
import { parseCommandLine } from '../args.js';

const HELP = `Usage: einvoice convert <file|-> --to <target> [-o <file>]

Reads an invoice or credit note as EN 16931 JSON, UBL 2.1 or CII D16B (detected from the content)
and writes it in the target form.

Targets:
  json              the EN 16931 JSON form (see docs/model.md)
  ubl               UBL 2.1, plain EN 16931 (BT-24 urn:cen.eu:en16931:2017)
  cii               UN/CEFACT CII D16B, plain EN 16931
  peppol-bis-3      UBL 2.1, Peppol BIS Billing 3.0
  xrechnung-ubl     UBL 2.1, XRechnung 3.0
  xrechnung-cii     CII D16B, XRechnung 3.0
  factur-x-en16931  CII D16B, Factur-X / ZUGFeRD profile EN 16931 (the XML part)

Options:
  --to <target>     the output form (required)
  -o, --output <f>  write to a file instead of standard output
  -h, --help        show this help

Anything the conversion could not carry over is listed on standard error.
Exit codes: 0 converted, 1 the input could not be processed, 2 usage error.`;

/** `einvoice convert`: JSON / UBL / CII in, any target out. */
export const convertCommand: Command = {
  name: 'convert',
  help: HELP,
  async run(args: string[], io: CommandIo): Promise<number> {
    const { values, positionals } = parseOptions(args);
    const [input, ...extra] = positionals;
    if (input === undefined) throw new UsageError('convert needs an input file (or - for standard input)');
    if (extra.length > 0) throw new UsageError(`convert takes one input, got also: ${extra.join(' ')}`);
    const to = values.to;
    if (to === undefined) throw new UsageError(`convert needs --to (one of ${TARGETS.join(', ')})`);
    if (!isTarget(to)) throw new UsageError(`unknown target "${to}"; use one of ${TARGETS.join(', ')}`);

    const bytes = await readInput(input, io.stdin, DEFAULT_XML_LIMITS.maxBytes);
    const conversion = convertInvoice(bytes, to);
    if (values.output !== undefined) await writeFile(values.output, conversion.output);
    else await writeText(io.stdout, conversion.output);
    if (conversion.diagnostics.length > 0) await writeText(io.stderr, formatDiagnostics(input, conversion.diagnostics));
    return EXIT.ok;
  },
};

function parseOptions(args: string[]) {
  return parseCommandLine(args, { to: { type: 'string' }, output: { type: 'string', short: 'o' }, help: { type: 'boolean', short: 'h' } });
}

function formatDiagnostics(input: string, diagnostics: Diagnostic[]): string {
  const lines = diagnostics.map((d) => {
    const where = d.line !== undefined ? `${input}:${d.line}:${d.column ?? 1}` : input;
    return `note: ${where}: ${d.path}: ${d.message}`;
  });
  return `${lines.join('\n')}\n`;
}
