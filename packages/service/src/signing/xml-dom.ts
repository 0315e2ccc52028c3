import { createRequire } from 'node:module';

/**
 * The DOM xml-crypto works on (@xmldom/xmldom, its own dependency), for the one thing this service needs
 * from it: a document to find a signature node in. The package is loaded untyped on purpose: its type
 * declarations pull TypeScript's browser library (`/// <reference lib="dom" />`) into the whole service,
 * where `window` or `document` would then type-check in server code.
 */

/** A parsed xmldom document: opaque here, handed to xml-crypto as its DOM `Node`. */
export type DomDocument = { readonly domDocument: unique symbol };

type DomParser = { parseFromString(source: string, mimeType: string): unknown };
type XmldomModule = { DOMParser: new (options: { errorHandler: Record<'warning' | 'error' | 'fatalError', (message: string) => void> }) => DomParser };

const xmldom = createRequire(import.meta.url)('@xmldom/xmldom') as XmldomModule;

/**
 * Parses text that the core's strict reader has already accepted (well-formed, no DOCTYPE). xmldom is
 * lenient and would repair broken markup; here any error it still reports is fatal.
 */
export function parseDom(xml: string): DomDocument {
  const fail = (message: string) => {
    throw new Error(`The XML cannot be parsed for its signature: ${message}`);
  };
  const parser = new xmldom.DOMParser({ errorHandler: { warning: () => undefined, error: fail, fatalError: fail } });
  return parser.parseFromString(xml, 'text/xml') as DomDocument;
}
