/** True when the input's first non-blank character is `{`: the EN 16931 JSON form rather than XML. */
export function looksLikeJson(input: string | Uint8Array): boolean {
  const length = Math.min(typeof input === 'string' ? input.length : input.byteLength, 1024);
  for (let i = 0; i < length; i++) {
    const code = typeof input === 'string' ? input.charCodeAt(i) : (input[i] ?? 0);
    if (code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d || code === 0xfeff || code === 0xef || code === 0xbb || code === 0xbf) continue;
    return code === 0x7b; // "{"
  }
  return false;
}
