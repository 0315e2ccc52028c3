import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { findArtifact, listArtifacts } from '../../documents/artifact.repository.js';
import { findDocumentById, listDocuments } from '../../documents/document.repository.js';
import { listLog } from '../../documents/document-log.repository.js';
import { NotFoundError } from '../../errors/app-error.js';
import type { ApiDeps } from '../api-deps.js';
import { tenantOf } from '../auth.js';
import { encodeCursor } from '../cursor.js';
import { toDocumentDetail, toDocumentSummary } from '../document-view.js';
import { artifactParams, artifactQuery, documentDetailSchema, documentListSchema, documentParams, listDocumentsQuery } from './documents.schema.js';
import { problemResponse } from '../problem.js';

/** GET routes of documents: one document, its artifacts, and the tenant's listing. Another tenant's id is a 404. */
export function registerDocumentRoutes(scope: FastifyInstance, deps: ApiDeps): void {
  scope.get(
    '/v1/documents',
    {
      schema: {
        tags: ['documents'],
        summary: 'List documents, newest first',
        querystring: listDocumentsQuery,
        response: { 200: documentListSchema, 400: problemResponse, 401: problemResponse },
      },
    },
    async (request) => {
      const tenant = tenantOf(request);
      const query = request.query as z.output<typeof listDocumentsQuery>;
      // One more than asked tells whether another page exists, without an empty last page.
      const rows = await listDocuments(deps.db, tenant.id, {
        limit: query.limit + 1,
        ...(query.status ? { status: query.status } : {}),
        ...(query.createdFrom ? { createdFrom: query.createdFrom } : {}),
        ...(query.createdTo ? { createdTo: query.createdTo } : {}),
        ...(query.cursor ? { after: query.cursor } : {}),
      });
      const page = rows.slice(0, query.limit);
      const last = page[page.length - 1];
      const nextCursor = rows.length > query.limit && last ? encodeCursor({ createdAt: last.createdAt, id: last.id }) : null;
      return { items: page.map(toDocumentSummary), nextCursor };
    },
  );

  scope.get(
    '/v1/documents/:id',
    {
      schema: {
        tags: ['documents'],
        summary: 'A document: status, log, artifacts, external ids',
        params: documentParams,
        response: { 200: documentDetailSchema, 401: problemResponse, 404: problemResponse },
      },
    },
    async (request) => {
      const tenant = tenantOf(request);
      const { id } = request.params as z.output<typeof documentParams>;
      const doc = await findDocumentById(deps.db, tenant.id, id);
      if (!doc) throw new NotFoundError(`No document ${id}`);
      const [log, artifacts] = await Promise.all([listLog(deps.db, tenant.id, id), listArtifacts(deps.db, tenant.id, id)]);
      return toDocumentDetail(doc, log, artifacts);
    },
  );

  scope.get(
    '/v1/documents/:id/artifacts/:name',
    {
      schema: {
        tags: ['documents'],
        summary: 'Download an artifact with its media type',
        params: artifactParams,
        querystring: artifactQuery,
        response: {
          200: { description: 'The artifact\'s bytes, with its media type.', content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } },
          401: problemResponse,
          404: problemResponse,
        },
      },
    },
    async (request, reply) => {
      const tenant = tenantOf(request);
      const { id, name } = request.params as z.output<typeof artifactParams>;
      const { revision } = request.query as z.output<typeof artifactQuery>;
      const artifact = (await findDocumentById(deps.db, tenant.id, id)) ? await findArtifact(deps.db, tenant.id, id, name, revision) : undefined;
      if (!artifact) throw new NotFoundError(`No artifact "${name}" of document ${id}`);
      const bytes = await deps.blobs.get(artifact.sha256);
      return reply
        .type(artifact.mediaType)
        .header('content-disposition', contentDisposition(name))
        .header('x-content-type-options', 'nosniff')
        .header('etag', `"${artifact.sha256}"`)
        .send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    },
  );
}

/** `attachment` with an ASCII filename and the exact one in RFC 8187 form. */
function contentDisposition(name: string): string {
  const ascii = name.replace(/[^\w.-]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
