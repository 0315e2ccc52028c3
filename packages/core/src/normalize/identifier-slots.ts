import type { Invoice } from '../model/invoice.js';
import type { Identifier } from '../model/primitives.js';
import type { InvoicePath } from './normalization-log.js';

/** An identifier of the working copy with its path (the path of the identifier object, not of its `id`). */
export type IdentifierSlot = { identifier: Identifier; path: InvoicePath };

/** The electronic addresses, BT-34 (seller) and BT-49 (buyer), whose scheme is the EAS list. */
export function electronicAddressSlots(invoice: Invoice): IdentifierSlot[] {
  return present([
    [invoice.seller?.electronicAddress, ['seller', 'electronicAddress']],
    [invoice.buyer?.electronicAddress, ['buyer', 'electronicAddress']],
  ]);
}

/**
 * Every party identifier whose scheme is an ISO 6523 ICD (or the EAS list, which extends it): BT-29,
 * BT-30, BT-34, BT-46, BT-47, BT-49, BT-60, BT-61. National identifiers such as the Italian codice
 * fiscale (0210) may stand in any of them. BT-18 and BT-128 use UNTDID 1153 and BT-157 item schemes, so
 * they are not party identifiers.
 */
export function partyIdentifierSlots(invoice: Invoice): IdentifierSlot[] {
  const { seller, buyer, payee } = invoice;
  return present([
    ...(seller?.identifiers ?? []).map((identifier, index): [Identifier, InvoicePath] => [identifier, ['seller', 'identifiers', index]]),
    [seller?.legalRegistrationId, ['seller', 'legalRegistrationId']],
    [seller?.electronicAddress, ['seller', 'electronicAddress']],
    [buyer?.identifier, ['buyer', 'identifier']],
    [buyer?.legalRegistrationId, ['buyer', 'legalRegistrationId']],
    [buyer?.electronicAddress, ['buyer', 'electronicAddress']],
    [payee?.identifier, ['payee', 'identifier']],
    [payee?.legalRegistrationId, ['payee', 'legalRegistrationId']],
  ]);
}

/** Whether an identifier's scheme is `scheme`; compared without case, as codes arrive in either. */
export function hasScheme(identifier: Identifier, scheme: string): boolean {
  return identifier.schemeId?.toUpperCase() === scheme.toUpperCase();
}

function present(slots: readonly (readonly [Identifier | undefined, InvoicePath])[]): IdentifierSlot[] {
  return slots.flatMap(([identifier, path]) => (identifier ? [{ identifier, path }] : []));
}
