import { mkdir } from 'node:fs/promises';
import { isAbsolute, join, resolve, sep } from 'node:path';
import type { Database } from '../db/database.js';
import { createEmailDestination } from '../destinations/email-destination.js';
import { createFolderDestination } from '../destinations/folder-destination.js';
import { createHttpDestination } from '../destinations/http-destination.js';
import type { Destination, DeliveryMessage } from '../destinations/destination.js';
import { AppError } from '../errors/app-error.js';
import { parseDuration } from '../flows/duration.js';
import type { DestinationSettings } from '../flows/flow-definition.schema.js';
import { resolveCertificate, resolveSecret } from '../secrets/resolve-secret.js';
import type { SecretBox } from '../secrets/secret-box.js';

/** What opening a destination needs: the tenant's secrets and the service's settings for folders and mail. */
export type DestinationEnvironment = {
  db: Database;
  secrets: SecretBox;
  /** The directory every folder destination lives under (setting `folderRoot`). */
  folderRoot: string;
  /** The sender of e-invoices sent by e-mail when the flow names none. */
  mailFrom: string;
};

/**
 * Builds the destination of a deliver step, with the tenant's secrets read from the encrypted store at the
 * moment of sending (a rotated secret applies to the next attempt). A secret that is missing or of the wrong
 * kind throws an AppError: a configuration mistake no retry can fix.
 */
export async function openDestination(env: DestinationEnvironment, tenantId: string, settings: DestinationSettings): Promise<Destination> {
  switch (settings.type) {
    case 'http': {
      const hmacSecret = settings.hmacSecret === undefined ? undefined : await resolveSecret(env.db, env.secrets, tenantId, settings.hmacSecret, 'secret');
      const certificate = settings.clientCertificate === undefined ? undefined : await resolveCertificate(env.db, env.secrets, tenantId, settings.clientCertificate);
      const timeoutMs = settings.timeout === undefined ? undefined : parseDuration(settings.timeout);
      return createHttpDestination({
        url: settings.url,
        ...(hmacSecret === undefined ? {} : { hmacSecret }),
        ...(certificate === undefined ? {} : { clientCertificate: certificate }),
        ...(timeoutMs === undefined ? {} : { timeoutMs }),
      });
    }
    case 'email': {
      const smtpUrl = await resolveSecret(env.db, env.secrets, tenantId, settings.smtp, 'secret');
      return createEmailDestination({ smtpUrl, from: settings.from ?? env.mailFrom, to: settings.to, ...(settings.subject === undefined ? {} : { subject: settings.subject }) });
    }
    case 'folder': {
      const directory = folderOf(env.folderRoot, tenantId, settings.path);
      // Under the service's own root the tree is ours to create (the destination itself never creates a
      // missing directory: outside such a root it may be a share that is not mounted yet).
      await mkdir(directory, { recursive: true });
      const byNumber = settings.fileName === 'invoice-number';
      return createFolderDestination({
        directory,
        fileName: (message: DeliveryMessage) => `${byNumber && message.invoiceNumber ? safeName(message.invoiceNumber) : message.documentId}${extensionOf(message.fileName)}`,
      });
    }
  }
}

/**
 * The directory of a folder destination: `<folderRoot>/<tenant id>/<path>`. Each tenant has its own subtree,
 * and the resolved path is checked to stay inside it, whatever the flow says.
 */
export function folderOf(root: string, tenantId: string, path: string): string {
  const base = resolve(root, tenantId);
  const directory = resolve(base, path);
  if (isAbsolute(path) || (directory !== base && !directory.startsWith(base + sep))) {
    throw new AppError('invalid-flow', `The folder "${path}" is outside the tenant's delivery folder`);
  }
  return join(directory);
}

function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot > 0 ? fileName.slice(dot) : '';
}

/** An invoice number as a file name: characters outside a safe set become "_". */
function safeName(text: string): string {
  return text.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\.+/, '_').slice(0, 200);
}
