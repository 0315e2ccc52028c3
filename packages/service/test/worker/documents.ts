import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Database } from '../../src/db/database.js';
import { listArtifacts } from '../../src/documents/artifact.repository.js';
import { listLog } from '../../src/documents/document-log.repository.js';
import { findDocumentById, insertDocuments } from '../../src/documents/document.repository.js';
import type { DocumentContext } from '../../src/documents/document.types.js';
import type { BlobStore } from '../../src/storage/blob-store.js';

const FIXTURES = fileURLToPath(new URL('../../../core/test/fixtures/', import.meta.url));

/** An EN 16931 JSON invoice of the core's fixtures, as a plain object to modify. */
export function fixtureInvoice(name = 'invoice-xrechnung.json'): Record<string, unknown> {
  return JSON.parse(readFileSync(`${FIXTURES}${name}`, 'utf8')) as Record<string, unknown>;
}

/**
 * Stores a `received` document the way the API does (without its job): its input kept with it in
 * received_inputs — or, with `inBlobStore`, put in the blob store first, like a correction's input.
 * Returns the id.
 */
export async function receiveDocument(
  deps: { db: Database; blobs: BlobStore },
  options: { tenantId: string; input: unknown; context: DocumentContext; inBlobStore?: boolean },
): Promise<string> {
  const bytes = options.input instanceof Uint8Array ? options.input : new TextEncoder().encode(JSON.stringify(options.input));
  const sha256 = options.inBlobStore ? (await deps.blobs.put(bytes)).sha256 : createHash('sha256').update(bytes).digest('hex');
  const id = randomUUID();
  await deps.db.transaction((tx) =>
    insertDocuments(tx, [{ id, tenantId: options.tenantId, context: options.context, inputSha256: sha256, ...(options.inBlobStore ? {} : { input: bytes }) }]),
  );
  return id;
}

/** Everything recorded about a document: status, log and artifacts. */
export async function documentState(db: Database, tenantId: string, id: string) {
  const document = await findDocumentById(db, tenantId, id);
  if (!document) throw new Error(`No document ${id}`);
  return { status: document.status, log: await listLog(db, tenantId, id), artifacts: await listArtifacts(db, tenantId, id) };
}
