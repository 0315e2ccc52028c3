import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { testDatabases } from '../support/databases.js';
import { startApi, type ApiHarness } from './api-harness.js';

// The documentation does not depend on the engine: one is enough.
const [engine] = testDatabases();

describe('OpenAPI, docs and probes', () => {
  let api: ApiHarness;
  before(async () => {
    api = await startApi(engine!);
  });
  after(() => api?.close());

  test('/openapi.json is OpenAPI 3 describing every route, its schemas and the bearer scheme', async () => {
    const answer = await api.call('GET', '/openapi.json', { key: null });
    assert.equal(answer.status, 200);
    const spec = answer.json;
    assert.match(spec.openapi, /^3\./);
    for (const [path, method] of [
      ['/v1/documents', 'post'],
      ['/v1/documents/batch', 'post'],
      ['/v1/documents', 'get'],
      ['/v1/documents/{id}', 'get'],
      ['/v1/documents/{id}/artifacts/{name}', 'get'],
      ['/v1/validate', 'post'],
      ['/v1/convert', 'post'],
      ['/healthz', 'get'],
      ['/readyz', 'get'],
    ] as const) {
      assert.ok(spec.paths[path]?.[method], `${method.toUpperCase()} ${path} is documented`);
    }
    assert.equal(spec.paths['/openapi.json'], undefined);
    assert.deepEqual(spec.components.securitySchemes.apiKey, { type: 'http', scheme: 'bearer', description: spec.components.securitySchemes.apiKey.description });
    assert.deepEqual(spec.security, [{ apiKey: [] }]);
    assert.deepEqual(spec.paths['/healthz'].get.security, []);

    const submit = spec.paths['/v1/documents'].post;
    const body = submit.requestBody.content['application/json'].schema;
    assert.deepEqual(body.properties.invoice, { $ref: '#/components/schemas/Invoice' });
    assert.ok(body.properties.context.properties.format.enum.includes('xrechnung-ubl'));
    assert.ok(submit.parameters.some((p: { in: string; name: string }) => p.in === 'header' && p.name === 'idempotency-key'));
    assert.ok(submit.responses['202'].content['application/json'].schema.properties.id);
    assert.deepEqual(submit.responses['409'].content['application/problem+json'].schema, { $ref: '#/components/schemas/Problem' });
    assert.ok(spec.components.schemas.Problem.properties.code.enum.includes('idempotency-conflict'));
    assert.ok(spec.components.schemas.Invoice.properties.seller, 'the Invoice component is the core\'s JSON Schema');
    const list = spec.paths['/v1/documents'].get;
    assert.deepEqual(list.parameters.map((p: { name: string }) => p.name).sort(), ['createdFrom', 'createdTo', 'cursor', 'limit', 'status']);
    assert.ok(spec.paths['/v1/validate'].post.requestBody.content['application/xml']);
  });

  test('/docs serves the readable documentation', async () => {
    const page = await api.call('GET', '/docs', { key: null });
    const html = page.status === 302 ? await api.call('GET', page.headers.get('location') ?? '', { key: null }) : page;
    assert.equal(html.status, 200);
    assert.match(html.headers.get('content-type') ?? '', /text\/html/);
    assert.match(html.text, /swagger-ui/i);
    const script = await api.call('GET', '/docs/static/swagger-ui-bundle.js', { key: null });
    assert.equal(script.status, 200, 'the UI is served from the package, not a CDN');
  });

  test('/healthz and /readyz answer without a key', async () => {
    const health = await api.call('GET', '/healthz', { key: null });
    assert.equal(health.status, 200);
    assert.deepEqual(health.json, { status: 'ok' });
    const ready = await api.call('GET', '/readyz', { key: null });
    assert.equal(ready.status, 200);
    assert.deepEqual(ready.json, { status: 'ok' });
  });
});
