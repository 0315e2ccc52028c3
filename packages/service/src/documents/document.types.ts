import type { Finding } from '@einvoice-hub/core';

/**
 * Where a document is in its life: `received` → `processing` → `completed` (no delivery) or `delivering` →
 * `delivered` (or `waiting-for-retry` between attempts) → `awaiting-status` → `accepted` / `rejected`; or
 * `failed` at any point. A `failed` or `rejected` document can be corrected into a new revision.
 */
export const DOCUMENT_STATUSES = [
  'received',
  'processing',
  'completed',
  'delivering',
  'waiting-for-retry',
  'delivered',
  'awaiting-status',
  'accepted',
  'rejected',
  'failed',
] as const;
/** Where a document is in its life. */
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

/** The context a client sends with an invoice: it selects the processing. */
export type DocumentContext = {
  /** The target format, as in `einvoice convert --to`. */
  format?: string;
  /** A flow to run by name. */
  flow?: string;
  country?: string;
  documentType?: 'invoice' | 'credit-note';
  [key: string]: unknown;
};

/** A document as stored. */
export type DocumentRecord = {
  id: string;
  tenantId: string;
  status: DocumentStatus;
  context: DocumentContext;
  inputSha256: string;
  idempotencyKey: string | null;
  requestSha256: string | null;
  externalIds: Record<string, string>;
  /** The revision being processed: 1 as received, one more per correction. */
  revision: number;
  /** The flow the document runs, once processing chose it. */
  flowName: string | null;
  flowVersion: number | null;
  /** Index of the flow step the document is at (the deliver or await-status step it waits in). */
  nextStep: number;
  createdAt: Date;
  updatedAt: Date;
};

/** One line of a document's log. */
export type LogEntry = {
  at: Date;
  step: string;
  level: 'info' | 'warning' | 'error';
  message: string;
  findings?: Finding[];
};

/** A file produced for (or received with) a document. */
export type ArtifactRecord = {
  /** The document revision the file belongs to. */
  revision: number;
  name: string;
  mediaType: string;
  size: number;
  sha256: string;
  createdAt: Date;
};
