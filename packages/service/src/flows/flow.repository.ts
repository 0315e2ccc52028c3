import type { Database } from '../db/database.js';
import type { FlowDefinition } from './flow-definition.schema.js';

/** Whether a version can still be replaced by publishing (draft) or is live and immutable (published). */
export type FlowState = 'draft' | 'published';

/** One stored version of a tenant's flow. */
export type FlowVersion = {
  name: string;
  version: number;
  state: FlowState;
  definition: FlowDefinition;
  source: string;
  sourceMediaType: string;
  createdAt: Date;
  publishedAt: Date | null;
};

type FlowRow = {
  name: string;
  version: number;
  state: FlowState;
  definition: FlowDefinition;
  source: string;
  source_media_type: string;
  created_at: Date | string;
  published_at: Date | string | null;
};

const COLUMNS = 'name, version, state, definition, source, source_media_type, created_at, published_at';

function toVersion(row: FlowRow): FlowVersion {
  return {
    name: row.name,
    version: row.version,
    state: row.state,
    definition: row.definition,
    source: row.source,
    sourceMediaType: row.source_media_type,
    createdAt: new Date(row.created_at),
    publishedAt: row.published_at === null ? null : new Date(row.published_at),
  };
}

/**
 * Adds a draft version of the tenant's flow (version = last + 1, 1 for a new flow). The number is taken in
 * the insert itself; two posts racing for the same number make one fail on the primary key (the caller
 * answers 409 and the client posts again).
 */
export async function createFlowDraft(db: Database, tenantId: string, draft: { flow: FlowDefinition; source: string; sourceMediaType: string }): Promise<FlowVersion> {
  const { rows } = await db.query<FlowRow>(
    `insert into flows (tenant_id, name, version, state, definition, source, source_media_type)
     select $1, $2, coalesce(max(version), 0) + 1, 'draft', $3::jsonb, $4, $5 from flows where tenant_id = $1 and name = $2
     returning ${COLUMNS}`,
    [tenantId, draft.flow.name, JSON.stringify(draft.flow), draft.source, draft.sourceMediaType],
  );
  return toVersion(rows[0]!);
}

/**
 * Publishes the latest version of the tenant's flow if it is a draft; returns it, or why not: the flow does
 * not exist, or its latest version is already published (nothing new to publish).
 */
export async function publishLatestDraft(db: Database, tenantId: string, name: string): Promise<FlowVersion | 'missing' | 'nothing-to-publish'> {
  const { rows } = await db.query<FlowRow>(
    `update flows set state = 'published', published_at = now()
     where tenant_id = $1 and name = $2 and state = 'draft'
       and version = (select max(version) from flows where tenant_id = $1 and name = $2)
     returning ${COLUMNS}`,
    [tenantId, name],
  );
  if (rows[0]) return toVersion(rows[0]);
  const exists = await db.query('select 1 from flows where tenant_id = $1 and name = $2 limit 1', [tenantId, name]);
  return exists.rows.length > 0 ? 'nothing-to-publish' : 'missing';
}

/** Every version of one of the tenant's flows, newest first; empty when there is no such flow. */
export async function listFlowVersions(db: Database, tenantId: string, name: string): Promise<FlowVersion[]> {
  const { rows } = await db.query<FlowRow>(`select ${COLUMNS} from flows where tenant_id = $1 and name = $2 order by version desc`, [tenantId, name]);
  return rows.map(toVersion);
}

/** The latest version of each of the tenant's flows, by name. */
export async function listLatestFlows(db: Database, tenantId: string): Promise<(FlowVersion & { publishedVersion: number | null })[]> {
  const { rows } = await db.query<FlowRow & { published_version: number | null }>(
    `select distinct on (f.name) ${COLUMNS.split(', ').map((c) => `f.${c}`).join(', ')},
            (select max(p.version) from flows p where p.tenant_id = f.tenant_id and p.name = f.name and p.state = 'published') as published_version
     from flows f where f.tenant_id = $1 order by f.name, f.version desc`,
    [tenantId],
  );
  return rows.map((row) => ({ ...toVersion(row), publishedVersion: row.published_version }));
}

/** One version of the tenant's flow. */
export async function findFlowVersion(db: Database, tenantId: string, name: string, version: number): Promise<FlowVersion | undefined> {
  const { rows } = await db.query<FlowRow>(`select ${COLUMNS} from flows where tenant_id = $1 and name = $2 and version = $3`, [tenantId, name, version]);
  return rows[0] ? toVersion(rows[0]) : undefined;
}

/**
 * The newest version of each of the tenant's flows that was published at or before `asOf` (a document's
 * reception): a version published later applies to later documents only.
 */
export async function findPublishedFlows(db: Database, tenantId: string, asOf: Date): Promise<FlowVersion[]> {
  const { rows } = await db.query<FlowRow>(
    `select distinct on (name) ${COLUMNS} from flows
     where tenant_id = $1 and state = 'published' and published_at <= $2
     order by name, version desc`,
    [tenantId, asOf],
  );
  return rows.map(toVersion);
}
