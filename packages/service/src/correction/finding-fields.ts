import type { Finding } from '@einvoice-hub/core';
import { lineIndexOf, type InvoiceField, type TermRequest } from './invoice-form.js';

/**
 * Ties validation findings to form fields through their business terms: a finding names the terms it is
 * about (BR-CO-10: BT-106, BT-131), a field carries its term. A finding located in an invoice line
 * (`cac:InvoiceLine[2]`, `ram:IncludedSupplyChainTradeLineItem[2]`) concerns that line's fields only.
 */

/** The parts of a finding this module reads. */
export type FindingLike = Pick<Finding, 'rule' | 'message' | 'path' | 'terms'>;

/** Which fields each finding concerns (by the findings' order) and which findings concern each field (by path). */
export type FindingMatches = { fieldsOfFinding: string[][]; findingsOfField: Map<string, number[]> };

// UBL writes lines as cac:InvoiceLine / cac:CreditNoteLine, CII as ram:IncludedSupplyChainTradeLineItem, in
// the model's order; the XPath position is 1-based.
const LINE_IN_PATH = /(?:cac:InvoiceLine|cac:CreditNoteLine|ram:IncludedSupplyChainTradeLineItem)\[(\d+)\]/;

/** The invoice line (0-based, as in `lines[n]`) a finding is located in, if any. */
export function findingLineIndex(finding: Pick<Finding, 'path'>): number | undefined {
  const match = LINE_IN_PATH.exec(finding.path);
  return match ? Number(match[1]) - 1 : undefined;
}

/** The terms (BT-n) the findings name, to offer as fields where the invoice lacks them. */
export function termRequestsOf(findings: readonly FindingLike[]): TermRequest[] {
  const requests = new Map<string, TermRequest>();
  for (const finding of findings) {
    const line = findingLineIndex(finding);
    for (const term of finding.terms) {
      if (!term.startsWith('BT-')) continue; // a group (BG-25) would offer every field of it
      requests.set(`${term}@${line ?? ''}`, { term, ...(line === undefined ? {} : { line }) });
    }
  }
  return [...requests.values()];
}

/** Matches findings and fields by business term (BT-n only), within the finding's line when it has one. */
export function matchFindings(fields: readonly InvoiceField[], findings: readonly FindingLike[]): FindingMatches {
  const findingsOfField = new Map<string, number[]>();
  const fieldsOfFinding = findings.map((finding, index) => {
    const line = findingLineIndex(finding);
    const terms = finding.terms.filter((term) => term.startsWith('BT-'));
    const matched = fields.filter((field) => {
      if (!field.terms?.some((term) => terms.includes(term))) return false;
      const fieldLine = lineIndexOf(field.path);
      return line === undefined || fieldLine === undefined || fieldLine === line;
    });
    for (const field of matched) findingsOfField.set(field.path, [...(findingsOfField.get(field.path) ?? []), index]);
    return matched.map((field) => field.path);
  });
  return { fieldsOfFinding, findingsOfField };
}
