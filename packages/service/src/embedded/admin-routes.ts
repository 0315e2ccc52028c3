import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
// The OpenAPI generator's route option `hide`.
import type {} from '@fastify/swagger';
import { problemFor, sendProblem } from '../api/problem.js';
import type { Database } from '../db/database.js';
import { createTenant } from '../tenants/tenant.repository.js';

/** Longest tenant name accepted. */
const MAX_NAME_LENGTH = 200;

/**
 * `POST /admin/tenants {"name"}` → 201 `{tenantId, name, apiKey}`: creates a tenant while the embedded
 * service holds the database (PGlite admits one process, so `einvoice tenants create` cannot open it).
 * Reachable only from the loopback interface and only with the admin token of `<dataDir>/service.json`
 * (mode 0600: whoever can read it could open the database anyway). Hidden from the OpenAPI document.
 */
export function registerAdminRoutes(app: FastifyInstance, deps: { db: Database; adminToken: string }): void {
  const expected = Buffer.from(`Bearer ${deps.adminToken}`);
  app.post('/admin/tenants', { schema: { hide: true } }, async (request, reply) => {
    // Pretend the route does not exist for anyone not on this machine.
    if (!isLoopback(request.socket.remoteAddress)) return sendProblem(reply, problemFor('not-found', `No route POST /admin/tenants`));
    const given = Buffer.from(request.headers.authorization ?? '');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      return sendProblem(reply, problemFor('unauthorized', 'The admin routes need the admin token of the running service (service.json in its data directory)'));
    }
    const body = request.body as { name?: unknown } | null | undefined;
    const name = typeof body?.name === 'string' ? body.name.trim() : '';
    if (name === '' || name.length > MAX_NAME_LENGTH) {
      return sendProblem(reply, problemFor('bad-request', `The body must be {"name": "<tenant name>"}, 1 to ${MAX_NAME_LENGTH} characters`, [{ path: 'name', message: 'required, non-empty text' }]));
    }
    const tenant = await createTenant(deps.db, name);
    // The key is shown once and never stored in clear: no cache may keep it.
    return reply.code(201).header('cache-control', 'no-store').send({ tenantId: tenant.tenantId, name: tenant.name, apiKey: tenant.apiKey });
  });
}

function isLoopback(address: string | undefined): boolean {
  if (address === undefined) return false;
  return address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.');
}
