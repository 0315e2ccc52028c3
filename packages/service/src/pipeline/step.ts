import type { Invoice, ValidationReport } from '@einvoice-hub/core';
import type { Database } from '../db/database.js';
import type { ArtifactRecord, DocumentRecord, LogEntry } from '../documents/document.types.js';
import type { FlowCandidate } from '../flows/select-flow.js';
import type { JobQueue } from '../queue/job-queue.js';
import type { SecretBox } from '../secrets/secret-box.js';
import type { BlobStore } from '../storage/blob-store.js';

/** What processing a document needs from the outside: stores, queue, and the box that opens tenant secrets. */
export type PipelineDeps = { db: Database; blobs: BlobStore; queue: JobQueue; secrets?: SecretBox };

/** A file a step produced, not yet in the blob store. */
export type OutputFile = { name: string; mediaType: string; bytes: Uint8Array };

/** An artifact stored in the blob store, to be recorded with the document when the pipeline ends. */
export type StoredArtifact = Omit<ArtifactRecord, 'createdAt' | 'revision'>;

/** A log entry before it is recorded. */
export type PendingLogEntry = Omit<LogEntry, 'at'>;

/**
 * The state a document's generation carries from step to step. Steps read what earlier steps produced and
 * add their own; nothing reaches the database until the steps end, in one transaction, so a crash in the
 * middle leaves no half-recorded result (blobs are content-addressed: storing again is harmless).
 */
export type PipelineContext = {
  readonly deps: PipelineDeps;
  /** The document, as loaded when processing started (status `processing`). */
  readonly document: DocumentRecord;
  /** The flow the document runs. */
  flow?: FlowCandidate;
  /** The received input of the revision (read-input). */
  input?: Uint8Array;
  /** The invoice read from the input (read-input), as normalize left it. */
  invoice?: Invoice;
  /** The e-invoice (transform; replaced by sign). */
  einvoice?: OutputFile;
  /** The validation report of the e-invoice (validate). */
  report?: ValidationReport;
  /** Files produced besides the e-invoice (the validation report). */
  outputs: OutputFile[];
  /** Artifacts in the blob store, recorded when the steps end. */
  artifacts: StoredArtifact[];
  /** Log entries, appended when the steps end. */
  log: PendingLogEntry[];
  /** Why the document failed; generation goes on unless `stopped` (the files of a failure show what to fix). */
  failure?: string;
  /** True when no further step can run (the input cannot be processed at all). */
  stopped: boolean;
};

/** One generation step, with the settings the flow gives it. Steps are idempotent. */
export type Step<Settings> = {
  readonly name: string;
  /** Does the step's work on the context; throws only on unexpected errors (the job is then retried). */
  run(ctx: PipelineContext, settings: Settings): Promise<void>;
};

/** A context for a document about to be processed. */
export function createPipelineContext(deps: PipelineDeps, document: DocumentRecord): PipelineContext {
  return { deps, document, outputs: [], artifacts: [], log: [], stopped: false };
}

/** Marks the document `failed` for a reason that no retry can change, logs it, and ends the steps. */
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
