import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { apiClient, REPO, startServe, waitFor } from './support/service-process.js';

const INVOICE = JSON.parse(readFileSync(join(REPO, 'packages', 'core', 'test', 'fixtures', 'invoice-standard-rated.json'), 'utf8')) as Record<string, unknown>;

describe('SIGKILL of the service during a delivery (embedded, subprocess)', { timeout: 300_000 }, () => {
  it('after a restart the receiver sees the document exactly once, deduplicated by Idempotency-Key', async () => {
    // A receiver that deduplicates on Idempotency-Key, as receivers are asked to; the first request is left
    // hanging so the service is killed in the middle of the delivery.
    const requests: { key: string; body: string }[] = [];
    const accepted = new Map<string, string>();
    const hanging: ServerResponse[] = [];
    const receiver = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const key = String(req.headers['idempotency-key']);
        requests.push({ key, body: Buffer.concat(chunks).toString('utf8') });
        if (requests.length === 1) {
          accepted.set(key, requests[0]!.body); // the receiver stored it; the answer never reaches the hub
          hanging.push(res);
          return;
        }
        if (!accepted.has(key)) accepted.set(key, requests.at(-1)!.body);
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"id":"rcv-1"}');
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/in`;
    const dataDir = await mkdtemp(join(tmpdir(), 'einvoice-deliver-crash-'));
    try {
      const first = await startServe({ dataDir });
      const api = apiClient(first.url, first.apiKey!);
      const flow = { name: 'crash-hook', match: { tag: 'crash' }, steps: [{ transform: { format: 'ubl' } }, { deliver: { destination: { type: 'http', url }, retry: { initialDelay: 'PT0.5S' } } }] };
      assert.equal((await api.post('/v1/flows', flow)).status, 201);
      assert.equal((await api.post('/v1/flows/crash-hook/publish', {})).status, 200);
      const submitted = await api.post('/v1/documents', { context: { tag: 'crash' }, invoice: INVOICE });
      assert.equal(submitted.status, 202, submitted.text);
      const id = submitted.json!['id'] as string;

      await waitFor('the delivery request to arrive', () => (requests.length === 1 ? true : undefined), 60_000, 20);
      await first.kill();
      for (const res of hanging) res.destroy();

      const second = await startServe({ dataDir });
      try {
        const api2 = apiClient(second.url, first.apiKey!);
        const doc = await waitFor('the document to be delivered after the restart', async () => {
          const answer = await api2.get(`/v1/documents/${id}`);
          return answer.json?.['status'] === 'delivered' ? answer.json : undefined;
        }, 120_000, 200);
        assert.ok(requests.length >= 2, 'the interrupted delivery was sent again');
        assert.equal(new Set(requests.map((r) => r.key)).size, 1, 'every attempt carries the same Idempotency-Key');
        assert.equal(accepted.size, 1, 'the receiver holds the document exactly once');
        assert.equal(requests[0]!.body, requests.at(-1)!.body, 'the same e-invoice each time');
        const log = (doc['log'] as { message: string }[]).map((e) => e.message).join('\n');
        assert.match(log, /Delivered/);
        assert.equal(await second.stop(), 0);
      } finally {
        await second.kill().catch(() => undefined);
      }
    } finally {
      await new Promise<void>((resolve) => receiver.close(() => resolve()));
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
