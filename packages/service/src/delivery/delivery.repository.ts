import type { Database } from '../db/database.js';

/** A pending delivery: one deliver step of one document revision. */
export type PendingDelivery = {
  tenantId: string;
  documentId: string;
  revision: number;
  step: number;
  destinationKey: string;
  attempts: number;
  deadline: Date;
  nextAttemptAt: Date;
  idempotencyKey: string;
  artifactName: string | null;
  /** Whether the next attempt is due (compared on the database's clock). */
  due: boolean;
};

type DeliveryRow = {
  tenant_id: string;
  document_id: string;
  revision: number;
  step: number;
  destination_key: string;
  attempts: number;
  deadline: Date | string;
  next_attempt_at: Date | string;
  idempotency_key: string;
  artifact_name: string | null;
  due: boolean;
};

/** The oldest pending delivery of a tenant's destination — the one that must go out before any other. */
export async function findHeadDelivery(db: Database, at: { tenantId: string; destinationKey: string }): Promise<PendingDelivery | undefined> {
  const { rows } = await db.query<DeliveryRow>(
    `select tenant_id, document_id, revision, step, destination_key, attempts, deadline, next_attempt_at, idempotency_key, artifact_name,
            next_attempt_at <= now() as due
     from deliveries where tenant_id = $1 and destination_key = $2 and state = 'pending'
     order by accepted_at, document_id, revision, step limit 1`,
    [at.tenantId, at.destinationKey],
  );
  const row = rows[0];
  if (!row) return undefined;
  return {
    tenantId: row.tenant_id,
    documentId: row.document_id,
    revision: row.revision,
    step: row.step,
    destinationKey: row.destination_key,
    attempts: row.attempts,
    deadline: new Date(row.deadline),
    nextAttemptAt: new Date(row.next_attempt_at),
    idempotencyKey: row.idempotency_key,
    artifactName: row.artifact_name,
    due: row.due,
  };
}

/** Ends a delivery as delivered or failed, counting the attempt. */
export async function closeDelivery(tx: Database, delivery: PendingDelivery, state: 'delivered' | 'failed', detail: string): Promise<void> {
  await tx.query(
    `update deliveries set state = $5, attempts = attempts + 1, last_error = $6, updated_at = now()
     where tenant_id = $1 and document_id = $2 and revision = $3 and step = $4 and state = 'pending'`,
    [delivery.tenantId, delivery.documentId, delivery.revision, delivery.step, state, state === 'failed' ? detail : null],
  );
}

/** Counts a failed attempt and sets when the next one is due. */
export async function postponeDelivery(tx: Database, delivery: PendingDelivery, nextAttemptAt: Date, detail: string): Promise<void> {
  await tx.query(
    `update deliveries set attempts = attempts + 1, next_attempt_at = $5, last_error = $6, updated_at = now()
     where tenant_id = $1 and document_id = $2 and revision = $3 and step = $4 and state = 'pending'`,
    [delivery.tenantId, delivery.documentId, delivery.revision, delivery.step, nextAttemptAt, detail],
  );
}
