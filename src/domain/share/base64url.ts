/**
 * Base64url without padding (RFC 4648 §5), the alphabet that survives in a URL fragment, a chat
 * message and a QR code unescaped. Own code rather than `btoa`, which works on "binary strings", and
 * strict on the way back: a string that is not the canonical encoding of its bytes is refused, so a
 * changed last character cannot hide in the unused low bits.
 */

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
const VALUES = new Map<string, number>([...ALPHABET].map((char, value) => [char, value]));

/** Bytes as base64url text without padding. */
export function toBase64Url(bytes: Uint8Array): string {
  let text = "";
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] as number;
    const b = bytes[i + 1] ?? 0;
    const c = bytes[i + 2] ?? 0;
    const triple = (a << 16) | (b << 8) | c;
    const chars = i + 1 >= bytes.length ? 2 : i + 2 >= bytes.length ? 3 : 4;
    for (let k = 0; k < chars; k++) text += ALPHABET[(triple >> (18 - 6 * k)) & 63];
  }
  return text;
}

/** Whether every character of `text` belongs to the base64url alphabet. */
export function isBase64UrlText(text: string): boolean {
  for (const char of text) if (!VALUES.has(char)) return false;
  return true;
}

/**
 * The bytes that base64url `text` spells out, as far as it goes: a dangling last character (length
 * ≡ 1 mod 4, which no encoding produces) is ignored, so a cut-off link still yields its first bytes.
 * Null for characters outside the alphabet. Whether the text is canonical is checked separately with
 * {@link toBase64Url}.
 */
export function fromBase64Url(text: string): Uint8Array | null {
  const usable = text.length % 4 === 1 ? text.length - 1 : text.length;
  const bytes = new Uint8Array(Math.floor((usable * 6) / 8));
  let buffer = 0;
  let bits = 0;
  let at = 0;
  for (let i = 0; i < usable; i++) {
    const value = VALUES.get(text[i] as string);
    if (value === undefined) return null;
    buffer = ((buffer << 6) | value) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[at++] = (buffer >> bits) & 0xff;
    }
  }
  return bytes;
}
