import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { validateDocument, writeInvoice } from '@einvoice-hub/core';
import { testDatabases } from '../support/databases.js';
import { expectProblem, fixtureInvoice, startApi, type ApiHarness } from './api-harness.js';

const invoice = fixtureInvoice();
const ubl = writeInvoice(invoice as never, 'ubl').output;

for (const engine of testDatabases()) {
  describe(`POST /v1/validate and /v1/convert (${engine.name})`, () => {
    let api: ApiHarness;
    before(async () => {
      api = await startApi(engine);
    });
    after(() => api?.close());

    test('validates XML and answers the core\'s report', async () => {
      for (const type of ['application/xml', 'text/xml', 'application/xml; charset=utf-8']) {
        const answer = await api.call('POST', '/v1/validate?rules=en16931', { body: ubl, headers: { 'content-type': type } });
        assert.equal(answer.status, 200, answer.text);
        assert.deepEqual(answer.json, validateDocument(ubl, { rules: ['en16931'] }));
        assert.equal(answer.json.syntax, 'ubl');
      }
    });

    test('reports the findings of an invalid document', async () => {
      const broken = ubl.replace(/<cbc:IssueDate>[^<]*<\/cbc:IssueDate>/, '');
      const answer = await api.call('POST', '/v1/validate', { body: broken, headers: { 'content-type': 'application/xml' } });
      assert.equal(answer.status, 200, answer.text);
      assert.equal(answer.json.valid, false);
      assert.ok(answer.json.findings.some((f: { rule: string }) => f.rule === 'BR-03'), answer.text);
    });

    test('validates EN 16931 JSON (checked as UBL)', async () => {
      const answer = await api.call('POST', '/v1/validate', { body: invoice });
      assert.equal(answer.status, 200, answer.text);
      assert.equal(answer.json.syntax, 'ubl');
      assert.deepEqual(answer.json.ruleSets, ['en16931']);
    });

    test('an unreadable document is a 400 unreadable-document with the reader\'s position', async () => {
      const answer = await api.call('POST', '/v1/validate', { body: '<Invoice>\n  <cbc:ID>1</Invoice>', headers: { 'content-type': 'application/xml' } });
      const problem = expectProblem(answer, 400, 'unreadable-document');
      assert.equal(problem.errors?.[0]?.code, 'xml-malformed');
      assert.equal(problem.errors?.[0]?.line, 2);
      assert.equal(typeof problem.errors?.[0]?.column, 'number');
      const unknown = expectProblem(await api.call('POST', '/v1/validate', { body: '<Order/>', headers: { 'content-type': 'text/xml' } }), 400, 'unreadable-document');
      assert.equal(unknown.errors?.[0]?.code, 'document-unknown');
      const json = expectProblem(await api.call('POST', '/v1/validate', { body: '{"number": ', headers: { 'content-type': 'application/json' } }), 400, 'unreadable-document');
      assert.equal(json.errors?.[0]?.code, 'json-malformed');
      const invalidJson = expectProblem(await api.call('POST', '/v1/validate', { body: { ...invoice, issueDate: 3 } }), 400, 'unreadable-document');
      assert.equal(invalidJson.errors?.[0]?.path, 'issueDate');
    });

    test('refuses unknown rule sets and empty bodies', async () => {
      const rules = expectProblem(await api.call('POST', '/v1/validate?rules=en16931,martian', { body: ubl, headers: { 'content-type': 'application/xml' } }), 400, 'bad-request');
      assert.equal(rules.errors?.[0]?.path, 'rules[1]');
      expectProblem(await api.call('POST', '/v1/validate', { body: '', headers: { 'content-type': 'application/xml' } }), 400, 'bad-request');
    });

    test('converts JSON to XML and XML to JSON with the output\'s media type', async () => {
      const toCii = await api.call('POST', '/v1/convert?to=xrechnung-cii', { body: invoice });
      assert.equal(toCii.status, 200, toCii.text);
      assert.match(toCii.headers.get('content-type') ?? '', /^application\/xml/);
      assert.match(toCii.text, /<rsm:CrossIndustryInvoice/);
      assert.match(toCii.text, /urn:xeinkauf\.de:kosit:xrechnung_3\.0/);
      assert.match(toCii.headers.get('x-conversion-notes') ?? '', /^\d+$/);

      const toJson = await api.call('POST', '/v1/convert?to=json', { body: ubl, headers: { 'content-type': 'application/xml' } });
      assert.equal(toJson.status, 200, toJson.text);
      assert.match(toJson.headers.get('content-type') ?? '', /^application\/json/);
      assert.equal(toJson.json.number, invoice['number']);
      assert.equal(toJson.headers.get('x-conversion-notes'), '0');
    });

    test('convert needs a known target', async () => {
      const missing = expectProblem(await api.call('POST', '/v1/convert', { body: ubl, headers: { 'content-type': 'application/xml' } }), 400, 'bad-request');
      assert.equal(missing.errors?.[0]?.path, 'to');
      expectProblem(await api.call('POST', '/v1/convert?to=pdf', { body: ubl, headers: { 'content-type': 'application/xml' } }), 400, 'bad-request');
      expectProblem(await api.call('POST', '/v1/convert?to=ubl', { body: '<nope', headers: { 'content-type': 'application/xml' } }), 400, 'unreadable-document');
    });
  });
}
