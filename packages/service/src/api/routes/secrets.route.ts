import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { AppError, NotFoundError } from '../../errors/app-error.js';
import { loadMasterKey } from '../../secrets/master-key.js';
import { decodeCertificateValue, encodeCertificateValue } from '../../secrets/resolve-secret.js';
import { createSecretBox, type SecretBox } from '../../secrets/secret-box.js';
import { deleteSecret, listSecrets, putSecret, readSecret, type SecretInfo } from '../../secrets/secret.repository.js';
import { certificateInfoOf, checkSigningCredentials, describeCertificate, type CertificateInfo } from '../../signing/signing-credentials.js';
import type { ApiDeps } from '../api-deps.js';
import { tenantOf } from '../auth.js';
import { problemResponse } from '../problem.js';
import { putSecretBody, secretInfoSchema, secretListSchema, secretParams } from './secrets.schema.js';

/**
 * PUT, GET and DELETE /v1/secrets: the tenant's secrets and certificates, which flows name (signing,
 * delivery credentials). Write-only: values and private keys go in and are never returned; a listing
 * shows names, kinds, dates and, for certificates, the public certificate's identity and expiry.
 */
export function registerSecretRoutes(scope: FastifyInstance, deps: ApiDeps): void {
  const secretBox = secretBoxOf(deps);

  scope.put(
    '/v1/secrets/:name',
    {
      schema: {
        tags: ['secrets'],
        summary: 'Store a secret or a certificate with its private key',
        description: 'Creates (201) or replaces (200) the secret of that name. A certificate is checked first: the key must be readable and match the first certificate, which must not have expired.',
        params: secretParams,
        body: putSecretBody,
        response: { 200: secretInfoSchema, 201: secretInfoSchema, 400: problemResponse, 401: problemResponse, 413: problemResponse, 415: problemResponse },
      },
    },
    async (request, reply) => {
      const tenant = tenantOf(request);
      const { name } = request.params as z.output<typeof secretParams>;
      const body = request.body as z.output<typeof putSecretBody>;
      let stored: SecretInfo;
      let certificate: CertificateInfo | undefined;
      if (body.kind === 'secret') {
        stored = await putSecret(deps.db, await secretBox(), { tenantId: tenant.id, name, kind: 'secret', value: body.value });
      } else {
        const credentials = { privateKeyPem: body.privateKey, certificatePem: body.certificate };
        certificate = certificateInfoOf(checkSigningCredentials(credentials).certificate);
        stored = await putSecret(deps.db, await secretBox(), { tenantId: tenant.id, name, kind: 'certificate', value: encodeCertificateValue(credentials) });
      }
      // The upsert stamps both dates with its transaction's time when it inserts, and only updated_at when it replaces.
      const created = stored.createdAt.getTime() === stored.updatedAt.getTime();
      return reply.code(created ? 201 : 200).send(toSecretView(stored, certificate));
    },
  );

  scope.get(
    '/v1/secrets',
    {
      schema: {
        tags: ['secrets'],
        summary: 'List the secrets (never their values)',
        response: { 200: secretListSchema, 401: problemResponse },
      },
    },
    async (request) => {
      const tenant = tenantOf(request);
      const items = [];
      for (const info of await listSecrets(deps.db, tenant.id)) {
        // The certificate's identity is inside the sealed value: opened here, only the public part leaves.
        const stored = info.kind === 'certificate' ? await readSecret(deps.db, await secretBox(), tenant.id, info.name) : undefined;
        const certificate = stored ? describeCertificate(decodeCertificateValue(stored.value, info.name).certificatePem) : undefined;
        items.push(toSecretView(info, certificate));
      }
      return { items };
    },
  );

  scope.delete(
    '/v1/secrets/:name',
    {
      schema: {
        tags: ['secrets'],
        summary: 'Delete a secret',
        params: secretParams,
        response: { 204: { description: 'The secret was deleted.' }, 400: problemResponse, 401: problemResponse, 404: problemResponse },
      },
    },
    async (request, reply) => {
      const tenant = tenantOf(request);
      const { name } = request.params as z.output<typeof secretParams>;
      if (!(await deleteSecret(deps.db, tenant.id, name))) throw new NotFoundError(`No secret named "${name}"`);
      return reply.code(204).send();
    },
  );
}

function toSecretView(info: SecretInfo, certificate: CertificateInfo | undefined) {
  return {
    name: info.name,
    kind: info.kind,
    createdAt: info.createdAt.toISOString(),
    updatedAt: info.updatedAt.toISOString(),
    ...(certificate ? { certificate } : {}),
  };
}

/**
 * The box that seals secrets: the one the entry point gave, else one over the configured master key,
 * loaded on first use (the embedded default generates it). The service checks the key at start-up, so a
 * failure here is a fault, not the caller's mistake; the next request tries again.
 */
function secretBoxOf(deps: ApiDeps): () => Promise<SecretBox> {
  const given = deps.secrets;
  if (given) return async () => given;
  let loading: Promise<SecretBox> | undefined;
  return () =>
    (loading ??= loadMasterKey(deps.config).then(createSecretBox, (error: unknown) => {
      loading = undefined;
      throw new AppError('internal', 'The master key cannot be loaded', { cause: error });
    }));
}
