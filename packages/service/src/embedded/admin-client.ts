import type { InstanceInfo } from './instance-lock.js';

/** A tenant as created, with its API key (shown once). */
export type CreatedTenant = { tenantId: string; name: string; apiKey: string };

/** Creates a tenant through the admin route of the service that holds the embedded database. */
export async function createTenantThroughService(instance: Required<InstanceInfo>, name: string): Promise<CreatedTenant> {
  let response: Response;
  try {
    response = await fetch(new URL('/admin/tenants', instance.url), {
      method: 'POST',
      headers: { authorization: `Bearer ${instance.adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name }),
      signal: AbortSignal.timeout(30_000),
    });
  } catch (cause) {
    throw new Error(`The service (pid ${instance.pid}) holds the data directory but does not answer at ${instance.url}: ${(cause as Error).message}`, { cause });
  }
  const body = (await response.json().catch(() => undefined)) as Partial<CreatedTenant> & { detail?: string } | undefined;
  if (response.status !== 201 || typeof body?.tenantId !== 'string' || typeof body.apiKey !== 'string') {
    throw new Error(`The service at ${instance.url} refused to create the tenant: HTTP ${response.status}${body?.detail ? ` ${body.detail}` : ''}`);
  }
  return { tenantId: body.tenantId, name: body.name ?? name, apiKey: body.apiKey };
}
