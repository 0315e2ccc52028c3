import type { Invoice } from '../model/invoice.js';
import { findCodiceFiscaleFault, type CodiceFiscaleFault } from './codice-fiscale.js';
import { hasScheme, partyIdentifierSlots } from './identifier-slots.js';
import type { NormalizationLog } from './normalization-log.js';
import { editField, toAsciiUpperCase } from './text-edit.js';

/**
 * The Italian identifiers in EN 16931 terms (Italian CIUS, Peppol): an identifier's scheme (ISO 6523
 * ICD / EAS) tells which one it is.
 * - 0205 CODDEST: the codice destinatario of the SdI, 7 letters and digits (buyer electronic address BT-49);
 * - 0201 the IPA code (Codice Univoco Ufficio) of a public body, 6 letters and digits;
 * - 0210 the codice fiscale, in any party identifier (BT-29, BT-30, BT-46, BT-47 …).
 * 0211 (partita IVA) is not checked: Peppol writes it with the "IT" prefix, which is a form of its own.
 */
const ITALIAN_SCHEMES = {
  '0205': { label: 'codice destinatario', shape: /^[A-Z0-9]{7}$/, check: 'codice-destinatario-format', expected: '7 letters and digits' },
  '0201': { label: 'IPA code', shape: /^[A-Z0-9]{6}$/, check: 'ipa-code-format', expected: '6 letters and digits' },
} as const;
const CODICE_FISCALE_SCHEME = '0210';

const CODICE_FISCALE_MESSAGES: Readonly<Record<CodiceFiscaleFault, string>> = {
  'codice-fiscale-format': 'a codice fiscale has 16 letters and digits in its fixed pattern (persons) or 11 digits (companies and other bodies)',
  'codice-fiscale-check-character': "the codice fiscale's last letter does not match the control character of the first 15",
  'codice-fiscale-check-digit': "the 11-digit codice fiscale's last digit does not match its check digit",
};

/**
 * Rule 5, Italian conventions (context country IT): codice destinatario, IPA code and codice fiscale in
 * uppercase (the SdI and the Agenzia delle Entrate define them in uppercase), then their form checked.
 */
export function normalizeForItaly(invoice: Invoice, log: NormalizationLog): void {
  for (const { identifier, path } of partyIdentifierSlots(invoice)) {
    const valuePath = [...path, 'id'];
    for (const [scheme, rule] of Object.entries(ITALIAN_SCHEMES)) {
      if (!hasScheme(identifier, scheme)) continue;
      editField(log, { holder: identifier, key: 'id', path: valuePath, rewrite: toAsciiUpperCase, reason: `wrote the ${rule.label} in uppercase` });
      if (!rule.shape.test(identifier.id)) log.problem(valuePath, identifier.id, rule.check, `a ${rule.label} has ${rule.expected}`);
    }
    if (!hasScheme(identifier, CODICE_FISCALE_SCHEME)) continue;
    editField(log, { holder: identifier, key: 'id', path: valuePath, rewrite: toAsciiUpperCase, reason: 'wrote the codice fiscale in uppercase' });
    const fault = findCodiceFiscaleFault(identifier.id);
    if (fault) log.problem(valuePath, identifier.id, fault, CODICE_FISCALE_MESSAGES[fault]);
  }
}
