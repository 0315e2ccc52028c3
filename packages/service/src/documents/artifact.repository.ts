import type { Database } from '../db/database.js';
import type { ArtifactRecord } from './document.types.js';

type ArtifactRow = { name: string; media_type: string; size: string | number; sha256: string; created_at: Date | string };

function toRecord(row: ArtifactRow): ArtifactRecord {
  return { name: row.name, mediaType: row.media_type, size: Number(row.size), sha256: row.sha256, createdAt: new Date(row.created_at) };
}

/** Records artifacts of the tenant's document; an artifact already recorded under the same name is kept as is. */
export async function insertArtifacts(db: Database, tenantId: string, documentId: string, artifacts: readonly Omit<ArtifactRecord, 'createdAt'>[]): Promise<void> {
  for (const artifact of artifacts) {
    await db.query(
      `insert into artifacts (tenant_id, document_id, name, media_type, size, sha256) values ($1, $2, $3, $4, $5, $6)
       on conflict (document_id, name) do nothing`,
      [tenantId, documentId, artifact.name, artifact.mediaType, artifact.size, artifact.sha256],
    );
  }
}

/** The tenant's document's artifacts, in the order they were made. */
export async function listArtifacts(db: Database, tenantId: string, documentId: string): Promise<ArtifactRecord[]> {
  const result = await db.query<ArtifactRow>(
    `select name, media_type, size, sha256, created_at from artifacts where tenant_id = $1 and document_id = $2 order by created_at, name`,
    [tenantId, documentId],
  );
  return result.rows.map(toRecord);
}

/** One artifact of the tenant's document, by name. */
export async function findArtifact(db: Database, tenantId: string, documentId: string, name: string): Promise<ArtifactRecord | undefined> {
  const result = await db.query<ArtifactRow>(
    `select name, media_type, size, sha256, created_at from artifacts where tenant_id = $1 and document_id = $2 and name = $3`,
    [tenantId, documentId, name],
  );
  return result.rows[0] ? toRecord(result.rows[0]) : undefined;
}
