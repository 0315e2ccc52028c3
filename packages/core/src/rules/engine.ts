import { pathOf } from '../xml/xml-element.js';
import { firstMatch, type CompiledRuleSet } from './compile.js';
import type { DocumentIndex } from './document-index.js';
import type { Finding } from './finding.js';

/** Runs compiled rule sets over a document: every element, every pattern, first matching context. */
export function runRuleSets(doc: DocumentIndex, ruleSets: readonly CompiledRuleSet[]): Finding[] {
  const findings: Finding[] = [];
  for (const element of doc.elements) {
    for (const ruleSet of ruleSets) {
      for (const candidates of ruleSet.candidatesFor(element.name)) {
        const match = firstMatch(candidates, element, doc);
        if (!match) continue;
        for (const assertion of match.assertions) {
          let passed: boolean;
          try {
            passed = assertion.test(element, doc);
          } catch (error) {
            // A crashing rule is a bug in this project: name the rule and the element.
            throw new Error(`Rule ${assertion.rule} crashed on ${pathOf(element)}: ${(error as Error).message}`, { cause: error });
          }
          if (passed) continue;
          findings.push({
            rule: assertion.rule,
            severity: assertion.flag,
            message: assertion.definition.message,
            path: pathOf(element),
            terms: [...assertion.definition.terms],
          });
        }
      }
    }
  }
  return findings;
}
