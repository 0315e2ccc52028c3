import { parseXml, XmlElement as ParsedElement, XmlError, XmlText as ParsedText, XmlCdata as ParsedCdata, XmlDocumentType } from '@rgrove/parse-xml';
import { decodeXmlBytes } from './decode.js';
import { canonicalName, SourcePosition, type XmlElement } from './xml-element.js';
import { DEFAULT_XML_LIMITS, type XmlLimits } from './xml-limits.js';
import { DocumentReadError } from './read-error.js';

const XML_NS = 'http://www.w3.org/XML/1998/namespace';

/** Prefix → namespace URI in scope; the prototype chain holds the enclosing scopes. */
type Scope = Record<string, string>;

const NO_CHILDREN: XmlElement[] = [];

/** An element of the tree; line and column are worked out only when asked for. */
class TreeElement implements XmlElement {
  /** Shared empty list until the first child: most elements are leaves. */
  children: XmlElement[] = NO_CHILDREN;
  text = '';
  constructor(
    readonly name: string,
    readonly ns: string,
    readonly local: string,
    readonly attributes: Readonly<Record<string, string>>,
    readonly parent: XmlElement | undefined,
    readonly offset: number,
    readonly source: SourcePosition,
  ) {}
  addChild(child: XmlElement): void {
    if (this.children === NO_CHILDREN) this.children = [child];
    else this.children.push(child);
  }
  get line(): number {
    return this.source.positionAt(this.offset).line;
  }
  get column(): number {
    return this.source.positionAt(this.offset).column;
  }
}

/**
 * Reads an XML document into an element tree, safely: a DOCTYPE declaration is refused (so no entity is
 * expanded and no external entity is fetched), the size and the nesting depth are bounded, undeclared
 * namespace prefixes are errors, and every error names its line and column.
 *
 * Parsing itself is @rgrove/parse-xml (a strict, spec-following parser that never expands DTD entities);
 * this module resolves namespaces, enforces the limits and builds the codecs' element tree.
 */
export function readXml(input: string | Uint8Array, limits: Partial<XmlLimits> = {}): XmlElement {
  const { maxBytes, maxDepth } = { ...DEFAULT_XML_LIMITS, ...limits };
  const size = typeof input === 'string' ? input.length : input.byteLength;
  if (size > maxBytes) {
    throw new DocumentReadError({
      code: 'input-too-large',
      message: `The document is ${formatBytes(size)}, larger than the limit of ${formatBytes(maxBytes)}`,
    });
  }
  const text = typeof input === 'string' ? (input.charCodeAt(0) === 0xfeff ? input.slice(1) : input) : decodeXmlBytes(input);
  const source = new SourcePosition(text);
  const document = parseSafely(text, source, maxDepth);
  const parsedRoot = document.root;
  if (!parsedRoot) throw new DocumentReadError({ code: 'xml-malformed', message: 'The document has no root element', line: 1, column: 1 });
  return buildTree(parsedRoot, source, maxDepth);
}

function parseSafely(text: string, source: SourcePosition, maxDepth: number): ReturnType<typeof parseXml> {
  let document: ReturnType<typeof parseXml>;
  try {
    document = parseXml(text, { includeOffsets: true, preserveDocumentType: true });
  } catch (error) {
    refuseDoctype(text, source);
    if (error instanceof XmlError) {
      const reason = error.message.replace(/ \(line \d+, column \d+\)[\s\S]*$/, '');
      throw new DocumentReadError({ code: 'xml-malformed', message: `The document is not well-formed XML: ${reason}`, line: error.line, column: error.column, cause: error });
    }
    if (error instanceof RangeError) {
      // The parser descends recursively; it overflows the stack only far beyond any sane depth limit.
      throw new DocumentReadError({ code: 'xml-too-deep', message: `Elements are nested more than ${maxDepth} levels deep`, cause: error });
    }
    throw error;
  }
  for (const node of document.children) if (node instanceof XmlDocumentType) refuseDoctype(text, source, node.start);
  return document;
}

/** A DOCTYPE is refused whether or not the parser got past it: it is the door to entity attacks. */
function refuseDoctype(text: string, source: SourcePosition, at = prologDoctypeOffset(text)): void {
  if (at < 0) return;
  const { line, column } = source.positionAt(at);
  throw new DocumentReadError({
    code: 'xml-doctype-forbidden',
    message: 'The document contains a DOCTYPE declaration; DTDs and entity declarations are refused for safety',
    line,
    column,
  });
}

/** Offset of `<!DOCTYPE` before the root element, or -1. */
function prologDoctypeOffset(text: string): number {
  const at = text.indexOf('<!DOCTYPE');
  if (at < 0) return -1;
  const firstElement = /<[A-Za-z_:\u00C0-\uFFFF]/.exec(text)?.index ?? text.length;
  return at < firstElement ? at : -1;
}

/**
 * Builds the element tree, resolving namespaces on the way. Recursion is safe: the depth is checked before
 * each descent, so it never goes deeper than `maxDepth`.
 */
function buildTree(parsedRoot: ParsedElement, source: SourcePosition, maxDepth: number): XmlElement {
  const root = makeElement(parsedRoot, undefined, Object.create(null) as Scope, source);
  addChildren(parsedRoot, root.element, root.scope, source, 1, maxDepth);
  return root.element;
}

function addChildren(parsed: ParsedElement, element: TreeElement, scope: Scope, source: SourcePosition, depth: number, maxDepth: number): void {
  const children = parsed.children;
  for (let i = 0; i < children.length; i++) {
    const child = children[i];
    if (child instanceof ParsedElement) {
      if (depth >= maxDepth) {
        const { line, column } = source.positionAt(child.start);
        throw new DocumentReadError({ code: 'xml-too-deep', message: `Elements are nested more than ${maxDepth} levels deep`, line, column });
      }
      const made = makeElement(child, element, scope, source);
      element.addChild(made.element);
      if (child.children.length > 0) addChildren(child, made.element, made.scope, source, depth + 1, maxDepth);
    } else if (child instanceof ParsedText || child instanceof ParsedCdata) {
      element.text += child.text;
    }
  }
}

const NO_ATTRIBUTES: Readonly<Record<string, string>> = Object.freeze({});

function makeElement(parsed: ParsedElement, parent: TreeElement | undefined, outer: Scope, source: SourcePosition): { element: TreeElement; scope: Scope } {
  const rawAttributes = parsed.attributes;
  let scope = outer;
  let attributes: Record<string, string> | undefined;
  for (const name in rawAttributes) {
    const value = rawAttributes[name] as string;
    if (name === 'xmlns' || name.startsWith('xmlns:')) {
      if (scope === outer) scope = Object.create(outer) as Scope;
      scope[name === 'xmlns' ? '' : name.slice(6)] = value;
    }
  }
  for (const name in rawAttributes) {
    if (name === 'xmlns' || name.startsWith('xmlns:')) continue;
    const value = rawAttributes[name] as string;
    attributes ??= {};
    if (name.indexOf(':') < 0) attributes[name] = value;
    else {
      const resolved = resolveName(name, scope, false, parsed.start, source);
      attributes[canonicalName(resolved.ns, resolved.local)] = value;
    }
  }
  const resolved = resolveElementName(parsed.name, scope, parsed.start, source);
  const element = new TreeElement(resolved.name, resolved.ns, resolved.local, attributes ?? NO_ATTRIBUTES, parent, parsed.start, source);
  return { element, scope };
}

type ResolvedName = { name: string; ns: string; local: string };

/** Resolved element names per namespace scope: a document repeats a few dozen names thousands of times. */
const resolvedNames = new WeakMap<Scope, Map<string, ResolvedName>>();

function resolveElementName(qualified: string, scope: Scope, offset: number, source: SourcePosition): ResolvedName {
  let names = resolvedNames.get(scope);
  if (!names) {
    names = new Map();
    resolvedNames.set(scope, names);
  }
  let resolved = names.get(qualified);
  if (!resolved) {
    const { ns, local } = resolveName(qualified, scope, true, offset, source);
    resolved = { name: canonicalName(ns, local), ns, local };
    names.set(qualified, resolved);
  }
  return resolved;
}

function resolveName(qualified: string, scope: Scope, isElement: boolean, offset: number, source: SourcePosition): { ns: string; local: string } {
  const colon = qualified.indexOf(':');
  if (colon < 0) return { ns: isElement ? (scope[''] ?? '') : '', local: qualified };
  const prefix = qualified.slice(0, colon);
  const ns = prefix === 'xml' ? XML_NS : scope[prefix];
  if (ns === undefined) {
    const { line, column } = source.positionAt(offset);
    throw new DocumentReadError({ code: 'xml-malformed', message: `The namespace prefix "${prefix}" of <${qualified}> is not declared`, line, column });
  }
  return { ns, local: qualified.slice(colon + 1) };
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} bytes`;
}
