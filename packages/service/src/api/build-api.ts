import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { ApiDeps } from './api-deps.js';
import { decorateTenant, requireApiKey } from './auth.js';
import { registerCorrectionRoutes } from '../correction/correction.route.js';
import { registerOpenApi } from './openapi.js';
import { problemOfError, registerProblemHandlers, sendProblem } from './problem.js';
import { registerDocumentRoutes } from './routes/documents.route.js';
import { registerFlowRoutes } from './routes/flows.route.js';
import { registerFlowRunRoutes } from './routes/flow-runs.route.js';
import { registerHealthRoutes } from './routes/health.route.js';
import { registerSecretRoutes } from './routes/secrets.route.js';
import { registerSubmitRoutes } from './routes/submit.route.js';
import { registerToolRoutes } from './routes/tools.route.js';
import { jsonSerializerCompiler, zodValidatorCompiler } from './zod-schemas.js';

/**
 * Builds the HTTP API (not listening: the caller calls `listen`). Every /v1 route requires a tenant's API
 * key and sees only that tenant's data; errors answer RFC 9457 problem+json.
 */
export async function buildApi(deps: ApiDeps): Promise<FastifyInstance> {
  const app = Fastify({
    // A pino Logger is a FastifyBaseLogger; typing it as such keeps the instance's type the plain FastifyInstance.
    ...(deps.logger ? { loggerInstance: deps.logger as FastifyBaseLogger } : { logger: false }),
    bodyLimit: deps.config.bodyLimit,
    // While closing, refuse new requests quickly so a load balancer moves on.
    return503OnClosing: true,
    // Errors Fastify meets while routing (a path parameter over 100 characters: 414, a malformed URL: 400)
    // answer problem+json like every other error.
    frameworkErrors: (error, _request, reply) => sendProblem(reply, problemOfError(error).problem),
  });
  app.setValidatorCompiler(zodValidatorCompiler);
  app.setSerializerCompiler(jsonSerializerCompiler);
  registerProblemHandlers(app);
  decorateTenant(app);
  // Only JSON bodies outside the tools: a text/plain body is a 415, not a string to trip over.
  app.removeContentTypeParser('text/plain');

  await registerOpenApi(app);
  registerHealthRoutes(app, deps);
  // The correction pages: outside the API key scope, the signed link is the credential.
  if (deps.correctionKey) await registerCorrectionRoutes(app, { db: deps.db, blobs: deps.blobs, queue: deps.queue, correctionKey: deps.correctionKey });
  await app.register(async (v1) => {
    requireApiKey(v1, deps.db);
    registerSubmitRoutes(v1, deps);
    registerDocumentRoutes(v1, deps);
    registerSecretRoutes(v1, deps);
    await v1.register(async (flows) => registerFlowRoutes(flows, deps));
    registerFlowRunRoutes(v1, deps);
    await v1.register(async (tools) => registerToolRoutes(tools, deps));
  });
  return app;
}
