import type { Invoice, Target, ValidationReport } from '@einvoice-hub/core';
import type { Database } from '../db/database.js';
import type { ArtifactRecord, DocumentRecord, LogEntry } from '../documents/document.types.js';
import type { BlobStore } from '../storage/blob-store.js';

/** What the processing of a document needs from the outside: the database and the blob store. */
export type PipelineDeps = { db: Database; blobs: BlobStore };

/** A file a step produced, not yet in the blob store. */
export type OutputFile = { name: string; mediaType: string; bytes: Uint8Array };

/** An artifact stored in the blob store, to be recorded with the document when the pipeline ends. */
export type StoredArtifact = Omit<ArtifactRecord, 'createdAt'>;

/**
 * The state a document's pipeline carries from step to step. Steps read what earlier steps produced and
 * add their own; nothing reaches the database until the pipeline ends, in one transaction, so a crash
 * in the middle leaves no half-recorded result (blobs are content-addressed: storing again is harmless).
 */
export type PipelineContext = {
  readonly deps: PipelineDeps;
  /** The document, as loaded when processing started (status `processing`). */
  readonly document: DocumentRecord;
  /** The received input (read-input). */
  input?: Uint8Array;
  /** The invoice read from the input (read-input). */
  invoice?: Invoice;
  /** The target of the context's `format` (read-input). */
  target?: Target;
  /** The produced e-invoice (transform). */
  einvoice?: OutputFile;
  /** The validation report of the e-invoice (validate). */
  report?: ValidationReport;
  /** Files produced so far, stored by the store-artifacts step. */
  outputs: OutputFile[];
  /** Artifacts in the blob store, recorded when the pipeline ends. */
  artifacts: StoredArtifact[];
  /** Log entries, appended when the pipeline ends. */
  log: Omit<LogEntry, 'at'>[];
  /** Why the document failed; the pipeline goes on unless `stopped` (artifacts of a failure are still useful). */
  failure?: string;
  /** True when no further step can run (the input cannot be processed at all). */
  stopped: boolean;
};

/** One step of processing a document. Steps are idempotent: running a pipeline again gives the same result. */
export type Step = {
  readonly name: string;
  /** Does the step's work on the context; throws only on unexpected errors (the job is then retried). */
  run(ctx: PipelineContext): Promise<void>;
};

/** A context for a document about to be processed. */
export function createPipelineContext(deps: PipelineDeps, document: DocumentRecord): PipelineContext {
  return { deps, document, outputs: [], artifacts: [], log: [], stopped: false };
}

/** Marks the document `failed` for a reason that no retry can change, logs it, and ends the pipeline. */
export function stopWithFailure(ctx: PipelineContext, step: string, reason: string): void {
  ctx.log.push({ step, level: 'error', message: reason });
  ctx.failure = reason;
  ctx.stopped = true;
}

/** A value an earlier step must have produced; its absence is a mistake in the composition of the steps. */
export function required<T>(value: T | undefined, what: string, step: string): T {
  if (value === undefined) throw new Error(`The step "${step}" needs ${what}, which no earlier step produced`);
  return value;
}
