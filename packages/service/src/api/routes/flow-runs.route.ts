import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { findDocumentById } from '../../documents/document.repository.js';
import { AppError, NotFoundError } from '../../errors/app-error.js';
import { applyVerdict, findStatusWait } from '../../status/status-verdict.js';
import type { ApiDeps } from '../api-deps.js';
import { tenantOf } from '../auth.js';
import { artifactHref } from '../document-view.js';
import { problemResponse } from '../problem.js';
import { documentParams } from './documents.schema.js';
import { jobListSchema, listJobsQuery, statusCallbackBody, tenantSettingsBody } from './flow-runs.schema.js';

type JobRow = {
  document_id: string;
  revision: number;
  flow_name: string;
  flow_version: number;
  status: string;
  created_at: Date | string;
  updated_at: Date | string;
  files: { name: string; media_type: string; size: number; sha256: string }[] | null;
};

/**
 * Routes around flow runs: the list of generation jobs with their files (an electronic-reporting job list),
 * the status callback of await-status steps, and the tenant's notification address.
 */
export function registerFlowRunRoutes(scope: FastifyInstance, deps: ApiDeps): void {
  scope.get(
    '/v1/jobs',
    { schema: { tags: ['flows'], summary: 'Generation jobs with their files, newest first', querystring: listJobsQuery, response: { 200: jobListSchema, 400: problemResponse, 401: problemResponse } } },
    async (request) => {
      const tenant = tenantOf(request);
      const query = request.query as z.output<typeof listJobsQuery>;
      const { rows } = await deps.db.query<JobRow>(
        `select d.id as document_id, d.revision, d.flow_name, d.flow_version, d.status, d.created_at, d.updated_at,
                (select jsonb_agg(jsonb_build_object('name', a.name, 'media_type', a.media_type, 'size', a.size, 'sha256', a.sha256) order by a.name)
                 from artifacts a where a.tenant_id = d.tenant_id and a.document_id = d.id and a.revision = d.revision) as files
         from documents d
         where d.tenant_id = $1 and d.flow_name is not null
           and ($2::text is null or d.flow_name = $2) and ($3::text is null or d.status = $3)
           and ($4::timestamptz is null or d.created_at >= $4) and ($5::timestamptz is null or d.created_at < $5)
         order by d.created_at desc, d.id desc limit $6`,
        [tenant.id, query.flow ?? null, query.status ?? null, query.from?.toISOString() ?? null, query.to?.toISOString() ?? null, query.limit],
      );
      return {
        items: rows.map((row) => ({
          documentId: row.document_id,
          revision: row.revision,
          flow: { name: row.flow_name, version: row.flow_version },
          status: row.status,
          receivedAt: new Date(row.created_at).toISOString(),
          updatedAt: new Date(row.updated_at).toISOString(),
          files: (row.files ?? []).map((f) => ({ name: f.name, mediaType: f.media_type, size: Number(f.size), sha256: f.sha256, href: artifactHref(row.document_id, f.name, row.revision) })),
        })),
      };
    },
  );

  scope.post(
    '/v1/documents/:id/status',
    {
      schema: {
        tags: ['documents'],
        summary: 'Report the receiver\'s verdict on a document waiting in an await-status step',
        params: documentParams,
        body: statusCallbackBody,
        response: { 200: jobListSchema.shape.items.element.pick({ documentId: true, status: true }), 401: problemResponse, 404: problemResponse, 409: problemResponse },
      },
    },
    async (request) => {
      const tenant = tenantOf(request);
      const { id } = request.params as z.output<typeof documentParams>;
      const body = request.body as z.output<typeof statusCallbackBody>;
      const document = await findDocumentById(deps.db, tenant.id, id);
      if (!document) throw new NotFoundError(`No document ${id}`);
      const wait = await findStatusWait(deps.db, document);
      if (!wait || wait.settings.callback !== true) throw new AppError('flow-conflict', `Document ${id} is not waiting for a status callback (its status is ${document.status})`);
      await applyVerdict(deps.db, deps.queue, wait, { status: body.status, via: 'callback', ...(body.reason ? { reason: body.reason } : {}) });
      const after = await findDocumentById(deps.db, tenant.id, id);
      return { documentId: id, status: after?.status ?? document.status };
    },
  );

  scope.put(
    '/v1/tenant',
    { schema: { tags: ['tenant'], summary: 'Set the tenant\'s notification address', body: tenantSettingsBody, response: { 204: { description: 'Saved.', type: 'null' }, 401: problemResponse } } },
    async (request, reply) => {
      const tenant = tenantOf(request);
      const body = request.body as z.output<typeof tenantSettingsBody>;
      await deps.db.query('update tenants set contact_email = $2 where id = $1', [tenant.id, body.contactEmail]);
      return reply.code(204).send();
    },
  );
}
