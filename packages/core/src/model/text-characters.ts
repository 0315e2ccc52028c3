/**
 * Characters that XML 1.0 cannot carry, not even escaped: the C0 controls other than tab, line feed and
 * carriage return, U+FFFE, U+FFFF, and unpaired surrogates. Invoice text must be writable to UBL and CII,
 * so a JSON invoice (or a document's context) containing one is refused, naming where.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNWRITABLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Where an unwritable character is: the path of the string (or key) and which character. */
export type UnwritableText = { path: (string | number)[]; codePoint: string };

/** The first `limit` strings and keys in a JSON value that contain a character XML cannot carry. */
export function findUnwritableText(value: unknown, limit = 20): UnwritableText[] {
  const found: UnwritableText[] = [];
  // One path, extended and shortened while walking; copied only for a finding.
  const path: (string | number)[] = [];
  const check = (text: string): void => {
    const match = UNWRITABLE.exec(text);
    if (match && found.length < limit) found.push({ path: [...path], codePoint: `U+${match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}` });
  };
  const visit = (node: unknown): void => {
    if (found.length >= limit) return;
    if (typeof node === 'string') {
      check(node);
    } else if (Array.isArray(node)) {
      for (let index = 0; index < node.length; index++) {
        path.push(index);
        visit(node[index]);
        path.pop();
      }
    } else if (typeof node === 'object' && node !== null) {
      for (const key of Object.keys(node)) {
        path.push(key);
        check(key);
        visit((node as Record<string, unknown>)[key]);
        path.pop();
      }
    }
  };
  visit(value);
  return found;
}

/** The message for an unwritable character, in the words of a problem report. */
export function unwritableTextMessage(codePoint: string): string {
  const name = codePoint === 'U+0000' ? ' (NUL)' : '';
  return `contains ${codePoint}${name}, a character XML cannot carry (not even escaped); remove it`;
}
