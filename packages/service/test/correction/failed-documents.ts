import type { Finding } from '@einvoice-hub/core';
import type { Database } from '../../src/db/database.js';
import { appendLog } from '../../src/documents/document-log.repository.js';
import { findDocumentById } from '../../src/documents/document.repository.js';
import type { DocumentContext, LogEntry } from '../../src/documents/document.types.js';
import type { BlobStore } from '../../src/storage/blob-store.js';
import { receiveDocument } from '../worker/documents.js';

/** BR-02 as the validator reports it on a UBL invoice without BT-1. */
export const BR_02: Finding = { rule: 'BR-02', severity: 'fatal', message: 'The Invoice number (BT-1) is missing; give the invoice its unique number.', path: '/Invoice', terms: ['BT-1'] };

/** The log lines of a document that failed validation with `findings`, the way processing writes them. */
export function failureLog(findings: readonly Finding[] = [BR_02]): Omit<LogEntry, 'at'>[] {
  const rules = findings.map((f) => f.rule).join(', ');
  return [
    { step: 'processing', level: 'info', message: 'Processing started' },
    { step: 'validate', level: 'error', message: `Invalid (en16931 on UBL): ${findings.length} fatal, 0 warnings`, findings: [...findings] },
    { step: 'result', level: 'error', message: `Failed: The e-invoice breaks ${findings.length} EN 16931 rule${findings.length === 1 ? '' : 's'}: ${rules}` },
  ];
}

/**
 * Stores `input` and a document in `status` (failed by default) with its log, as if processing had ended
 * that way; returns the document's id and input address.
 */
export async function insertFailedDocument(
  deps: { db: Database; blobs: BlobStore },
  options: { tenantId: string; input: unknown; status?: string; log?: readonly Omit<LogEntry, 'at'>[]; context?: DocumentContext },
): Promise<{ id: string; inputSha256: string }> {
  const id = await receiveDocument(deps, { tenantId: options.tenantId, input: options.input, context: options.context ?? { format: 'ubl' } });
  await deps.db.query(`update documents set status = $3 where tenant_id = $1 and id = $2`, [options.tenantId, id, options.status ?? 'failed']);
  await appendLog(deps.db, options.tenantId, id, options.log ?? failureLog());
  const document = await findDocumentById(deps.db, options.tenantId, id);
  if (!document) throw new Error(`No document ${id}`);
  return { id, inputSha256: document.inputSha256 };
}
