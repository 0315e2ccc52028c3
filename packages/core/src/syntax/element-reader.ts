import { pathOf, type XmlElement } from '../xml/xml-element.js';
import type { Diagnostic } from './diagnostic.js';

/**
 * Reads the children of one element and remembers which ones it used. `finish()` reports every child it
 * did not use, so no data is dropped silently: elements outside the EN 16931 binding, and repeats of an
 * element of which the model keeps one value, become diagnostics.
 */
export class ElementReader {
  readonly element: XmlElement;
  private readonly used: boolean[];
  private readonly diagnostics: Diagnostic[];

  constructor(element: XmlElement, diagnostics: Diagnostic[]) {
    this.element = element;
    this.used = new Array<boolean>(element.children.length).fill(false);
    this.diagnostics = diagnostics;
  }

  /** The first child named `name`, marked as used. */
  one(name: string): XmlElement | undefined {
    const children = this.element.children;
    for (let i = 0; i < children.length; i++) {
      const child = children[i];
      if (child && child.name === name && !this.used[i]) {
        this.used[i] = true;
        return child;
      }
    }
    return undefined;
  }

  /** The text of the first child named `name`. */
  text(name: string): string | undefined {
    return this.one(name)?.text;
  }

  /** All children named `name` (optionally only those matching `accept`), marked as used. */
  all(name: string, accept?: (child: XmlElement) => boolean): XmlElement[] {
    const found: XmlElement[] = [];
    const children = this.element.children;
    for (let i = 0; i < children.length; i++) {
      const child = children[i];
      if (!child || child.name !== name || this.used[i]) continue;
      if (accept && !accept(child)) continue;
      this.used[i] = true;
      found.push(child);
    }
    return found;
  }

  /** The first unused child named `name` matching `accept`, marked as used. */
  find(name: string, accept: (child: XmlElement) => boolean): XmlElement | undefined {
    const children = this.element.children;
    for (let i = 0; i < children.length; i++) {
      const child = children[i];
      if (child && child.name === name && !this.used[i] && accept(child)) {
        this.used[i] = true;
        return child;
      }
    }
    return undefined;
  }

  /** A reader over the first child named `name`, or undefined. */
  child(name: string): ElementReader | undefined {
    const element = this.one(name);
    return element ? new ElementReader(element, this.diagnostics) : undefined;
  }

  /** A reader over `element`, sharing this reader's diagnostics. */
  over(element: XmlElement): ElementReader {
    return new ElementReader(element, this.diagnostics);
  }

  /** Marks structural children (no business term of their own, e.g. `cbc:UBLVersionID`) as used. */
  skip(...names: string[]): void {
    const children = this.element.children;
    for (let i = 0; i < children.length; i++) {
      const child = children[i];
      if (child && names.includes(child.name)) this.used[i] = true;
    }
  }

  /** Records a diagnostic about `element`. */
  report(element: XmlElement, code: Diagnostic['code'], message: string): void {
    this.diagnostics.push({ code, path: pathOf(element), message, line: element.line, column: element.column });
  }

  /** Reports every child not used: unknown elements, and repeats of single-valued ones. */
  finish(): void {
    const children = this.element.children;
    for (let i = 0; i < children.length; i++) {
      const child = children[i];
      if (!child || this.used[i]) continue;
      const repeated = children.some((other, j) => j < i && this.used[j] && other?.name === child.name);
      if (repeated) this.report(child, 'repeated-element', `${child.name} is repeated; the invoice model keeps only the first one, so this one was not read`);
      else this.report(child, 'unknown-element', `${child.name} is not part of the EN 16931 binding here and was not read`);
    }
  }
}
