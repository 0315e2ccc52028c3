import type { Database } from '../db/database.js';
import type { ArtifactRecord } from './document.types.js';

type ArtifactRow = { revision: number; name: string; media_type: string; size: string | number; sha256: string; created_at: Date | string };

function toRecord(row: ArtifactRow): ArtifactRecord {
  return { revision: row.revision, name: row.name, mediaType: row.media_type, size: Number(row.size), sha256: row.sha256, createdAt: new Date(row.created_at) };
}

/** Records artifacts of a revision of the tenant's document; an artifact already recorded under the same name is kept as is. */
export async function insertArtifacts(db: Database, tenantId: string, documentId: string, artifacts: readonly Omit<ArtifactRecord, 'createdAt' | 'revision'>[], revision = 1): Promise<void> {
  await db.query(
    `insert into artifacts (tenant_id, document_id, revision, name, media_type, size, sha256)
     select $1, $2, $3, a.name, a.media_type, a.size, a.sha256
     from jsonb_to_recordset($4::jsonb) as a(name text, media_type text, size bigint, sha256 text)
     on conflict (document_id, revision, name) do nothing`,
    [tenantId, documentId, revision, JSON.stringify(artifacts.map((a) => ({ name: a.name, media_type: a.mediaType, size: a.size, sha256: a.sha256 })))],
  );
}

/** The tenant's document's artifacts of every revision, in the order they were made. */
export async function listArtifacts(db: Database, tenantId: string, documentId: string): Promise<ArtifactRecord[]> {
  const result = await db.query<ArtifactRow>(
    `select revision, name, media_type, size, sha256, created_at from artifacts where tenant_id = $1 and document_id = $2 order by revision, created_at, name`,
    [tenantId, documentId],
  );
  return result.rows.map(toRecord);
}

/** One artifact of the tenant's document, by name: of the given revision, else of the latest revision that has one. */
export async function findArtifact(db: Database, tenantId: string, documentId: string, name: string, revision?: number): Promise<ArtifactRecord | undefined> {
  const result = await db.query<ArtifactRow>(
    `select revision, name, media_type, size, sha256, created_at from artifacts
     where tenant_id = $1 and document_id = $2 and name = $3 and ($4::int is null or revision = $4)
     order by revision desc limit 1`,
    [tenantId, documentId, name, revision ?? null],
  );
  return result.rows[0] ? toRecord(result.rows[0]) : undefined;
}
