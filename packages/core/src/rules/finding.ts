/** How serious a finding is, as the official rule flags it: fatal makes the document invalid. */
export type Severity = 'fatal' | 'warning';

/** One violation of one rule, located in the source document. */
export type Finding = {
  /** The official rule id, e.g. `BR-CO-10`. */
  rule: string;
  severity: Severity;
  /** What is wrong and what to fix, naming the business terms. */
  message: string;
  /** XPath-like location of the element the rule was checked on, e.g. `/Invoice/cac:InvoiceLine[2]`. */
  path: string;
  /** The business terms and groups involved (`BT-131`, `BG-25`). */
  terms: string[];
};

/** The outcome of validating one document. */
export type ValidationReport = {
  /** True when no finding is fatal. */
  valid: boolean;
  /** The syntax the document was read as. */
  syntax: 'ubl' | 'cii';
  /** The rule sets that were applied, by name. */
  ruleSets: string[];
  /** Every finding, in document order. */
  findings: Finding[];
};
