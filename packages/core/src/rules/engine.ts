import { pathOf, type XmlElement } from '../xml/xml-element.js';
import { firstMatch, type CompiledAssertion, type CompiledContext, type CompiledRuleSet, type CompiledStep } from './compile.js';
import type { DocumentIndex } from './document-index.js';
import type { Finding } from './finding.js';

/**
 * Runs compiled rule sets over a document: every element, every pattern, first matching context. Elements are
 * visited name by name (each name's candidate contexts are looked up once, and the same rules run one after
 * the other, which keeps their code in the processor's caches); findings are then put back in document order.
 */
export function runRuleSets(doc: DocumentIndex, ruleSets: readonly CompiledRuleSet[]): Finding[] {
  const findings: Finding[] = [];
  // The element of each finding, to put them back in document order.
  const owners: XmlElement[] = [];
  // Rule set by rule set: the stable sort at the end puts an element's findings of one set before the next's.
  for (const ruleSet of ruleSets) {
    for (const group of doc.groups) {
      const patterns = ruleSet.candidatesFor(group.name, group.local);
      if (patterns.length === 0) continue;
      for (let e = 0; e < group.elements.length; e++) {
        const element = group.elements[e] as XmlElement;
        const before = findings.length;
        for (let p = 0; p < patterns.length; p++) {
          const match = firstMatch(patterns[p] as readonly CompiledContext[], element, doc);
          if (match !== undefined) runSteps(match.steps, element, doc, findings);
        }
        for (let f = before; f < findings.length; f++) owners.push(element);
      }
    }
  }
  return findings.length > 1 ? inDocumentOrder(findings, owners, doc) : findings;
}

/** Findings sorted by the position of their element; an element's own findings keep their order. */
function inDocumentOrder(findings: Finding[], owners: readonly XmlElement[], doc: DocumentIndex): Finding[] {
  const positionOf = new Map<XmlElement, number>();
  doc.elements.forEach((element, position) => positionOf.set(element, position));
  const positions = owners.map((owner) => positionOf.get(owner) as number);
  let sorted = true;
  for (let i = 1; i < positions.length && sorted; i++) sorted = (positions[i - 1] as number) <= (positions[i] as number);
  if (sorted) return findings;
  const order = findings.map((_, i) => i);
  // Array.prototype.sort is stable, so equal positions keep the order the rules produced them in.
  order.sort((a, b) => (positions[a] as number) - (positions[b] as number));
  return order.map((i) => findings[i] as Finding);
}

/** Runs a context's steps on an element, adding a finding for every assertion that does not hold. */
function runSteps(steps: readonly CompiledStep[], element: XmlElement, doc: DocumentIndex, findings: Finding[]): void {
  let i = 0;
  try {
    for (; i < steps.length; i++) {
      const step = steps[i] as CompiledStep;
      if (step.kind === 'single') {
        if (!step.assertion.test(element, doc)) findings.push(findingOf(step.assertion, element));
        continue;
      }
      const failing = step.group.failing(element, doc);
      if (failing === undefined) continue;
      for (const member of step.members) if (failing[member.row] === 1) findings.push(findingOf(member.assertion, element));
    }
  } catch (error) {
    // A crashing rule is a bug in this project: name the rule and the element.
    throw new Error(`Rule ${rulesOf(steps[i] as CompiledStep)} crashed on ${pathOf(element)}: ${(error as Error).message}`, { cause: error });
  }
}

function rulesOf(step: CompiledStep): string {
  if (step.kind === 'single') return step.assertion.rule;
  const rules = step.members.map((m) => m.assertion.rule);
  return rules.length > 2 ? `${rules[0]} … ${rules[rules.length - 1]}` : rules.join(', ');
}

function findingOf(assertion: CompiledAssertion, element: XmlElement): Finding {
  return {
    rule: assertion.rule,
    severity: assertion.flag,
    message: assertion.definition.message,
    path: pathOf(element),
    terms: [...assertion.definition.terms],
  };
}
