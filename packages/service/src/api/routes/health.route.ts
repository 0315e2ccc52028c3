import type { FastifyInstance } from 'fastify';
import { AppError, coerceError } from '../../errors/app-error.js';
import type { ApiDeps } from '../api-deps.js';
import { problemResponse } from '../problem.js';
import { healthSchema } from './health.schema.js';

/** GET /healthz (the process answers) and GET /readyz (the database and the blob store answer); no API key. */
export function registerHealthRoutes(app: FastifyInstance, deps: ApiDeps): void {
  app.get(
    '/healthz',
    { schema: { tags: ['health'], summary: 'The process is up', security: [], response: { 200: healthSchema } } },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/readyz',
    { schema: { tags: ['health'], summary: 'The database and the blob store are reachable', security: [], response: { 200: healthSchema, 503: problemResponse } } },
    async (request) => {
      const checks = await Promise.allSettled([withDeadline(deps.db.query('select 1')), withDeadline(deps.blobs.check())]);
      const failed = ['database', 'blob store'].filter((_, i) => checks[i]?.status === 'rejected');
      if (failed.length > 0) {
        for (const check of checks) if (check.status === 'rejected') request.log.warn({ err: coerceError(check.reason) }, 'readiness check failed');
        // Which dependency is down helps operators; the reasons stay in the log.
        throw new AppError('not-ready', `Not ready: the ${failed.join(' and the ')} cannot be reached`);
      }
      return { status: 'ok' as const };
    },
  );
}

// A dependency that hangs (an exhausted pool, an unreachable endpoint) must fail the probe, not stall it.
const READY_CHECK_MS = 5000;

function withDeadline<T>(work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${READY_CHECK_MS} ms`)), READY_CHECK_MS);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}
