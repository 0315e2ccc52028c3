import { randomUUID } from 'node:crypto';
import { documentKindOf, findUnwritableText, formatJsonPath, readInvoiceJson, unwritableTextMessage } from '@einvoice-hub/core';
import type { DocumentContext, DocumentRecord } from '../documents/document.types.js';
import type { Database } from '../db/database.js';
import { groupCommit } from '../db/group-commit.js';
import { insertDocuments } from '../documents/document.repository.js';
import { AppError } from '../errors/app-error.js';
import { PROCESS_DOCUMENT, type JobQueue, type ProcessDocumentJob } from '../queue/job-queue.js';
import type { ApiDeps } from './api-deps.js';
import { canonicalJson, sha256Hex } from './canonical-json.js';
import { documentContextSchema, MAX_BATCH_ITEMS, submitDocumentEnvelope } from './routes/submit.schema.js';
import { describeProblems, problemsOf, type InputProblem } from './zod-schemas.js';

/** A document that passed validation, ready to be stored. */
export type Submission = {
  context: DocumentContext;
  /** The invoice as canonical JSON (UTF-8): what the blob store keeps and the worker reads. */
  invoiceJson: string;
  /** SHA-256 of the canonical request (context and invoice): the idempotency fingerprint. */
  requestSha256: string;
  idempotencyKey?: string;
};

/** What became of one submission. */
export type SubmissionOutcome =
  | { kind: 'accepted'; document: DocumentRecord; created: boolean }
  | { kind: 'conflict'; error: AppError };

/**
 * Checks one `{ context, invoice }` and returns it ready to store, or throws an AppError naming every
 * problem: `bad-request` (the envelope), `invalid-context`, or `invalid-invoice` (the core's reader).
 */
export function parseSubmission(body: unknown, idempotencyKey?: string): Submission {
  const envelope = submitDocumentEnvelope.safeParse(body);
  if (!envelope.success) throw invalid('bad-request', 'The request body', problemsOf(envelope.error));
  const context = documentContextSchema.safeParse(envelope.data.context);
  if (!context.success) throw invalid('invalid-context', 'The context', problemsOf(context.error, 'context'));
  // The context is stored as JSON in the database and matched against flows: text must be storable (no NUL).
  const unwritable = findUnwritableText(context.data).map((found) => ({ path: formatJsonPath(['context', ...found.path]), message: unwritableTextMessage(found.codePoint) }));
  if (unwritable.length > 0) throw invalid('invalid-context', 'The context', unwritable);
  const invoice = readInvoiceJson(envelope.data.invoice);
  if (!invoice.ok) {
    const problems = invoice.problems.map((p) => ({ path: p.path === '(document)' ? 'invoice' : `invoice.${p.path}`, message: p.message }));
    throw invalid('invalid-invoice', 'The invoice is not a valid EN 16931 JSON invoice', problems);
  }
  const declared = context.data.documentType;
  const actual = documentKindOf(invoice.invoice);
  if (declared !== undefined && declared !== actual) {
    const problem = { path: 'context.documentType', message: `is "${declared}" but the invoice is a ${actual} (BT-3 ${invoice.invoice.typeCode ?? 'absent'})` };
    throw invalid('invalid-context', 'The context', [problem]);
  }
  const invoiceJson = canonicalJson(envelope.data.invoice);
  return {
    context: context.data as DocumentContext,
    invoiceJson,
    // The canonical JSON of { context, invoice } ("context" sorts first), built without canonicalising the invoice twice.
    requestSha256: sha256Hex(`{"context":${canonicalJson(envelope.data.context)},"invoice":${invoiceJson}}`),
    ...(idempotencyKey !== undefined ? { idempotencyKey } : {}),
  };
}

function invalid(code: 'bad-request' | 'invalid-context' | 'invalid-invoice', what: string, problems: InputProblem[]): AppError {
  return new AppError(code, `${what}: ${describeProblems(problems)}`, { details: problems });
}

/** One submission of a tenant, on its way into the database with its input. */
type PendingSubmission = { tenantId: string; submission: Submission; input: Uint8Array; inputSha256: string };

/** Stores submissions of a tenant durably and says what became of each, in order. */
export type SubmissionStore = (tenantId: string, submissions: readonly Submission[]) => Promise<SubmissionOutcome[]>;

/**
 * Stores submissions durably in ONE statement (or, with a queue that cannot enqueue from SQL, one
 * transaction): every document row, its first revision, its `received` log line, its input (in
 * `received_inputs`, until the worker copies it into the blob store) and its process-document job. So the
 * database's commit is the only disk flush a submission waits for — not a blob store's as well.
 * Submissions arriving together — concurrent requests, of any tenants — share that statement (group
 * commit). A submission whose idempotency key the tenant already used returns that document (same request)
 * or a conflict (another request); the unique index decides races.
 */
export function createSubmissionStore(deps: Pick<ApiDeps, 'db' | 'queue'>): SubmissionStore {
  const enqueueSql = deps.queue.enqueueSql?.bind(deps.queue);
  const write = groupCommit<PendingSubmission, SubmissionOutcome>({
    // Where the queue can write jobs from SQL, documents and jobs go in ONE statement — atomic on its own,
    // one round trip instead of four (BEGIN, documents, jobs, COMMIT); else in a transaction.
    run: async (items) => {
      const outcomes = await (enqueueSql
        ? insertSubmissions(deps.db, items, { jobsFor: (inserted) => enqueueSql(PROCESS_DOCUMENT, processDocumentJobs(inserted)) })
        : deps.db.transaction((tx) => insertSubmissions(tx, items, { queue: deps.queue })));
      // The jobs are committed: an idle worker of this process starts on them now, not at its next poll.
      if (outcomes.some((o) => o.kind === 'accepted' && o.created)) deps.queue.wake?.(PROCESS_DOCUMENT);
      return outcomes;
    },
    // Two units at a time: one commits while the next one fills (four measured no better).
    maxInFlight: 2,
    maxItems: MAX_BATCH_ITEMS,
    // Only an error the database raised about the data (SQLSTATE classes 22, 23) means the transaction
    // surely rolled back because of some submission: then each goes again alone. After any other error —
    // a connection lost, perhaps during COMMIT — storing again could store twice; the requests fail instead
    // (the client retries, safely with its Idempotency-Key).
    retryAlone: (error) => /^2[23]/.test(String((error as { code?: unknown } | null)?.code ?? '')),
  });
  return async (tenantId, submissions) =>
    write(
      submissions.map((submission) => {
        const input = new TextEncoder().encode(submission.invoiceJson);
        return { tenantId, submission, input, inputSha256: sha256Hex(input) };
      }),
    );
}

/** The payload of each new document's process-document job, from a query of the inserted documents. */
function processDocumentJobs(inserted: string): string {
  // The shape of ProcessDocumentJob.
  return `select jsonb_build_object('tenantId', n.tenant_id, 'documentId', n.id) as data from (${inserted}) as n`;
}

/**
 * Inserts the documents and queues a job for each new one: in the same statement (`jobsFor`), or through
 * `queue` afterwards — then `tx` must be a transaction.
 */
async function insertSubmissions(
  tx: Database,
  items: readonly PendingSubmission[],
  jobs: { jobsFor: (inserted: string) => string } | { queue: JobQueue },
): Promise<SubmissionOutcome[]> {
  const inserted = await insertDocuments(
    tx,
    items.map(({ tenantId, submission, input, inputSha256 }) => ({
      id: randomUUID(),
      tenantId,
      context: submission.context,
      inputSha256,
      input,
      requestSha256: submission.requestSha256,
      ...(submission.idempotencyKey !== undefined ? { idempotencyKey: submission.idempotencyKey } : {}),
    })),
    'jobsFor' in jobs ? { jobsFor: jobs.jobsFor } : {},
  );
  const queued: ProcessDocumentJob[] = [];
  const outcomes = inserted.map(({ document, created }, index): SubmissionOutcome => {
    const { submission } = items[index]!;
    if (created) {
      queued.push({ tenantId: document.tenantId, documentId: document.id });
      return { kind: 'accepted', document, created };
    }
    if (document.requestSha256 === submission.requestSha256) return { kind: 'accepted', document, created };
    const message = `The Idempotency-Key "${submission.idempotencyKey ?? ''}" was already used with another request (document ${document.id})`;
    return { kind: 'conflict', error: new AppError('idempotency-conflict', message) };
  });
  if ('queue' in jobs) await jobs.queue.enqueue(tx, PROCESS_DOCUMENT, queued);
  return outcomes;
}
