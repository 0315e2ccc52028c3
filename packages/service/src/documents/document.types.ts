import type { Finding } from '@einvoice-hub/core';

/** Where a document is in its life. The flows issue adds delivery statuses. */
export const DOCUMENT_STATUSES = ['received', 'processing', 'completed', 'failed'] as const;
/** Where a document is in its life. */
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

/** The context a client sends with an invoice: it selects the processing. */
export type DocumentContext = {
  /** The target format, as in `einvoice convert --to`. */
  format: string;
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
  name: string;
  mediaType: string;
  size: number;
  sha256: string;
  createdAt: Date;
};
