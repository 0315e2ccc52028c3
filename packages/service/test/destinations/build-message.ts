import { randomUUID } from 'node:crypto';
import type { DeliveryMessage } from '../../src/destinations/destination.js';

/** A delivery message with a small UBL invoice body; override any field. */
export function buildMessage(overrides: Partial<DeliveryMessage> = {}): DeliveryMessage {
  const documentId = overrides.documentId ?? randomUUID();
  return {
    documentId,
    idempotencyKey: `${documentId}:1`,
    body: new TextEncoder().encode('<?xml version="1.0" encoding="UTF-8"?>\n<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"><cbc:ID xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">INV-2024-001</cbc:ID></Invoice>\n'),
    mediaType: 'application/xml',
    fileName: 'INV-2024-001.xml',
    invoiceNumber: 'INV-2024-001',
    ...overrides,
  };
}
