/**
 * A node to write: an element with attributes and either text or children. Builders return `undefined` for
 * an element with nothing to say, and `writeXml` skips undefined children, so optional aggregates vanish.
 */
export type XmlNode = {
  name: string;
  attributes?: Readonly<Record<string, string | undefined>>;
  text?: string;
  children?: ReadonlyArray<XmlNode | undefined>;
};

/** A leaf element with text, or `undefined` when there is no value. */
export function leaf(name: string, text: string | undefined, attributes?: Record<string, string | undefined>): XmlNode | undefined {
  if (text === undefined) return undefined;
  return attributes ? { name, text, attributes } : { name, text };
}

/** An aggregate element, or `undefined` when none of its children has anything to say. */
export function group(name: string, children: ReadonlyArray<XmlNode | undefined>, attributes?: Record<string, string | undefined>): XmlNode | undefined {
  if (!children.some((child) => child !== undefined)) return undefined;
  return attributes ? { name, children, attributes } : { name, children };
}

/** Writes a node tree as an indented UTF-8 XML document with an XML declaration. */
export function writeXml(root: XmlNode): string {
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>\n'];
  writeNode(root, 0, out);
  return out.join('');
}

function writeNode(node: XmlNode, depth: number, out: string[]): void {
  const indent = '  '.repeat(depth);
  out.push(indent, '<', node.name);
  if (node.attributes) {
    for (const key in node.attributes) {
      const value = node.attributes[key];
      if (value !== undefined) out.push(' ', key, '="', escapeAttribute(value), '"');
    }
  }
  const children = node.children?.filter((child): child is XmlNode => child !== undefined);
  if (children && children.length > 0) {
    out.push('>\n');
    for (const child of children) writeNode(child, depth + 1, out);
    out.push(indent, '</', node.name, '>\n');
  } else if (node.text !== undefined && node.text !== '') {
    out.push('>', escapeText(node.text), '</', node.name, '>\n');
  } else {
    out.push('/>\n');
  }
}

/** Escapes character data; `>` too, so "]]>" can never appear. CR is kept as a reference so it survives parsing. */
export function escapeText(text: string): string {
  return text.replace(/[&<>\r]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&#13;'));
}

/** Escapes an attribute value, including whitespace that attribute normalisation would otherwise change. */
export function escapeAttribute(text: string): string {
  return text.replace(/[&<>"\t\n\r]/g, (c) => {
    switch (c) {
      case '&': return '&amp;';
      case '<': return '&lt;';
      case '>': return '&gt;';
      case '"': return '&quot;';
      case '\t': return '&#9;';
      case '\n': return '&#10;';
      default: return '&#13;';
    }
  });
}
