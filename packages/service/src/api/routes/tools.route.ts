import type { FastifyInstance } from 'fastify';
import { convertInvoice, validate } from '@einvoice-hub/core';
import type { z } from 'zod';
import { AppError } from '../../errors/app-error.js';
import type { ApiDeps } from '../api-deps.js';
import { problemResponse } from '../problem.js';
import { convertedResponse, convertQuery, DOCUMENT_MEDIA_TYPES, documentRequestBody, validateQuery, validationReportSchema } from './tools.schema.js';

/**
 * POST /v1/validate and POST /v1/convert: stateless and synchronous, the CLI's validate and convert over
 * HTTP. Register in a scope of their own: the body is read as raw bytes (XML or JSON, detected from the
 * content as the CLI does), so these parsers must not apply to the other routes.
 */
export function registerToolRoutes(scope: FastifyInstance, deps: ApiDeps): void {
  scope.removeAllContentTypeParsers();
  scope.addContentTypeParser([...DOCUMENT_MEDIA_TYPES], { parseAs: 'buffer', bodyLimit: deps.config.bodyLimit }, (_request, body, done) => done(null, body));
  const limits = { maxBytes: deps.config.bodyLimit };

  scope.post(
    '/v1/validate',
    {
      schema: {
        tags: ['tools'],
        summary: 'Validate a document against the official rules',
        querystring: validateQuery,
        body: documentRequestBody,
        response: { 200: validationReportSchema, 400: problemResponse, 401: problemResponse, 413: problemResponse, 415: problemResponse },
      },
    },
    async (request) => {
      const { rules } = request.query as z.output<typeof validateQuery>;
      return validate(documentBytes(request.body), { rules, limits });
    },
  );

  scope.post(
    '/v1/convert',
    {
      schema: {
        tags: ['tools'],
        summary: 'Convert a document to another form',
        querystring: convertQuery,
        body: documentRequestBody,
        response: { 200: convertedResponse, 400: problemResponse, 401: problemResponse, 413: problemResponse, 415: problemResponse },
      },
    },
    async (request, reply) => {
      const { to } = request.query as z.output<typeof convertQuery>;
      const conversion = convertInvoice(documentBytes(request.body), to, limits);
      return reply.type(`${conversion.mediaType}; charset=utf-8`).header('x-conversion-notes', String(conversion.diagnostics.length)).send(conversion.output);
    },
  );
}

function documentBytes(body: unknown): Uint8Array {
  if (!(body instanceof Uint8Array) || body.byteLength === 0) throw new AppError('bad-request', 'The request body must hold the document (XML or EN 16931 JSON)');
  return body;
}
