import assert from 'node:assert/strict';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import { createEmailDestination, messageIdFor } from '../../src/destinations/email-destination.js';
import { AppError } from '../../src/errors/app-error.js';
import { buildMessage } from './build-message.js';

/** A real SMTP server on 127.0.0.1 that parses what it receives. */
type Mailbox = { url: string; received: { envelopeTo: string[]; mail: ParsedMail }[]; close(): Promise<void> };

/** An SMTP error reply the fake server sends (smtp-server reads `responseCode` off the error). */
function smtpReply(code: number, text: string): Error {
  return Object.assign(new Error(text), { responseCode: code });
}

async function startMailbox(options: Partial<SMTPServerOptions> = {}): Promise<Mailbox> {
  const received: Mailbox['received'] = [];
  const server = new SMTPServer({
    logger: false,
    authOptional: true,
    // Plain SMTP on loopback: without STARTTLS on offer the client sends in clear text (the built-in test certificate would not verify).
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received.push({ envelopeTo: session.envelope.rcptTo.map((a) => a.address), mail });
          callback();
        })
        .catch(callback);
    },
    ...options,
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { url: `smtp://127.0.0.1:${port}`, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const settings = (url: string) => ({ smtpUrl: url, from: '"ACME Billing" <billing@acme.example>', to: ['ap@customer.example'], timeoutMs: 5_000 });

describe('e-mail destination: what is sent', () => {
  let mailbox: Mailbox;
  before(async () => (mailbox = await startMailbox()));
  after(() => mailbox.close());

  test('the e-invoice is attached byte for byte, with subject, Message-ID and document id', async () => {
    const message = buildMessage({ body: new TextEncoder().encode('<Invoice>€ 100,00 — ünïcode</Invoice>\n') });
    const outcome = await createEmailDestination(settings(mailbox.url)).send(message);
    const messageId = messageIdFor(message.idempotencyKey, 'acme.example');
    assert.equal(outcome.kind, 'delivered', JSON.stringify(outcome));
    assert.ok(outcome.kind === 'delivered' && outcome.externalId === messageId);
    const [{ envelopeTo, mail } = assert.fail('no mail received')] = mailbox.received.splice(0);
    assert.deepEqual(envelopeTo, ['ap@customer.example']);
    assert.equal(mail.subject, 'Invoice INV-2024-001');
    assert.equal(mail.messageId, messageId);
    assert.equal(mail.from?.value[0]?.address, 'billing@acme.example');
    assert.equal(mail.headers.get('x-document-id'), message.documentId);
    assert.match(mail.text ?? '', /INV-2024-001/);
    assert.equal(mail.attachments.length, 1);
    const [attachment] = mail.attachments;
    assert.equal(attachment?.filename, 'INV-2024-001.xml');
    assert.equal(attachment?.contentType, 'application/xml');
    assert.deepEqual(attachment?.content, Buffer.from(message.body));
  });

  test('the same message sent twice has the same Message-ID, so the duplicate is recognisable', async () => {
    const message = buildMessage();
    const destination = createEmailDestination(settings(mailbox.url));
    await destination.send(message);
    await destination.send(message);
    const ids = mailbox.received.splice(0).map((r) => r.mail.messageId);
    assert.equal(ids.length, 2);
    assert.equal(ids[0], ids[1]);
    assert.notEqual(messageIdFor('another revision', 'acme.example'), ids[0]);
  });

  test('subject and text templates fill in the invoice number and document id; several recipients', async () => {
    const message = buildMessage();
    const destination = createEmailDestination({ ...settings(mailbox.url), to: ['a@customer.example', 'b@customer.example'], subject: 'E-invoice {invoiceNumber} from ACME', text: 'Document {documentId}' });
    assert.equal((await destination.send(message)).kind, 'delivered');
    const [{ envelopeTo, mail } = assert.fail('no mail received')] = mailbox.received.splice(0);
    assert.deepEqual(envelopeTo, ['a@customer.example', 'b@customer.example']);
    assert.equal(mail.subject, 'E-invoice INV-2024-001 from ACME');
    assert.equal(mail.text?.trim(), `Document ${message.documentId}`);
  });

  test('the description names recipients and server but no credentials', () => {
    const destination = createEmailDestination({ ...settings('smtp://mailer:s3cret@127.0.0.1:2525') });
    assert.equal(destination.description, 'email to ap@customer.example via smtp://127.0.0.1:2525');
  });
});

describe('e-mail destination: what the SMTP server answers', () => {
  test('550 for the recipient is a rejection', async () => {
    const mailbox = await startMailbox({ onRcptTo: (_address, _session, callback) => callback(smtpReply(550, 'No such user here')) });
    try {
      const outcome = await createEmailDestination(settings(mailbox.url)).send(buildMessage());
      assert.equal(outcome.kind, 'rejected', JSON.stringify(outcome));
      assert.match(outcome.detail, /^SMTP 550\b.*No such user here/);
    } finally {
      await mailbox.close();
    }
  });

  test('554 after the data is a rejection', async () => {
    const mailbox = await startMailbox({ onData: (stream, _session, callback) => stream.resume().on('end', () => callback(smtpReply(554, 'Message refused'))) });
    try {
      const outcome = await createEmailDestination(settings(mailbox.url)).send(buildMessage());
      assert.equal(outcome.kind, 'rejected', JSON.stringify(outcome));
      assert.match(outcome.detail, /^SMTP 554\b.*Message refused/);
    } finally {
      await mailbox.close();
    }
  });

  test('451 after the data is a transport failure', async () => {
    const mailbox = await startMailbox({ onData: (stream, _session, callback) => stream.resume().on('end', () => callback(smtpReply(451, 'Try again later'))) });
    try {
      const outcome = await createEmailDestination(settings(mailbox.url)).send(buildMessage());
      assert.equal(outcome.kind, 'transport-failure', JSON.stringify(outcome));
      assert.match(outcome.detail, /^SMTP 451\b.*Try again later/);
    } finally {
      await mailbox.close();
    }
  });

  test('one recipient refused, one accepted: delivered, naming the refused one (a retry would duplicate)', async () => {
    const mailbox = await startMailbox({
      onRcptTo: (address, _session, callback) => callback(address.address.startsWith('gone@') ? smtpReply(550, 'No such user') : null),
    });
    try {
      const outcome = await createEmailDestination({ ...settings(mailbox.url), to: ['gone@customer.example', 'ap@customer.example'] }).send(buildMessage());
      assert.equal(outcome.kind, 'delivered', JSON.stringify(outcome));
      assert.match(outcome.detail, /refused recipients: gone@customer\.example$/);
      assert.deepEqual(mailbox.received.map((r) => r.envelopeTo), [['ap@customer.example']]);
    } finally {
      await mailbox.close();
    }
  });

  test('credentials from the URL are used (percent-decoded); wrong ones are a rejection (535)', async () => {
    const mailbox = await startMailbox({
      authOptional: false,
      allowInsecureAuth: true,
      authMethods: ['PLAIN', 'LOGIN'],
      onAuth: (auth, _session, callback) =>
        auth.username === 'mailer' && auth.password === 'p@ss:w/rd' ? callback(null, { user: 'mailer' }) : callback(smtpReply(535, 'Authentication credentials invalid')),
    });
    try {
      const port = new URL(mailbox.url).port;
      const good = await createEmailDestination(settings(`smtp://mailer:${encodeURIComponent('p@ss:w/rd')}@127.0.0.1:${port}`)).send(buildMessage());
      assert.equal(good.kind, 'delivered', JSON.stringify(good));
      const bad = await createEmailDestination(settings(`smtp://mailer:wrong@127.0.0.1:${port}`)).send(buildMessage());
      assert.equal(bad.kind, 'rejected', JSON.stringify(bad));
      assert.match(bad.detail, /^SMTP 535\b/);
      assert.equal(mailbox.received.length, 1);
    } finally {
      await mailbox.close();
    }
  });
});

describe('e-mail destination: transport failures', () => {
  test('a closed SMTP port', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const outcome = await createEmailDestination(settings(`smtp://127.0.0.1:${port}`)).send(buildMessage());
    assert.equal(outcome.kind, 'transport-failure', JSON.stringify(outcome));
    assert.match(outcome.detail, /^connection refused \(ECONNREFUSED\)/);
  });

  test('a host name that does not resolve', async () => {
    const outcome = await createEmailDestination(settings('smtp://does-not-exist.invalid')).send(buildMessage());
    assert.equal(outcome.kind, 'transport-failure', JSON.stringify(outcome));
    assert.match(outcome.detail, /DNS/);
  });

  test('a server that accepts the connection but never greets times out', async () => {
    const sockets = new Set<Socket>();
    const silent: Server = createServer((socket) => sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = silent.address() as AddressInfo;
      const started = Date.now();
      const outcome = await createEmailDestination({ ...settings(`smtp://127.0.0.1:${port}`), timeoutMs: 300 }).send(buildMessage());
      assert.equal(outcome.kind, 'transport-failure', JSON.stringify(outcome));
      assert.match(outcome.detail, /^(no answer within 300 ms|timed out \(ETIMEDOUT\))/);
      assert.ok(Date.now() - started < 5_000);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });

  test('421 on connect (service not available) is a transport failure', async () => {
    const mailbox = await startMailbox({ onConnect: (_session, callback) => callback(smtpReply(421, 'Too busy')) });
    try {
      const outcome = await createEmailDestination(settings(mailbox.url)).send(buildMessage());
      assert.equal(outcome.kind, 'transport-failure', JSON.stringify(outcome));
    } finally {
      await mailbox.close();
    }
  });
});

describe('e-mail destination: settings', () => {
  const refused = (overrides: Record<string, unknown>, pattern: RegExp): void => {
    assert.throws(
      () => createEmailDestination({ ...settings('smtp://127.0.0.1:2525'), ...overrides }),
      (error: unknown) => error instanceof AppError && error.code === 'bad-request' && pattern.test(error.message) && !error.message.includes('s3cret'),
    );
  };
  test('only smtp: and smtps: URLs, without query options', () => {
    refused({ smtpUrl: 'http://mail.example.com' }, /smtp:\/\/ or smtps:\/\//);
    refused({ smtpUrl: 'not a url s3cret' }, /not a URL/);
    refused({ smtpUrl: 'smtp://u:s3cret@mail.example.com?tls.rejectUnauthorized=false' }, /no query options/);
  });
  test('recipients and sender must be addresses without line breaks', () => {
    refused({ to: [] }, /no recipient/);
    refused({ to: ['nobody'] }, /invalid address/);
    refused({ to: ['a@b.example\r\nBcc: victim@example.com'] }, /invalid address/);
    refused({ from: 'billing' }, /invalid address/);
  });
});
