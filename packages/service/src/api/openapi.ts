import type { FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { invoiceJsonSchema } from '@einvoice-hub/core';
import { problemSchema } from './problem.js';
import { toJsonSchema, zodSwaggerTransform } from './zod-schemas.js';

/** The Invoice component: the core's JSON Schema of the EN 16931 JSON form, without its own document keywords. */
function invoiceComponent(): Record<string, unknown> {
  const { $schema: _schema, $id: _id, ...schema } = invoiceJsonSchema();
  return schema;
}

/**
 * OpenAPI 3.1 generated from the routes' schemas, served at /openapi.json, and readable docs at /docs
 * (Swagger UI from the package's own files: works offline). Register before the routes: the generator
 * collects routes as they are added.
 */
export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'eInvoice Hub API',
        version: '1.0.0',
        description: 'Submit EN 16931 invoices, follow their processing, download the e-invoices; validate and convert documents. Errors are RFC 9457 problems (application/problem+json) with a stable `code`.',
      },
      components: {
        securitySchemes: { apiKey: { type: 'http', scheme: 'bearer', description: 'The tenant\'s API key: `Authorization: Bearer <key>`.' } },
        schemas: { Invoice: invoiceComponent(), Problem: toJsonSchema(problemSchema, 'output') },
      },
      security: [{ apiKey: [] }],
      tags: [
        { name: 'documents', description: 'Invoices submitted for processing, their status, log and artifacts.' },
        { name: 'tools', description: 'Stateless validation and conversion.' },
        { name: 'health', description: 'Liveness and readiness probes.' },
      ],
    },
    transform: zodSwaggerTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}
