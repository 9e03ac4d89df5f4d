// Byte/text conversions the readers need, with Node's native Buffer when there is one and plain code elsewhere (the web
// page's worker, where a Buffer polyfill would make reading several times slower).

/** Node's own Buffer, or null in a browser (a polyfilled global Buffer is not Node's, so process.versions decides). */
const NODE: typeof Buffer | null =
  typeof process !== 'undefined' && !!process.versions?.node && typeof Buffer === 'function' ? Buffer : null;

/** The bytes [from, to) as Latin-1 text, one character per byte. */
export function latin1Text(b: Uint8Array, from = 0, to = b.length): string {
  if (NODE) return NODE.from(b.buffer, b.byteOffset, b.length).toString('latin1', from, to);
  let s = '';
  const CHUNK = 8192;
  for (let i = from; i < to; i += CHUNK) s += String.fromCharCode.apply(null, b.subarray(i, Math.min(to, i + CHUNK)) as unknown as number[]);
  return s;
}

/** Latin-1 text (one character per byte) back to its bytes. */
export function latin1Bytes(s: string): Uint8Array {
  if (NODE) return NODE.from(s, 'latin1');
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

const utf8 = typeof TextDecoder !== 'undefined' ? new TextDecoder('utf-8') : null;

/** Text read one byte per character (Latin-1), decoded as the UTF-8 it holds. */
export function utf8FromLatin1(s: string): string {
  if (NODE) return NODE.from(s, 'latin1').toString('utf8');
  return utf8!.decode(latin1Bytes(s));
}

/** Where the ASCII text `needle` first occurs in the bytes, or -1. */
export function indexOfAscii(b: Uint8Array, needle: string): number {
  if (NODE) return NODE.from(b.buffer, b.byteOffset, b.length).indexOf(needle, 0, 'latin1');
  const n = needle.length;
  const first = needle.charCodeAt(0);
  outer: for (let i = 0; i + n <= b.length; i++) {
    if (b[i] !== first) continue;
    for (let k = 1; k < n; k++) if (b[i + k] !== needle.charCodeAt(k)) continue outer;
    return i;
  }
  return -1;
}

/** The bytes as Node's Buffer where there is one (what SheetJS keeps in Node), else as they are. */
export function asNodeBuffer(b: Uint8Array): Uint8Array {
  return NODE ? NODE.from(b.buffer, b.byteOffset, b.length) : b;
}

/** Whether this runs in Node (SheetJS then reads a Buffer as 'buffer'). */
export const IN_NODE = NODE !== null;
