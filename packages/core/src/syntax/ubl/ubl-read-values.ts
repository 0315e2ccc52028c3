import type { XmlElement } from '../../xml/xml-element.js';

export { compact, identifierOf, nestedText, nonEmpty } from '../read-values.js';

/** True for an xs:boolean element whose value is `true` or `1`. */
export function isTrue(element: XmlElement | undefined): boolean {
  const text = element?.text.trim();
  return text === 'true' || text === '1';
}
