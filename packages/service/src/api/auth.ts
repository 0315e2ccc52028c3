import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Database } from '../db/database.js';
import { AppError } from '../errors/app-error.js';
import { cachedApiKeyLookup, DEFAULT_API_KEY_CACHE, type ApiKeyCacheOptions } from '../tenants/api-key-cache.js';

/** The tenant a request acts for, found from its API key. */
export type RequestTenant = { id: string; name: string };

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the API key check on every /v1 route; null elsewhere. */
    tenant: RequestTenant | null;
  }
}

const BEARER = /^Bearer[ ]+([^\s]+)[ ]*$/i;

/** The API key of an `Authorization: Bearer <key>` header, if there is one. */
export function bearerKeyOf(header: string | undefined): string | undefined {
  return header === undefined ? undefined : BEARER.exec(header)?.[1];
}

/**
 * Requires `Authorization: Bearer <api key>` on every route of `scope` and sets `request.tenant`; a missing,
 * malformed, unknown or revoked key is a 401 problem (the same answer for each, so keys cannot be probed).
 * Runs at onRequest, before the body is read. Valid keys are remembered for a few seconds (`cache`), so a
 * revoked key stops working within that time.
 */
export function requireApiKey(scope: FastifyInstance, db: Database, cache: ApiKeyCacheOptions = DEFAULT_API_KEY_CACHE): void {
  const tenantOfKey = cachedApiKeyLookup(db, cache);
  scope.addHook('onRequest', async (request: FastifyRequest) => {
    const key = bearerKeyOf(request.headers.authorization);
    const tenant = key === undefined ? undefined : await tenantOfKey(key);
    if (!tenant) throw new AppError('unauthorized', 'A valid API key is required: send the header "Authorization: Bearer <api key>".');
    request.tenant = { id: tenant.id, name: tenant.name };
  });
}

/** The tenant of an authenticated request (routes under `requireApiKey` only). */
export function tenantOf(request: FastifyRequest): RequestTenant {
  if (!request.tenant) throw new AppError('internal', 'Route reached without an authenticated tenant');
  return request.tenant;
}

/** Declares `request.tenant` on the instance (once, before any route). */
export function decorateTenant(app: FastifyInstance): void {
  app.decorateRequest('tenant', null);
}
