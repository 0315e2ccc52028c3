/**
 * What a rule means, written once for every syntax: its official id, the business terms it is about, and
 * the message a person reads. Each syntax binds it to its own elements with assertions (`binding.ts`),
 * which also carry the official severity of that binding.
 */
export type RuleDefinition = {
  id: string;
  /** The business terms and groups involved, e.g. `['BT-131', 'BG-25']`. */
  terms: readonly string[];
  /** What is wrong and how to fix it, in this project's words. */
  message: string;
};

/** Shorthand for a definition. */
export function rule(id: string, terms: readonly string[], message: string): RuleDefinition {
  return { id, terms, message };
}
