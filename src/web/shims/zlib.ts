// node:zlib for the web page's bundle: the raw DEFLATE calls the preflight and the copy writer make, done by fflate.
import { Inflate, deflateSync } from 'fflate';

/** Node's code for an inflate that would pass maxOutputLength; the preflight tells a zip bomb by it. */
class BufferTooLarge extends RangeError {
  readonly code = 'ERR_BUFFER_TOO_LARGE';
}

/** Raw inflate; with maxOutputLength it stops as soon as the output would pass it, as node's does. */
export function inflateRawSync(data: Uint8Array, options: { maxOutputLength?: number } = {}): Uint8Array {
  const max = options.maxOutputLength ?? Infinity;
  const chunks: Uint8Array[] = [];
  let total = 0;
  const inflater = new Inflate((chunk) => {
    total += chunk.length;
    if (total > max) throw new BufferTooLarge(`Cannot create a Buffer larger than ${max} bytes`);
    chunks.push(chunk);
  });
  // Fed in slices so a bomb is stopped after a slice's worth of output, not after all of it.
  const SLICE = 64 * 1024;
  for (let at = 0; at < data.length; at += SLICE) inflater.push(data.subarray(at, Math.min(data.length, at + SLICE)), at + SLICE >= data.length);
  if (data.length === 0) inflater.push(new Uint8Array(0), true);
  const out = new Uint8Array(total);
  let off = 0;
  for (const c of chunks) {
    out.set(c, off);
    off += c.length;
  }
  return out;
}

export function deflateRawSync(data: Uint8Array, options: { level?: number } = {}): Uint8Array {
  const level = Math.max(0, Math.min(9, options.level ?? 6)) as 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;
  return deflateSync(data, { level });
}

let table: Uint32Array | null = null;

/** CRC-32 (the zip one), as node's zlib.crc32. */
export function crc32(data: Uint8Array, value = 0): number {
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let crc = ~value >>> 0;
  for (let i = 0; i < data.length; i++) crc = table[(crc ^ data[i]!) & 0xff]! ^ (crc >>> 8);
  return ~crc >>> 0;
}
