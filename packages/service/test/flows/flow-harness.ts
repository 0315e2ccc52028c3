import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { pino } from 'pino';
import { SMTPServer } from 'smtp-server';
import { serviceConfigSchema } from '../../src/config/config.schema.js';
import { startService, type RunningService } from '../../src/service.js';
import type { TestEngine } from '../support/databases.js';
import { makeTempDir } from '../support/temp-dir.js';

/** One request a receiver got. */
export type Received = { at: number; idempotencyKey: string; signature: string; documentId: string; body: string };

/** A real HTTP receiver on loopback whose answers a test scripts: `answer(n)` gives the status of the n-th request. */
export type Receiver = { url: string; port: number; received: Received[]; answer: (n: number, req: IncomingMessage) => number; close(): Promise<void>; server: Server };

/** Starts a receiver; `port` reuses a given port (a destination that comes back). */
export async function startReceiver(answer: (n: number) => number, port = 0): Promise<Receiver> {
  const received: Received[] = [];
  const receiver = { received, answer } as unknown as Receiver;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({
        at: Date.now(),
        idempotencyKey: String(req.headers['idempotency-key'] ?? ''),
        signature: String(req.headers['x-signature'] ?? ''),
        documentId: String(req.headers['x-document-id'] ?? ''),
        body: Buffer.concat(chunks).toString('utf8'),
      });
      const status = receiver.answer(received.length, req);
      res.writeHead(status, { 'content-type': 'application/json' }).end(status < 300 ? JSON.stringify({ id: `rcv-${received.length}` }) : '{"error":"no"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const actual = (server.address() as AddressInfo).port;
  return Object.assign(receiver, {
    server,
    port: actual,
    url: `http://127.0.0.1:${actual}/in`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}

/** The HMAC the receiver expects for a body. */
export function expectedSignature(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/** A real SMTP server on loopback that parses every mail it receives. */
export type MailCatcher = { url: string; mails: ParsedMail[]; close(): Promise<void> };

/** Starts the SMTP server (no TLS, no auth: loopback only). */
export async function startMailCatcher(): Promise<MailCatcher> {
  const mails: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          mails.push(mail);
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { url: `smtp://127.0.0.1:${port}`, mails, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** The whole service (API + worker) on a fresh database of `engine`, talking to a mail catcher. */
export type FlowService = {
  service: RunningService;
  key: string;
  mail: MailCatcher;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read answers loosely and assert their shape
  call(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<{ status: number; json: any; text: string }>;
  close(): Promise<void>;
};

/** Starts the service as `einvoice serve` would, on PGlite in a temp data dir or on a fresh PostgreSQL database. */
export async function startFlowService(engine: TestEngine): Promise<FlowService> {
  const dir = await makeTempDir('einvoice-flows');
  const mail = await startMailCatcher();
  const database = engine.name === 'postgres' ? await engine.open() : undefined;
  // The test database was migrated by open(); the service connects to it by URL with its own pool.
  if (database) await database.db.close();
  const config = serviceConfigSchema.parse({
    dataDir: dir.path,
    port: 0,
    smtpUrl: mail.url,
    logLevel: 'silent',
    ...(database?.url ? { databaseUrl: database.url, masterKey: Buffer.alloc(32, 7).toString('base64') } : {}),
  });
  const service = await startService(config, { api: true, worker: true, logger: pino({ level: 'silent' }) });
  let key = service.initialTenant?.apiKey;
  if (!key) {
    const { createTenant } = await import('../../src/tenants/tenant.repository.js');
    const { openDatabase } = await import('../../src/db/open-database.js');
    const db = await openDatabase(config);
    key = (await createTenant(db, 'acme')).apiKey;
    await db.close();
  }
  const apiKey = key;
  return {
    service,
    key: apiKey,
    mail,
    async call(method, path, body, headers = {}) {
      const isText = typeof body === 'string';
      const response = await fetch(`${service.url}${path}`, {
        method,
        headers: { authorization: `Bearer ${apiKey}`, ...(body === undefined ? {} : { 'content-type': isText ? 'application/yaml' : 'application/json' }), ...headers },
        ...(body === undefined ? {} : { body: isText ? body : JSON.stringify(body) }),
      });
      const text = await response.text();
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        json = undefined;
      }
      return { status: response.status, json, text };
    },
    async close() {
      await service.close();
      await mail.close();
      await database?.cleanup();
      await dir.remove();
    },
  };
}
