import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { AppError, NotFoundError } from '../../errors/app-error.js';
import { BUILTIN_FLOW_VERSION, BUILTIN_FLOWS, findBuiltinFlow } from '../../flows/builtin-flows.js';
import type { FlowDefinition } from '../../flows/flow-definition.schema.js';
import { flowJsonSchema } from '../../flows/flow-definition.schema.js';
import { createFlowDraft, listFlowVersions, listLatestFlows, publishLatestDraft, type FlowVersion } from '../../flows/flow.repository.js';
import { checkFlow, MAX_FLOW_SOURCE_LENGTH, parseFlow, type FlowParseResult } from '../../flows/parse-flow.js';
import type { ApiDeps } from '../api-deps.js';
import { tenantOf } from '../auth.js';
import { problemResponse } from '../problem.js';
import { flowDetailSchema, flowListSchema, flowParams, flowVersionSchema } from './flows.schema.js';

/** Media types a flow definition may be posted as, besides JSON. */
const YAML_TYPES = ['application/yaml', 'application/x-yaml', 'text/yaml', 'text/x-yaml'];

/**
 * Flow routes: post a draft version (YAML or JSON), publish the latest draft, list and show versions, and the
 * JSON Schema of definitions. Published versions are immutable; built-in flows are shown to be copied.
 */
export function registerFlowRoutes(scope: FastifyInstance, deps: ApiDeps): void {
  scope.addContentTypeParser(YAML_TYPES, { parseAs: 'string', bodyLimit: MAX_FLOW_SOURCE_LENGTH }, (_request, body, done) => done(null, { yamlSource: body as string }));

  scope.get('/v1/flows/schema', { schema: { tags: ['flows'], summary: 'The JSON Schema of flow definitions' } }, async (_request, reply) =>
    reply.type('application/schema+json').send(flowJsonSchema()),
  );

  scope.post(
    '/v1/flows',
    {
      schema: {
        tags: ['flows'],
        summary: 'Add a draft version of a flow (YAML or JSON body)',
        response: { 201: flowVersionSchema, 400: problemResponse, 401: problemResponse, 409: problemResponse, 415: problemResponse, 422: problemResponse },
      },
    },
    async (request, reply) => {
      const tenant = tenantOf(request);
      const body = request.body as { yamlSource?: string } | undefined;
      const yamlSource = typeof body === 'object' && body !== null && typeof body.yamlSource === 'string' ? body.yamlSource : undefined;
      const result: FlowParseResult = yamlSource === undefined ? checkFlow(request.body) : parseFlow(yamlSource);
      if (!result.ok) throw new AppError('invalid-flow', `The flow definition has ${result.problems.length} problem${result.problems.length === 1 ? '' : 's'}`, { details: result.problems });
      const source = yamlSource ?? `${JSON.stringify(request.body, null, 2)}\n`;
      const created = await createFlowDraft(deps.db, tenant.id, { flow: result.flow, source, sourceMediaType: yamlSource === undefined ? 'application/json' : 'application/yaml' }).catch((error: unknown) => {
        if ((error as { code?: string }).code === '23505') throw new AppError('flow-conflict', `Another version of "${result.flow.name}" was posted at the same moment; post again`, { cause: error });
        throw error;
      });
      return reply.code(201).header('location', `/v1/flows/${created.name}`).send(toVersionView(created, true));
    },
  );

  scope.post(
    '/v1/flows/:name/publish',
    {
      schema: {
        tags: ['flows'],
        summary: 'Publish the latest draft version of a flow',
        params: flowParams,
        response: { 200: flowVersionSchema, 401: problemResponse, 404: problemResponse, 409: problemResponse },
      },
    },
    async (request) => {
      const tenant = tenantOf(request);
      const { name } = request.params as z.output<typeof flowParams>;
      if (findBuiltinFlow(name)) throw new AppError('flow-conflict', `"${name}" is a built-in flow, always published; copy it under a name of your own to change it`);
      const published = await publishLatestDraft(deps.db, tenant.id, name);
      if (published === 'missing') throw new NotFoundError(`No flow ${name}`);
      if (published === 'nothing-to-publish') throw new AppError('flow-conflict', `The latest version of "${name}" is already published; post a new version first`);
      return toVersionView(published, true);
    },
  );

  scope.get(
    '/v1/flows',
    { schema: { tags: ['flows'], summary: 'The tenant\'s flows and the built-in ones', response: { 200: flowListSchema, 401: problemResponse } } },
    async (request) => {
      const tenant = tenantOf(request);
      const own = await listLatestFlows(deps.db, tenant.id);
      return {
        items: [
          ...own.map((flow) => ({
            name: flow.name,
            builtin: false,
            latestVersion: flow.version,
            latestState: flow.state,
            publishedVersion: flow.publishedVersion,
            match: flow.definition.match,
            ...(flow.definition.description === undefined ? {} : { description: flow.definition.description }),
            href: `/v1/flows/${flow.name}`,
          })),
          ...BUILTIN_FLOWS.map((flow) => ({
            name: flow.name,
            builtin: true,
            latestVersion: BUILTIN_FLOW_VERSION,
            latestState: 'published' as const,
            publishedVersion: BUILTIN_FLOW_VERSION,
            match: flow.match,
            ...(flow.description === undefined ? {} : { description: flow.description }),
            href: `/v1/flows/${flow.name}`,
          })),
        ],
      };
    },
  );

  scope.get(
    '/v1/flows/:name',
    {
      schema: { tags: ['flows'], summary: 'Every version of a flow, newest first', params: flowParams, response: { 200: flowDetailSchema, 401: problemResponse, 404: problemResponse } },
    },
    async (request) => {
      const tenant = tenantOf(request);
      const { name } = request.params as z.output<typeof flowParams>;
      const builtin = findBuiltinFlow(name);
      if (builtin) return { name, builtin: true, versions: [builtinView(builtin)] };
      const versions = await listFlowVersions(deps.db, tenant.id, name);
      if (versions.length === 0) throw new NotFoundError(`No flow ${name}`);
      return { name, builtin: false, versions: versions.map((v) => toVersionView(v, true)) };
    },
  );
}

function toVersionView(flow: FlowVersion, withSource: boolean) {
  return {
    name: flow.name,
    version: flow.version,
    state: flow.state,
    builtin: false,
    createdAt: flow.createdAt.toISOString(),
    publishedAt: flow.publishedAt?.toISOString() ?? null,
    definition: flow.definition as unknown as Record<string, unknown>,
    ...(withSource ? { source: flow.source } : {}),
  };
}

function builtinView(flow: FlowDefinition) {
  return {
    name: flow.name,
    version: BUILTIN_FLOW_VERSION,
    state: 'published' as const,
    builtin: true,
    createdAt: new Date(0).toISOString(),
    publishedAt: new Date(0).toISOString(),
    definition: flow as unknown as Record<string, unknown>,
  };
}
