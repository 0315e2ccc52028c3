import type { Database } from '../db/database.js';
import { NotFoundError } from '../errors/app-error.js';
import type { BlobStore } from '../storage/blob-store.js';

/**
 * Received inputs (`received_inputs`): the API commits a submission's input with its document, in one
 * statement, and the worker copies it into the blob store, deleting the row when it records the
 * processing (`releaseInput` of a move). Until then — or when processing never got that far — a reader
 * finds the input here.
 */

/** The bytes of a tenant's received input not yet released, or undefined. */
export async function findReceivedInput(db: Database, tenantId: string, sha256: string): Promise<Uint8Array | undefined> {
  const { rows } = await db.query<{ content: Uint8Array }>('select content from received_inputs where tenant_id = $1 and sha256 = $2', [tenantId, sha256]);
  const content = rows[0]?.content;
  return content === undefined ? undefined : asBytes(content);
}

/** A document's input: from the blob store, or, before the worker stored it there, from received inputs. */
export async function loadDocumentInput(deps: { db: Database; blobs: BlobStore }, tenantId: string, sha256: string): Promise<Uint8Array> {
  try {
    return await deps.blobs.get(sha256);
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
    const received = await findReceivedInput(deps.db, tenantId, sha256);
    if (received === undefined) throw error;
    return received;
  }
}

/** A bytea value as plain bytes (node-postgres gives a Buffer, PGlite a Uint8Array). */
export function asBytes(value: Uint8Array): Uint8Array {
  return value.constructor === Uint8Array ? value : new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
}
