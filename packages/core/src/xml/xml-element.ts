/**
 * The element tree the codecs read: elements only, with their direct text, attributes and source position.
 * Names are canonical — a known namespace gets its usual prefix whatever prefix the document used
 * (`cbc:ID`, `ram:TypeCode`), so the codecs and rules match names with plain string comparison.
 */
export type XmlElement = {
  /** Canonical qualified name: `cbc:ID`, `Invoice`, or `{uri}local` for an unknown namespace. */
  readonly name: string;
  /** Namespace URI ('' when none). */
  readonly ns: string;
  /** Local name. */
  readonly local: string;
  /** Attributes by canonical name (unprefixed attributes by local name), namespace declarations excluded. */
  readonly attributes: Readonly<Record<string, string>>;
  /** Child elements in document order. */
  readonly children: XmlElement[];
  /** Concatenated character data directly inside this element (text and CDATA, entity references resolved). */
  text: string;
  /** The parent element; undefined for the root. */
  readonly parent: XmlElement | undefined;
  /** Offset of the start tag in the document text. */
  readonly offset: number;
  /** The document text, for positions. */
  readonly source: SourcePosition;
  /** 1-based line of the start tag (computed on demand). */
  readonly line: number;
  /** 1-based column of the start tag (computed on demand). */
  readonly column: number;
};

/**
 * The attributes of every element `readXml` makes without attributes: one shared empty object, so that
 * `element.attributes === NO_ATTRIBUTES` tells cheaply that there is nothing to look at.
 */
export const NO_ATTRIBUTES: Readonly<Record<string, string>> = Object.freeze({});

/**
 * Turns offsets in a document into lines and columns. The line index is built on first use: most
 * documents are read without ever needing a position.
 */
export class SourcePosition {
  private readonly text: string;
  private lineStarts: number[] | undefined;

  constructor(text: string) {
    this.text = text;
  }

  /** 1-based line and column of `offset`. */
  positionAt(offset: number): { line: number; column: number } {
    const starts = (this.lineStarts ??= indexLines(this.text));
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((starts[mid] as number) <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - (starts[low] as number) + 1 };
  }
}

function indexLines(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** Namespace URIs this product knows, with the prefix they are always named by. */
export const KNOWN_NAMESPACES: Readonly<Record<string, string>> = {
  'urn:oasis:names:specification:ubl:schema:xsd:Invoice-2': '',
  'urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2': '',
  'urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2': 'cac',
  'urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2': 'cbc',
  'urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2': 'ext',
  'urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100': 'rsm',
  'urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100': 'ram',
  'urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100': 'udt',
  'urn:un:unece:uncefact:data:standard:QualifiedDataType:100': 'qdt',
  'http://www.w3.org/2001/XMLSchema-instance': 'xsi',
  'http://www.w3.org/XML/1998/namespace': 'xml',
};

const canonicalNames = new Map<string, Map<string, string>>();

/** The canonical name of an element or attribute in namespace `ns` with local name `local` (memoised: names repeat). */
export function canonicalName(ns: string, local: string): string {
  let names = canonicalNames.get(ns);
  if (!names) {
    // Bound the memo: documents with many unknown namespaces must not grow it without limit.
    if (canonicalNames.size >= 1_000) return internalized(computeCanonicalName(ns, local));
    names = new Map();
    // Keys are copies: the names come as slices of a document's text, which the memo must not keep alive.
    canonicalNames.set(internalized(ns), names);
  }
  let name = names.get(local);
  if (name === undefined) {
    name = internalized(computeCanonicalName(ns, local));
    // Bound the memo: documents with many unknown names must not grow it without limit.
    if (names.size < 10_000) names.set(internalized(local), name);
  }
  return name;
}

/**
 * The same text as V8's internalized string (property keys are internalized): every element name is then one
 * string object per name, and the rules' many `name === 'cbc:ID'` comparisons with (internalized) literals are
 * decided by identity instead of by comparing characters.
 */
export function internalized(text: string): string {
  const holder: Record<string, true> = { [text]: true };
  for (const key in holder) return key;
  return text;
}

function computeCanonicalName(ns: string, local: string): string {
  if (ns === '') return local;
  const prefix = KNOWN_NAMESPACES[ns];
  if (prefix === undefined) return `{${ns}}${local}`;
  return prefix === '' ? local : `${prefix}:${local}`;
}

/** The XPath-like location of an element, e.g. `/Invoice/cac:InvoiceLine[2]/cbc:ID`. */
export function pathOf(element: XmlElement): string {
  const steps: string[] = [];
  for (let node: XmlElement | undefined = element; node; node = node.parent) {
    const parent: XmlElement | undefined = node.parent;
    if (!parent) {
      steps.push(node.name);
      break;
    }
    let position = 0;
    let count = 0;
    for (const sibling of parent.children as XmlElement[]) {
      if (sibling.name !== node.name) continue;
      count++;
      if (sibling === node) position = count;
    }
    steps.push(count > 1 ? `${node.name}[${position}]` : node.name);
  }
  return `/${steps.reverse().join('/')}`;
}
