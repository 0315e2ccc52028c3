import type { Invoice } from '../model/invoice.js';
import type { SyntaxId } from '../syntax/codec.js';

/** BT-24 of plain EN 16931. */
export const EN16931_SPECIFICATION = 'urn:cen.eu:en16931:2017';
/** BT-24 of Peppol BIS Billing 3.0. */
export const PEPPOL_BIS3_SPECIFICATION = 'urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0';
/** BT-24 of XRechnung 3.0. */
export const XRECHNUNG_3_SPECIFICATION = 'urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:xrechnung_3.0';
/** BT-23 of the Peppol billing process, also the one XRechnung 3.0 uses. */
export const PEPPOL_BILLING_PROCESS = 'urn:fdc:peppol.eu:2017:poacc:billing:01:1.0';

/** What a conversion target writes: a syntax, and the process control (BG-2) it stamps. */
export type XmlTarget = {
  syntax: SyntaxId;
  /** BT-24 the target requires. */
  specificationIdentifier: string;
  /** BT-23 the target requires, when it requires one; otherwise the invoice's own BT-23 is kept. */
  businessProcessType?: string;
};

/** Every target of `einvoice convert --to`. */
export const TARGETS = ['json', 'ubl', 'cii', 'peppol-bis-3', 'xrechnung-ubl', 'xrechnung-cii', 'factur-x-en16931'] as const;
/** A conversion target. */
export type Target = (typeof TARGETS)[number];

/** The XML targets and what each one stamps. */
export const XML_TARGETS: Readonly<Record<Exclude<Target, 'json'>, XmlTarget>> = {
  ubl: { syntax: 'ubl', specificationIdentifier: EN16931_SPECIFICATION },
  cii: { syntax: 'cii', specificationIdentifier: EN16931_SPECIFICATION },
  'peppol-bis-3': { syntax: 'ubl', specificationIdentifier: PEPPOL_BIS3_SPECIFICATION, businessProcessType: PEPPOL_BILLING_PROCESS },
  'xrechnung-ubl': { syntax: 'ubl', specificationIdentifier: XRECHNUNG_3_SPECIFICATION, businessProcessType: PEPPOL_BILLING_PROCESS },
  'xrechnung-cii': { syntax: 'cii', specificationIdentifier: XRECHNUNG_3_SPECIFICATION, businessProcessType: PEPPOL_BILLING_PROCESS },
  // Factur-X 1.0 / ZUGFeRD 2.x profile EN 16931 ("COMFORT") uses the plain EN 16931 identifier.
  'factur-x-en16931': { syntax: 'cii', specificationIdentifier: EN16931_SPECIFICATION },
};

/** True when `name` is a known target. */
export function isTarget(name: string): name is Target {
  return (TARGETS as readonly string[]).includes(name);
}

/** The invoice with the process control (BT-23, BT-24) a target requires; the input is not changed. */
export function stampTarget(invoice: Invoice, target: XmlTarget): Invoice {
  return {
    ...invoice,
    processControl: {
      ...invoice.processControl,
      ...(target.businessProcessType !== undefined ? { businessProcessType: target.businessProcessType } : {}),
      specificationIdentifier: target.specificationIdentifier,
    },
  };
}
