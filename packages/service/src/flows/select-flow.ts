import type { FlowDefinition } from './flow-definition.schema.js';

/** A published flow version a document could run. */
export type FlowCandidate = { name: string; version: number; definition: FlowDefinition; builtin: boolean };

/** The flow chosen for a document, or why none could be. */
export type FlowSelection = { ok: true; flow: FlowCandidate } | { ok: false; reason: string };

/**
 * Chooses the flow of a document: the one its context names in `flow`, else the most specific whose `match`
 * fits (every key equal to the context's; more keys = more specific). At equal specificity a tenant's flow
 * beats a built-in one; two tenant flows tying is a configuration mistake, reported rather than guessed.
 */
export function selectFlow(context: Record<string, unknown>, candidates: readonly FlowCandidate[]): FlowSelection {
  const named = context['flow'];
  if (named !== undefined) {
    const flow = typeof named === 'string' ? candidates.find((c) => c.name === named) : undefined;
    return flow ? { ok: true, flow } : { ok: false, reason: `The context names the flow ${JSON.stringify(named)}, which has no published version` };
  }
  const fitting = candidates.filter((c) => fits(c.definition.match, context));
  if (fitting.length === 0) {
    return { ok: false, reason: `No published flow matches the context ${JSON.stringify(context)}; publish one whose "match" fits, or name one in context.flow` };
  }
  const rank = (c: FlowCandidate) => Object.keys(c.definition.match).length * 2 + (c.builtin ? 0 : 1);
  const best = Math.max(...fitting.map(rank));
  const winners = fitting.filter((c) => rank(c) === best);
  if (winners.length > 1) {
    return { ok: false, reason: `The flows ${winners.map((w) => `"${w.name}"`).join(' and ')} match the context equally well; make one more specific or name it in context.flow` };
  }
  return { ok: true, flow: winners[0]! };
}

function fits(match: Record<string, unknown>, context: Record<string, unknown>): boolean {
  return Object.entries(match).every(([key, value]) => context[key] !== undefined && String(context[key]) === String(value));
}
