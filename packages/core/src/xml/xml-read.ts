import { SaxesParser, type SaxesTagNS } from 'saxes';
import { decodeXmlBytes } from './decode.js';
import { canonicalName, type XmlElement } from './xml-element.js';
import { DEFAULT_XML_LIMITS, type XmlLimits } from './xml-limits.js';
import { DocumentReadError } from './read-error.js';

const XMLNS_URI = 'http://www.w3.org/2000/xmlns/';

type MutableElement = XmlElement & { children: XmlElement[] };

/**
 * Reads an XML document into an element tree, safely: DOCTYPE declarations are refused (so no entity
 * expansion and no external entity can be fetched), the size and the nesting depth are bounded, and every
 * well-formedness error names its line and column.
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

  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: MutableElement[] = [];
  let root: MutableElement | undefined;
  let startLine = 1;
  let startColumn = 1;

  const fail = (code: 'xml-malformed' | 'xml-doctype-forbidden' | 'xml-too-deep', message: string): never => {
    throw new DocumentReadError({ code, message, line: parser.line, column: parser.column + 1 });
  };

  parser.on('error', (error) => fail('xml-malformed', `The document is not well-formed XML: ${stripPosition(error.message)}`));
  parser.on('doctype', () =>
    fail('xml-doctype-forbidden', 'The document contains a DOCTYPE declaration; DTDs and entity declarations are refused for safety'),
  );
  parser.on('opentagstart', (tag) => {
    startLine = parser.line;
    // opentagstart fires after "<name" and one more character: step back to the "<" (1-based).
    startColumn = Math.max(1, parser.column - tag.name.length - 1);
  });
  parser.on('opentag', (tag: SaxesTagNS) => {
    if (stack.length >= maxDepth) fail('xml-too-deep', `Elements are nested more than ${maxDepth} levels deep`);
    const parent = stack[stack.length - 1];
    const element: MutableElement = {
      name: canonicalName(tag.uri, tag.local),
      ns: tag.uri,
      local: tag.local,
      attributes: readAttributes(tag),
      children: [],
      text: '',
      parent,
      line: startLine,
      column: startColumn,
    };
    if (parent) parent.children.push(element);
    else root = element;
    stack.push(element);
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  parser.on('text', (chunk) => {
    const current = stack[stack.length - 1];
    if (current) current.text += chunk;
  });
  parser.on('cdata', (chunk) => {
    const current = stack[stack.length - 1];
    if (current) current.text += chunk;
  });

  parser.write(text).close();
  if (!root) return fail('xml-malformed', 'The document has no root element');
  return root;
}

function readAttributes(tag: SaxesTagNS): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const key in tag.attributes) {
    const attribute = tag.attributes[key];
    if (!attribute || attribute.uri === XMLNS_URI || attribute.name === 'xmlns') continue;
    attributes[canonicalName(attribute.uri, attribute.local)] = attribute.value;
  }
  return attributes;
}

/** saxes prefixes its messages with "line:column:"; the error reports the position on its own. */
function stripPosition(message: string): string {
  return message.replace(/^[^:]*:\d+:\d+:\s*/, '');
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} bytes`;
}
