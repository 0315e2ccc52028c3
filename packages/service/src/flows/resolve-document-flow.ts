import type { Database } from '../db/database.js';
import type { DocumentRecord } from '../documents/document.types.js';
import { BUILTIN_FLOW_VERSION, BUILTIN_FLOWS, findBuiltinFlow } from './builtin-flows.js';
import type { FlowDefinition } from './flow-definition.schema.js';
import { findFlowVersion } from './flow.repository.js';
import { selectFlow, type FlowCandidate, type FlowSelection } from './select-flow.js';

/** A published flow version a document may run, as read with the document. */
export type PublishedFlow = { name: string; version: number; definition: FlowDefinition };

/**
 * The flow a document runs. Once chosen it is recorded on the document and kept (a correction runs the same
 * version); the first time, it is chosen among `published`: the latest version of each tenant flow published
 * before the document was received, which the start of processing reads with the document (compared in
 * SQL with the stored timestamp, exact to the microsecond).
 */
export async function resolveDocumentFlow(db: Database, document: DocumentRecord, published: readonly PublishedFlow[] | undefined): Promise<FlowSelection> {
  if (document.flowName !== null && document.flowVersion !== null) return loadRecordedFlow(db, document, document.flowName, document.flowVersion);
  if (published === undefined) throw new Error(`The published flows were not read for document ${document.id}`);
  const candidates: FlowCandidate[] = [
    ...published.map((row) => ({ name: row.name, version: row.version, definition: row.definition, builtin: false })),
    ...BUILTIN_FLOWS.map((definition) => ({ name: definition.name, version: BUILTIN_FLOW_VERSION, definition, builtin: true })),
  ];
  return selectFlow(document.context, candidates);
}

/** A flow version by name, as a document recorded it. */
export async function loadRecordedFlow(db: Database, document: Pick<DocumentRecord, 'tenantId'>, name: string, version: number): Promise<FlowSelection> {
  const builtin = findBuiltinFlow(name);
  if (builtin) return { ok: true, flow: { name, version: BUILTIN_FLOW_VERSION, definition: builtin, builtin: true } };
  const stored = await findFlowVersion(db, document.tenantId, name, version);
  return stored ? { ok: true, flow: { name, version, definition: stored.definition, builtin: false } } : { ok: false, reason: `The flow "${name}" version ${version} no longer exists` };
}
