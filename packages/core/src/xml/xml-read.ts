import { parseXml, XmlError, XmlNode, XmlDocumentType, type XmlElement as ParsedElement, type XmlText as ParsedText } from '@rgrove/parse-xml';
import { decodeXmlBytes } from './decode.js';
import { documentScope, innerScope, rememberName, resolvedName, type NamespaceScope, type ResolvedName } from './namespace-scope.js';
import { canonicalName, NO_ATTRIBUTES, SourcePosition, type XmlElement } from './xml-element.js';
import { DEFAULT_XML_LIMITS, type XmlLimits } from './xml-limits.js';
import { DocumentReadError } from './read-error.js';

const XML_NS = 'http://www.w3.org/XML/1998/namespace';

/**
 * The parser's node types, told apart by their `type` rather than `instanceof`: the same answer (a CDATA
 * section is a text node with its own type), at a fraction of the cost on every node of the document.
 */
const ELEMENT = XmlNode.TYPE_ELEMENT;
const TEXT = XmlNode.TYPE_TEXT;
const CDATA = XmlNode.TYPE_CDATA;

const NO_CHILDREN: XmlElement[] = [];

/**
 * An element of the tree; line and column are worked out only when asked for. Fields are declared, not
 * defined, so that the constructor's plain assignments are all a new element costs (one per element read).
 */
class TreeElement implements XmlElement {
  declare readonly name: string;
  declare readonly ns: string;
  declare readonly local: string;
  declare readonly attributes: Readonly<Record<string, string>>;
  declare readonly parent: XmlElement | undefined;
  declare readonly offset: number;
  declare readonly source: SourcePosition;
  /** Shared empty list until the first child: most elements are leaves. */
  declare children: XmlElement[];
  declare text: string;
  constructor(
    name: string,
    ns: string,
    local: string,
    attributes: Readonly<Record<string, string>>,
    parent: XmlElement | undefined,
    offset: number,
    source: SourcePosition,
  ) {
    this.name = name;
    this.ns = ns;
    this.local = local;
    this.attributes = attributes;
    this.parent = parent;
    this.offset = offset;
    this.source = source;
    this.children = NO_CHILDREN;
    this.text = '';
  }
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
  return buildTree(parsedRoot, { text, source, maxDepth, scope: documentScope() });
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

/** What every step of building one document's tree needs. */
type TreeBuild = {
  /** The document text the parser read (its offsets index it). */
  readonly text: string;
  readonly source: SourcePosition;
  readonly maxDepth: number;
  /** The namespace scope inside the element `makeElement` made last (its children's outer scope). */
  scope: NamespaceScope;
};

/**
 * Builds the element tree, resolving namespaces on the way. Recursion is safe: the depth is checked before
 * each descent, so it never goes deeper than `maxDepth`.
 */
function buildTree(parsedRoot: ParsedElement, build: TreeBuild): XmlElement {
  const root = makeElement(parsedRoot, undefined, build);
  addChildren(parsedRoot, root, build.scope, build, 1);
  return root;
}

function addChildren(parsed: ParsedElement, element: TreeElement, scope: NamespaceScope, build: TreeBuild, depth: number): void {
  const children = parsed.children;
  let text = '';
  for (let i = 0; i < children.length; i++) {
    const node = children[i] as XmlNode;
    const type = node.type;
    if (type === ELEMENT) {
      const child = node as ParsedElement;
      if (depth >= build.maxDepth) {
        const { line, column } = build.source.positionAt(child.start);
        throw new DocumentReadError({ code: 'xml-too-deep', message: `Elements are nested more than ${build.maxDepth} levels deep`, line, column });
      }
      build.scope = scope;
      const made = makeElement(child, element, build);
      element.addChild(made);
      if (child.children.length > 0) addChildren(child, made, build.scope, build, depth + 1);
    } else if (type === TEXT || type === CDATA) {
      text += (node as ParsedText).text;
    }
  }
  element.text = text;
}

function isNamespaceDeclaration(name: string): boolean {
  return name.startsWith('xmlns') && (name.length === 5 || name.charCodeAt(5) === 0x3a /* : */);
}

/**
 * `<name>` or `<name/>`: the start tag closes right after the name, so the element has no attributes — read
 * from the text (the parser's offsets index it), which is cheaper than enumerating an empty attribute object.
 */
function endsRightAfterName(parsed: ParsedElement, text: string): boolean {
  const after = text.charCodeAt(parsed.start + 1 + parsed.name.length);
  return text.charCodeAt(parsed.start) === 0x3c /* < */ && (after === 0x3e /* > */ || after === 0x2f /* / */);
}

/**
 * Makes the element of `parsed` in the scope `build.scope`, and leaves there the scope inside it: the outer
 * one, unless the element declares namespaces (usually only the root does).
 */
function makeElement(parsed: ParsedElement, parent: TreeElement | undefined, build: TreeBuild): TreeElement {
  const rawAttributes = parsed.attributes;
  let declarations: [string, string][] | undefined;
  let others = false;
  if (!endsRightAfterName(parsed, build.text)) {
    for (const name in rawAttributes) {
      if (isNamespaceDeclaration(name)) (declarations ??= []).push([name === 'xmlns' ? '' : name.slice(6), rawAttributes[name] as string]);
      else others = true;
    }
  }
  const scope = declarations ? innerScope(build.scope, declarations) : build.scope;
  build.scope = scope;
  let attributes: Record<string, string> | undefined;
  if (others) {
    attributes = {};
    for (const name in rawAttributes) {
      if (isNamespaceDeclaration(name)) continue;
      const value = rawAttributes[name] as string;
      if (name.indexOf(':') < 0) attributes[name] = value;
      else {
        const { ns, local } = resolvePrefixed(name, scope, parsed.start, build.source);
        attributes[canonicalName(ns, local)] = value;
      }
    }
  }
  const qualified = parsed.name;
  let resolved = scope.names.get(qualified);
  if (resolved === undefined) {
    resolved = resolveElementName(qualified, scope, parsed.start, build.source);
    rememberName(scope, qualified, resolved);
  }
  return new TreeElement(resolved.name, resolved.ns, resolved.local, attributes ?? NO_ATTRIBUTES, parent, parsed.start, build.source);
}

function resolveElementName(qualified: string, scope: NamespaceScope, offset: number, source: SourcePosition): ResolvedName {
  if (qualified.indexOf(':') < 0) return resolvedName(scope.prefixes.get('') ?? '', qualified);
  const { ns, local } = resolvePrefixed(qualified, scope, offset, source);
  return resolvedName(ns, local);
}

/** Resolves `prefix:local`; an undeclared prefix is an error at the element's position. */
function resolvePrefixed(qualified: string, scope: NamespaceScope, offset: number, source: SourcePosition): { ns: string; local: string } {
  const colon = qualified.indexOf(':');
  const prefix = qualified.slice(0, colon);
  const ns = prefix === 'xml' ? XML_NS : scope.prefixes.get(prefix);
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
