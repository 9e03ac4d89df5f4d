// The package's zip, read entry by entry (only the parts we patch are inflated) and written with fflate's Zip, unchanged entries copied still compressed.
import * as zlib from 'node:zlib';
import { Zip } from 'fflate';
import type { ZipInputFile } from 'fflate';

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  crc: number;
  /** Uncompressed size. */
  size: number;
  /** The entry's data as stored in the archive. */
  stored: Uint8Array;
}

/**
 * The archive's entries from its central directory, or null when it uses anything this reader does not follow
 * (Zip64, encryption, another compression method): the caller then falls back to inflating every part.
 */
export function readEntries(buf: Uint8Array): ZipEntry[] | null {
  const b = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 65535); i--) {
    if (b.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = b.readUInt16LE(eocd + 10);
  let p = b.readUInt32LE(eocd + 16);
  if (count === 0xffff || p === 0xffffffff) return null;
  const out: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (p + 46 > b.length || b.readUInt32LE(p) !== 0x02014b50) return null;
    const flags = b.readUInt16LE(p + 8);
    const method = b.readUInt16LE(p + 10);
    const crc = b.readUInt32LE(p + 16);
    const csize = b.readUInt32LE(p + 20);
    const size = b.readUInt32LE(p + 24);
    const nlen = b.readUInt16LE(p + 28);
    const xlen = b.readUInt16LE(p + 30);
    const clen = b.readUInt16LE(p + 32);
    const local = b.readUInt32LE(p + 42);
    if (flags & 1 || (method !== 0 && method !== 8) || csize === 0xffffffff || size === 0xffffffff || local === 0xffffffff) return null;
    const name = b.toString('utf8', p + 46, p + 46 + nlen);
    if (local + 30 > b.length || b.readUInt32LE(local) !== 0x04034b50) return null;
    const start = local + 30 + b.readUInt16LE(local + 26) + b.readUInt16LE(local + 28);
    if (start + csize > b.length) return null;
    out.push({ name, method, crc, size, stored: b.subarray(start, start + csize) });
    p += 46 + nlen + xlen + clen;
  }
  return out;
}

/** An entry's content. */
export function inflate(e: ZipEntry): Uint8Array {
  return e.method === 0 ? e.stored : zlib.inflateRawSync(e.stored);
}

/** What goes into the copy: an entry of the original as it is stored, or new content to deflate. */
export type OutEntry = { name: string; entry: ZipEntry } | { name: string; data: Uint8Array; level: number };

/** The archive of these entries. New content is deflated by node's zlib (native, several times faster than in JS). */
export function writeZip(entries: OutEntry[]): Uint8Array {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let failed: Error | null = null;
  const zip = new Zip((err, chunk) => {
    if (err) failed = err;
    else {
      chunks.push(chunk);
      total += chunk.length;
    }
  });
  for (const e of entries) {
    let method: number;
    let crc: number;
    let size: number;
    let body: Uint8Array;
    if ('entry' in e) {
      ({ method, crc, size, stored: body } = e.entry);
    } else {
      size = e.data.length;
      crc = zlib.crc32(e.data) >>> 0;
      method = e.level > 0 ? 8 : 0;
      body = method === 8 ? zlib.deflateRawSync(e.data, { level: e.level }) : e.data;
    }
    const file: ZipInputFile = { filename: e.name, size, crc, compression: method };
    zip.add(file);
    // fflate's typings want a plain ArrayBuffer view; a Buffer's slice is one at run time.
    file.ondata!(null, body as Uint8Array<ArrayBuffer>, true);
  }
  zip.end();
  if (failed) throw failed;
  return Buffer.concat(chunks, total);
}
