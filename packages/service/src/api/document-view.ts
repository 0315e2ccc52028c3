import type { ArtifactRecord, DocumentRecord, LogEntry } from '../documents/document.types.js';

/** The URL path of a document. */
export function documentHref(id: string): string {
  return `/v1/documents/${id}`;
}

/** The URL path of a document's artifact; files of earlier revisions name their revision. */
export function artifactHref(documentId: string, name: string, revision?: number): string {
  return `${documentHref(documentId)}/artifacts/${encodeURIComponent(name)}${revision === undefined ? '' : `?revision=${revision}`}`;
}

/** The flow a document runs, once chosen. */
function flowOf(doc: DocumentRecord) {
  return doc.flowName === null || doc.flowVersion === null ? null : { name: doc.flowName, version: doc.flowVersion };
}

/** A document in lists: everything but its log and artifacts. */
export function toDocumentSummary(doc: DocumentRecord) {
  return {
    id: doc.id,
    status: doc.status,
    context: doc.context,
    createdAt: doc.createdAt.toISOString(),
    updatedAt: doc.updatedAt.toISOString(),
    externalIds: doc.externalIds,
    revision: doc.revision,
    flow: flowOf(doc),
    href: documentHref(doc.id),
  };
}

/** A document with its log and artifacts, as GET /v1/documents/{id} answers it. */
export function toDocumentDetail(doc: DocumentRecord, log: readonly LogEntry[], artifacts: readonly ArtifactRecord[]) {
  return {
    id: doc.id,
    status: doc.status,
    context: doc.context,
    createdAt: doc.createdAt.toISOString(),
    updatedAt: doc.updatedAt.toISOString(),
    revision: doc.revision,
    flow: flowOf(doc),
    log: log.map((entry) => ({
      at: entry.at.toISOString(),
      step: entry.step,
      level: entry.level,
      message: entry.message,
      ...(entry.findings !== undefined ? { findings: entry.findings } : {}),
    })),
    artifacts: artifacts.map((a) => ({
      name: a.name,
      revision: a.revision,
      mediaType: a.mediaType,
      size: a.size,
      sha256: a.sha256,
      href: artifactHref(doc.id, a.name, a.revision === doc.revision ? undefined : a.revision),
    })),
    externalIds: doc.externalIds,
  };
}
