import { createHash } from 'node:crypto';
import { createTransport, type NodemailerError, type SMTPTransportOptions } from 'nodemailer';
import { AppError } from '../errors/app-error.js';
import { excerpt, transportFailure, type DeliveryMessage, type DeliveryOutcome, type Destination } from './destination.js';
import { describeNetworkError } from './network-error.js';

/** An e-mail destination's settings, the SMTP password already resolved into the URL. */
export type EmailDestinationSettings = {
  /**
   * `smtp://[user:password@]host[:port]` (STARTTLS whenever the server offers it, certificate
   * verified) or `smtps://…` (TLS from the first byte). No query options: they could switch checks off.
   */
  smtpUrl: string;
  /** The sender, `invoices@example.com` or `"Example Ltd" <invoices@example.com>`. */
  from: string;
  to: string[];
  /** `{invoiceNumber}` and `{documentId}` are replaced; by default "Invoice <number>". */
  subject?: string;
  /** The message text; the same placeholders; by default one sentence naming the invoice. */
  text?: string;
  /** Bounds connecting, each SMTP reply and the whole attempt; 60 s by default. */
  timeoutMs?: number;
};

/** The default bound on one delivery attempt over SMTP. */
export const DEFAULT_SMTP_TIMEOUT_MS = 60_000;
const MAX_RECIPIENTS = 50;

/**
 * A destination that e-mails the e-invoice as an attachment over SMTP. The Message-ID is derived from
 * the idempotency key, so a message sent twice (a crash between sending and recording) carries the same
 * Message-ID and the receiving side can recognise the duplicate. SMTP 5xx replies are rejections
 * (RFC 5321 §4.2.1: permanent negative completion), except 503 (bad sequence of commands), which says
 * the session went wrong, not the message; 4xx replies and every connection problem are transport
 * failures. When some recipients accept and others refuse, the attempt counts as delivered (retrying
 * would send the accepted ones a duplicate) and the detail names the refused ones.
 */
export function createEmailDestination(settings: EmailDestinationSettings): Destination {
  const smtp = parseSmtpUrl(settings.smtpUrl);
  const to = checkRecipients(settings.to);
  const from = checkAddress('from', settings.from);
  const timeoutMs = settings.timeoutMs ?? DEFAULT_SMTP_TIMEOUT_MS;
  if (!Number.isInteger(timeoutMs) || timeoutMs <= 0) throw invalid('timeoutMs must be a positive integer');
  const options: SMTPTransportOptions = {
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    ...(smtp.auth === undefined ? {} : { auth: smtp.auth }),
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
    // Attachments are bytes in memory; nothing may make the transport read files or fetch URLs.
    disableFileAccess: true,
    disableUrlAccess: true,
  };
  const transport = createTransport(options);
  const messageIdDomain = domainOf(from);

  return {
    description: `email to ${to.join(', ')} via ${smtp.secure ? 'smtps' : 'smtp'}://${smtp.host}:${smtp.port}`,
    async send(message: DeliveryMessage): Promise<DeliveryOutcome> {
      const label = message.invoiceNumber ?? message.documentId;
      const signal = AbortSignal.timeout(timeoutMs);
      try {
        const info = await transport.sendMail({
          from,
          to,
          subject: fill(settings.subject ?? 'Invoice {invoiceNumber}', message),
          text: fill(settings.text ?? `Please find attached the electronic invoice ${label}.`, message),
          messageId: messageIdFor(message.idempotencyKey, messageIdDomain),
          headers: { 'X-Document-Id': message.documentId },
          attachments: [{ filename: message.fileName, content: Buffer.from(message.body.buffer, message.body.byteOffset, message.body.byteLength), contentType: message.mediaType }],
          signal,
        });
        const refused = info.rejected;
        const detail = `accepted by ${smtp.host}: ${excerpt(String(info.response ?? ''), 200)}`;
        return { kind: 'delivered', detail: refused.length === 0 ? detail : `${detail}; refused recipients: ${refused.join(', ')}`, externalId: info.messageId };
      } catch (error) {
        return signal.aborted ? transportFailure(`no answer within ${timeoutMs} ms`) : outcomeOfSmtpError(error);
      }
    },
  };
}

/** The Message-ID a message always gets for one idempotency key (hashed: the key may hold any characters). */
export function messageIdFor(idempotencyKey: string, domain: string): string {
  return `<${createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 40)}@${domain}>`;
}

function outcomeOfSmtpError(error: unknown): DeliveryOutcome {
  const smtpError = error as NodemailerError;
  const code = smtpError.responseCode;
  if (typeof code === 'number') {
    const detail = `SMTP ${code}${smtpError.command ? ` after ${smtpError.command}` : ''}: ${excerpt(smtpError.response ?? smtpError.message, 300)}`;
    return code >= 500 && code < 600 && code !== 503 ? { kind: 'rejected', detail } : transportFailure(detail);
  }
  // No reply code: the connection, DNS, TLS or a timeout; all may clear. Nodemailer replaces the
  // system's code (ECONNREFUSED …) with its own (ESOCKET …) and keeps the first as originalCode.
  const systemCode = smtpError.originalCode ?? smtpError.code;
  return transportFailure(describeNetworkError(Object.assign(new Error(smtpError.message), { code: systemCode })));
}

function fill(template: string, message: DeliveryMessage): string {
  return template.replaceAll('{invoiceNumber}', message.invoiceNumber ?? message.documentId).replaceAll('{documentId}', message.documentId);
}

type SmtpEndpoint = { host: string; port: number; secure: boolean; auth?: { user: string; pass: string } };

function parseSmtpUrl(text: string): SmtpEndpoint {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw invalid('smtpUrl is not a URL'); // the text is not repeated: it may hold a password
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') throw invalid('smtpUrl must start with smtp:// or smtps://');
  if (url.hostname === '') throw invalid('smtpUrl has no host');
  if (url.search !== '' || (url.pathname !== '' && url.pathname !== '/')) throw invalid('smtpUrl takes no path and no query options');
  const secure = url.protocol === 'smtps:';
  const port = url.port === '' ? (secure ? 465 : 587) : Number(url.port);
  const endpoint: SmtpEndpoint = { host: url.hostname.replace(/^\[(.*)\]$/, '$1'), port, secure };
  if (url.username !== '') endpoint.auth = { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) };
  return endpoint;
}

function checkRecipients(to: string[]): string[] {
  if (to.length === 0) throw invalid('to names no recipient');
  if (to.length > MAX_RECIPIENTS) throw invalid(`to names more than ${MAX_RECIPIENTS} recipients`);
  return to.map((address) => checkAddress('to', address));
}

function checkAddress(field: string, address: string): string {
  // A line break would let an address inject headers; the SMTP server checks the rest.
  if (!address.includes('@') || /[\r\n\0]/.test(address) || address.length > 320) throw invalid(`${field} has an invalid address ${JSON.stringify(excerpt(address, 80))}`);
  return address;
}

/** The sender's domain, the usual right-hand side of a Message-ID. */
function domainOf(from: string): string {
  return /@([A-Za-z0-9.-]+)>?\s*$/.exec(from)?.[1] ?? 'einvoice-hub.invalid';
}

function invalid(message: string): AppError {
  return new AppError('bad-request', `e-mail destination: ${message}`);
}
