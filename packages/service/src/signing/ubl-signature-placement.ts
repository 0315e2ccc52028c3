import type { XmlElement } from '@einvoice-hub/core';
import { AppError } from '../errors/app-error.js';

/**
 * Where an enveloped signature goes in a UBL 2.1 document. The UBL 2.1 schemas leave no place for
 * ds:Signature among the business elements; the one open slot is an extension: each
 * ext:ExtensionContent holds exactly one element of another namespace (xsd:any, lax). The UBL Digital
 * Signature Profiles (part of UBL 2.1) fill it with sig:UBLDocumentSignatures/sac:SignatureInformation/
 * ds:Signature, which the UBL 2.1 XSD declares and therefore validates; this module builds that slot.
 */

/** XML Signature's namespace. */
export const DS_NS = 'http://www.w3.org/2000/09/xmldsig#';
const EXT_NS = 'urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2';
const SIG_NS = 'urn:oasis:names:specification:ubl:schema:xsd:CommonSignatureComponents-2';
const SAC_NS = 'urn:oasis:names:specification:ubl:schema:xsd:SignatureAggregateComponents-2';
const CBC_NS = 'urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2';

/** The root namespaces of the UBL documents that can carry a signature, with their names for messages. */
export const UBL_ROOTS: Readonly<Record<string, string>> = {
  'urn:oasis:names:specification:ubl:schema:xsd:Invoice-2': 'Invoice',
  'urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2': 'CreditNote',
};

// The extension's identifier for a plain (non-XAdES) enveloped signature, from the UBL signature profiles.
const ENVELOPED_EXTENSION_URI = 'urn:oasis:names:specification:ubl:dsig:enveloped';
// The identifier the profiles give the first signature of a document.
const SIGNATURE_ID = 'urn:oasis:names:specification:ubl:signature:1';

const step = (ns: string, local: string) => `*[local-name()='${local}' and namespace-uri()='${ns}']`;

/**
 * XPath (namespace-agnostic: xml-crypto resolves no prefixes here) of the sac:SignatureInformation that
 * `insertSignatureSlot` adds: it is always the first extension of the first ext:UBLExtensions.
 */
export const SIGNATURE_SLOT_XPATH = [
  '',
  '*',
  `${step(EXT_NS, 'UBLExtensions')}[1]`,
  `${step(EXT_NS, 'UBLExtension')}[1]`,
  step(EXT_NS, 'ExtensionContent'),
  step(SIG_NS, 'UBLDocumentSignatures'),
  step(SAC_NS, 'SignatureInformation'),
].join('/');

/**
 * Inserts an empty signature extension: a new first ext:UBLExtension of the document's ext:UBLExtensions,
 * which is created as the root's first child when absent (UBL 2.1 puts it before every other element).
 * Works on the text so the rest of the document keeps its bytes; `root` is the same text read by the
 * core's reader, whose offsets locate the start tags.
 */
export function insertSignatureSlot(text: string, root: XmlElement): string {
  const extensions = root.children.find((child) => isElement(child, EXT_NS, 'UBLExtensions'));
  // Every inserted element declares the prefixes it uses: whatever the document binds them to stays untouched.
  const extNs = `xmlns:ext="${EXT_NS}"`;
  const extension = (declareExt: boolean) =>
    `<ext:UBLExtension${declareExt ? ` ${extNs}` : ''}><ext:ExtensionURI>${ENVELOPED_EXTENSION_URI}</ext:ExtensionURI><ext:ExtensionContent>` +
    `<sig:UBLDocumentSignatures xmlns:sig="${SIG_NS}" xmlns:sac="${SAC_NS}" xmlns:cbc="${CBC_NS}">` +
    `<sac:SignatureInformation><cbc:ID>${SIGNATURE_ID}</cbc:ID></sac:SignatureInformation>` +
    '</sig:UBLDocumentSignatures></ext:ExtensionContent></ext:UBLExtension>';
  const [container, inserted] = extensions ? [extensions, extension(true)] : [root, `<ext:UBLExtensions ${extNs}>${extension(false)}</ext:UBLExtensions>`];
  const at = endOfStartTag(text, container.offset);
  return `${text.slice(0, at)}${inserted}${text.slice(at)}`;
}

/**
 * Why the document's signatures are not one signature in the slot this module builds, or undefined when
 * they are. A verifier that checked a signature elsewhere (or one of several) could be shown a signed
 * fragment wrapped in content nobody signed.
 */
export function misplacedSignature(root: XmlElement): string | undefined {
  const signatures = findAll(root, (e) => isElement(e, DS_NS, 'Signature'));
  if (signatures.length !== 1) return signatures.length === 0 ? 'The document has no ds:Signature' : `The document has ${signatures.length} ds:Signature elements; one is expected`;
  const path: [string, string][] = [
    [SAC_NS, 'SignatureInformation'],
    [SIG_NS, 'UBLDocumentSignatures'],
    [EXT_NS, 'ExtensionContent'],
    [EXT_NS, 'UBLExtension'],
    [EXT_NS, 'UBLExtensions'],
  ];
  let element = signatures[0]?.parent;
  for (const [ns, local] of path) {
    if (!element || !isElement(element, ns, local)) return 'The ds:Signature is not at ext:UBLExtensions/ext:UBLExtension/ext:ExtensionContent/sig:UBLDocumentSignatures/sac:SignatureInformation';
    element = element.parent;
  }
  return element === root ? undefined : 'The signature\'s ext:UBLExtensions is not a child of the document element';
}

/** Elements of the tree, in document order, that satisfy `match`. */
export function findAll(root: XmlElement, match: (element: XmlElement) => boolean): XmlElement[] {
  const found: XmlElement[] = [];
  const pending: XmlElement[] = [root];
  for (let element = pending.pop(); element; element = pending.pop()) {
    if (match(element)) found.push(element);
    for (let i = element.children.length - 1; i >= 0; i -= 1) pending.push(element.children[i] as XmlElement);
  }
  return found;
}

function isElement(element: XmlElement, ns: string, local: string): boolean {
  return element.ns === ns && element.local === local;
}

/**
 * The offset just after the start tag that begins at `offset`. The document was read by a strict parser
 * first, so the tag is well-formed: a name, then attributes whose quoted values may hold any character
 * but their quote (including `>`), then `>`. An empty-element tag (`/>`) has no content to insert into.
 */
function endOfStartTag(text: string, offset: number): number {
  if (text[offset] !== '<') throw new AppError('internal', `No start tag at offset ${offset} of the document`);
  let quote: string | undefined;
  for (let i = offset + 1; i < text.length; i += 1) {
    const char = text[i];
    if (quote !== undefined) {
      if (char === quote) quote = undefined;
    } else if (char === '"' || char === "'") {
      quote = char;
    } else if (char === '>') {
      if (text[i - 1] === '/') throw new AppError('bad-request', 'The document element is empty (<…/>): there is nothing to sign');
      return i + 1;
    }
  }
  throw new AppError('internal', `The start tag at offset ${offset} of the document does not end`);
}
