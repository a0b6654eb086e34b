/**
 * Length of a string in UTF-8 bytes, counted without allocating an encoded copy. A lone
 * surrogate counts as the 3 bytes of the U+FFFD that an encoder writes in its place.
 *
 * @example
 * utf8Length('km 2.35'); // 7
 * utf8Length('粵'); // 3
 */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4; // a surrogate pair is one 4-byte code point
      i++;
    } else bytes += 3;
  }
  return bytes;
}
