import type { Database } from '../db/database.js';
import { API_KEY_PREFIX, hashApiKey } from './api-key.js';
import { findTenantByApiKey } from './tenant.repository.js';

/** The tenant an API key acts for. */
export type KeyTenant = { id: string; name: string };

/** How long a verified key is trusted without asking the database again, and how many keys are kept. */
export type ApiKeyCacheOptions = { ttlMs: number; maxKeys: number };

export const DEFAULT_API_KEY_CACHE: ApiKeyCacheOptions = { ttlMs: 5_000, maxKeys: 10_000 };

/**
 * Looks up the tenant of an API key, remembering keys found valid for `ttlMs`: a client sending hundreds of
 * requests a second costs one lookup every few seconds instead of one per request. A revoked key therefore
 * keeps working for at most `ttlMs` on a process that saw it just before. Unknown keys are never remembered,
 * so each guess still costs a lookup and nothing can fill the cache but valid keys. Entries are keyed by the
 * key's hash, as in the database.
 */
export function cachedApiKeyLookup(db: Database, options: ApiKeyCacheOptions = DEFAULT_API_KEY_CACHE): (key: string) => Promise<KeyTenant | undefined> {
  const known = new Map<string, { tenant: KeyTenant; until: number }>();
  return async (key) => {
    if (!key.startsWith(API_KEY_PREFIX) || key.length > 200) return undefined;
    const hash = hashApiKey(key);
    const now = Date.now();
    const hit = known.get(hash);
    if (hit && hit.until > now) return hit.tenant;
    known.delete(hash);
    const tenant = await findTenantByApiKey(db, key);
    if (tenant) {
      // Oldest first in a Map: drop from the front when full.
      while (known.size >= options.maxKeys) known.delete(known.keys().next().value!);
      known.set(hash, { tenant: { id: tenant.id, name: tenant.name }, until: now + options.ttlMs });
    }
    return tenant;
  };
}
