import { DocumentReadError } from './read-error.js';

/**
 * Turns document bytes into text: a byte-order mark wins, then the XML declaration's `encoding`,
 * then UTF-8. Invalid byte sequences are an error, not replacement characters.
 */
export function decodeXmlBytes(bytes: Uint8Array): string {
  let label = 'utf-8';
  let start = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  else if (bytes[0] === 0xff && bytes[1] === 0xfe) label = 'utf-16le';
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) label = 'utf-16be';
  else label = declaredEncoding(bytes) ?? 'utf-8';
  let decoder: InstanceType<typeof TextDecoder>;
  try {
    decoder = new TextDecoder(label, { fatal: true });
  } catch (cause) {
    throw new DocumentReadError({ code: 'encoding-unsupported', message: `The document declares the encoding "${label}", which is not supported`, cause });
  }
  try {
    const text = decoder.decode(start === 0 ? bytes : bytes.subarray(start));
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch (cause) {
    throw new DocumentReadError({ code: 'encoding-invalid', message: `The document is not valid ${label} text`, cause });
  }
}

/** The `encoding` of an XML declaration at the very start of the bytes, if any. */
function declaredEncoding(bytes: Uint8Array): string | undefined {
  if (bytes[0] !== 0x3c || bytes[1] !== 0x3f) return undefined; // "<?"
  const end = Math.min(bytes.length, 200);
  let head = '';
  for (let i = 0; i < end; i++) {
    const byte = bytes[i] ?? 0;
    head += String.fromCharCode(byte);
    if (byte === 0x3e) break; // ">"
  }
  return /encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head)?.[1]?.toLowerCase();
}
