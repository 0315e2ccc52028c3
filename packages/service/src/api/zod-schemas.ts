import type { FastifySchemaCompiler, FastifySerializerCompiler } from 'fastify';
import { formatJsonPath } from '@einvoice-hub/core';
import { z } from 'zod';
import { AppError } from '../errors/app-error.js';

/**
 * Route schemas are written in zod: one definition validates requests (with messages that name the
 * field) and documents the API (converted to JSON Schema for OpenAPI). Fastify's own compilers are
 * replaced by the ones below.
 */

/** One problem in a request part: where (a JSON path such as `context.format`) and what. */
export type InputProblem = { path: string; message: string };

/** The problems of a failed zod parse, paths prefixed with `prefix` (e.g. `context`). */
export function problemsOf(error: z.ZodError, prefix = ''): InputProblem[] {
  return error.issues.map((issue) => ({ path: formatJsonPath([...(prefix === '' ? [] : [prefix]), ...issue.path]), message: issue.message }));
}

/** One line naming every problem, for a problem's `detail`. */
export function describeProblems(problems: readonly InputProblem[]): string {
  return problems.map((p) => `${p.path}: ${p.message}`).join('; ');
}

// Schemas whose part the handler validates itself (so each problem gets its precise code, and a batch
// reports per item): Fastify passes them through; they still describe the API.
const documentationOnly = new WeakSet<z.ZodType>();
// Schemas shown in OpenAPI as a given JSON Schema (e.g. a $ref to a component) instead of their conversion.
const shownAs = new WeakMap<z.ZodType, Record<string, unknown>>();

/** Marks a schema as documentation only: requests are not validated against it by Fastify. */
export function documentationOnlySchema<T extends z.ZodType>(schema: T): T {
  documentationOnly.add(schema);
  return schema;
}

/** Shows `schema` in the OpenAPI document as `jsonSchema`. */
export function showSchemaAs<T extends z.ZodType>(schema: T, jsonSchema: Record<string, unknown>): T {
  shownAs.set(schema, jsonSchema);
  return schema;
}

const PART_NAMES: Readonly<Record<string, string>> = { body: 'body', querystring: 'query', params: 'path', headers: 'headers' };

/** Validates (and coerces) a request part with its zod schema; failures become a 400 `bad-request` naming each field. */
export const zodValidatorCompiler: FastifySchemaCompiler<z.ZodType> = ({ schema, httpPart }) => {
  // Plain JSON Schemas (raw bodies described per media type) only document the API.
  if (!isZodSchema(schema) || documentationOnly.has(schema)) return () => true;
  return (data: unknown) => {
    const result = schema.safeParse(data);
    if (result.success) return { value: result.data };
    const problems = problemsOf(result.error);
    const part = PART_NAMES[httpPart ?? 'body'] ?? 'request';
    return { error: new AppError('bad-request', `Invalid ${part}: ${describeProblems(problems)}`, { details: problems }) };
  };
};

function isZodSchema(schema: unknown): schema is z.ZodType {
  return schema instanceof z.ZodType;
}

/** Responses are plain JSON: schemas on responses only document them. */
export const jsonSerializerCompiler: FastifySerializerCompiler<unknown> = () => (data) => JSON.stringify(data);

/** The JSON Schema (2020-12, as OpenAPI 3.1 uses) of a zod schema, for requests (`input`) or responses (`output`). */
export function toJsonSchema(schema: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  const json = z.toJSONSchema(schema, {
    io,
    unrepresentable: 'any',
    override: ({ zodSchema, jsonSchema }) => {
      const replacement = shownAs.get(zodSchema as unknown as z.ZodType);
      if (!replacement) return;
      for (const key of Object.keys(jsonSchema)) delete (jsonSchema as Record<string, unknown>)[key];
      Object.assign(jsonSchema, replacement);
    },
  }) as Record<string, unknown>;
  delete json['$schema'];
  return json;
}

type RouteSchema = Record<string, unknown> & { response?: Record<string, unknown> };

function convertPart(value: unknown, io: 'input' | 'output'): unknown {
  return isZodSchema(value) ? toJsonSchema(value, io) : value;
}

/** @fastify/swagger transform: converts a route's zod schemas to JSON Schema for the OpenAPI document. */
export function zodSwaggerTransform({ schema, url }: { schema: unknown; url: string }): { schema: RouteSchema; url: string } {
  if (!schema) return { schema: {} as RouteSchema, url };
  const source = schema as RouteSchema;
  const converted: RouteSchema = {};
  for (const [key, value] of Object.entries(source)) {
    if (key === 'response' && value && typeof value === 'object') {
      converted.response = Object.fromEntries(Object.entries(value).map(([status, part]) => [status, convertResponse(part)]));
    } else if (key === 'body' || key === 'querystring' || key === 'params' || key === 'headers') {
      converted[key] = convertPart(value, 'input');
    } else {
      converted[key] = value;
    }
  }
  return { schema: converted, url };
}

// A response is a zod schema, or `{ description, content: { mediaType: { schema } } }` for non-JSON bodies.
function convertResponse(part: unknown): unknown {
  if (isZodSchema(part)) return toJsonSchema(part, 'output');
  if (!part || typeof part !== 'object') return part;
  const response = part as Record<string, unknown>;
  const content = response['content'] as Record<string, { schema?: unknown }> | undefined;
  if (!content) return response;
  return {
    ...response,
    content: Object.fromEntries(Object.entries(content).map(([type, media]) => [type, { ...media, schema: convertPart(media.schema, 'output') }])),
  };
}
