import type { Invoice } from '../model/invoice.js';
import { CODECS } from '../syntax/codecs.js';
import type { Diagnostic } from '../syntax/diagnostic.js';
import type { XmlLimits } from '../xml/xml-limits.js';
import { readInvoice, type InputFormat } from './read-invoice.js';
import { stampTarget, XML_TARGETS, type Target } from './targets.js';

/** The result of a conversion: the output text and everything that was not carried over faithfully. */
export type Conversion = {
  from: InputFormat;
  to: Target;
  output: string;
  mediaType: 'application/json' | 'application/xml';
  /** Diagnostics of reading the input, then of writing the output. */
  diagnostics: Diagnostic[];
};

/** Writes an invoice in a target form. */
export function writeInvoice(invoice: Invoice, to: Target): { output: string; mediaType: Conversion['mediaType']; diagnostics: Diagnostic[] } {
  if (to === 'json') return { output: `${JSON.stringify(invoice, null, 2)}\n`, mediaType: 'application/json', diagnostics: [] };
  const target = XML_TARGETS[to];
  const written = CODECS[target.syntax].serialize(stampTarget(invoice, target));
  return { output: written.xml, mediaType: 'application/xml', diagnostics: written.diagnostics };
}

/** Reads JSON, UBL or CII and writes it in the target form. Throws `DocumentReadError` on unreadable input. */
export function convertInvoice(input: string | Uint8Array, to: Target, limits: Partial<XmlLimits> = {}): Conversion {
  const read = readInvoice(input, limits);
  const written = writeInvoice(read.invoice, to);
  return { from: read.format, to, ...written, diagnostics: [...read.diagnostics, ...written.diagnostics] };
}
