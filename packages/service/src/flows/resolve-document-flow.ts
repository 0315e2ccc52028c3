import type { Database } from '../db/database.js';
import type { DocumentRecord } from '../documents/document.types.js';
import { BUILTIN_FLOW_VERSION, BUILTIN_FLOWS, findBuiltinFlow } from './builtin-flows.js';
import type { FlowDefinition } from './flow-definition.schema.js';
import { findFlowVersion } from './flow.repository.js';
import { selectFlow, type FlowCandidate, type FlowSelection } from './select-flow.js';

type PublishedRow = { name: string; version: number; definition: FlowDefinition };

/**
 * The flow a document runs. Once chosen it is recorded on the document and kept (a correction runs the same
 * version); the first time, it is chosen among the versions published before the document was received —
 * compared in SQL with the stored timestamp, exact to the microsecond.
 */
export async function resolveDocumentFlow(db: Database, document: DocumentRecord): Promise<FlowSelection> {
  if (document.flowName !== null && document.flowVersion !== null) return loadRecordedFlow(db, document, document.flowName, document.flowVersion);
  const { rows } = await db.query<PublishedRow>(
    `select distinct on (f.name) f.name, f.version, f.definition from flows f
     where f.tenant_id = $1 and f.state = 'published'
       and f.published_at <= (select d.created_at from documents d where d.tenant_id = $1 and d.id = $2)
     order by f.name, f.version desc`,
    [document.tenantId, document.id],
  );
  const candidates: FlowCandidate[] = [
    ...rows.map((row) => ({ name: row.name, version: row.version, definition: row.definition, builtin: false })),
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
