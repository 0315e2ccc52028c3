import { TARGETS, type Target } from '@einvoice-hub/core';
import type { FlowDefinition } from './flow-definition.schema.js';
import { BUILTIN_PREFIX } from './parse-flow.js';

/** The name of the built-in flow of a format. */
export function builtinFlowName(format: Target): string {
  return `${BUILTIN_PREFIX}${format}`;
}

/**
 * The hub's built-in flows, one per target format: generate and validate, no delivery. They match on the
 * context's `format` alone, so any tenant flow that names more keys wins over them; tenants copy and extend them.
 */
export const BUILTIN_FLOWS: readonly FlowDefinition[] = TARGETS.map((format) => ({
  name: builtinFlowName(format),
  description: `Writes the invoice as ${format}${format === 'json' ? '' : ' and validates it against EN 16931'}; no delivery.`,
  match: { format },
  steps: format === 'json' ? [{ transform: { format } }] : [{ transform: { format } }, { validate: { rules: ['en16931'] } }],
}));

/** Version of every built-in flow; it changes with the release that changes them. */
export const BUILTIN_FLOW_VERSION = 1;

/** A built-in flow by name. */
export function findBuiltinFlow(name: string): FlowDefinition | undefined {
  return BUILTIN_FLOWS.find((flow) => flow.name === name);
}
