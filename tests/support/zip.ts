// A minimal zip reader and writer for tests that need hand-made archives (declared sizes, encryption flags, spliced bodies).
import * as zlib from 'node:zlib';

export interface ZipInput {
  name: string;
  data: Buffer;
  /** Store instead of deflate. */
  store?: boolean;
  /** Override the uncompressed size the directory declares (to fake a bomb without building one). */
  declaredSize?: number;
  /** Set the "encrypted" flag bit. */
  encryptedFlag?: boolean;
}

/** One archive entry as stored: its body already compressed (method 8) or stored (method 0). */
export interface RawEntry {
  name: string;
  method: number;
  /** General-purpose flags (bit 0: encrypted). */
  flags: number;
  crc: number;
  /** Uncompressed size the headers declare. */
  size: number;
  body: Buffer;
}

/** Writes entries as they are: no extras, no comments; sizes and CRCs taken on trust, so tests can lie. */
export function writeZip(entries: RawEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const size = Math.min(e.size, 0xffffffff);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(e.flags, 6);
    local.writeUInt16LE(e.method, 8);
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(e.body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, e.body);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(e.flags, 8);
    central.writeUInt16LE(e.method, 10);
    central.writeUInt32LE(e.crc >>> 0, 16);
    central.writeUInt32LE(e.body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + e.body.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, eocd]);
}

export function makeZip(files: ZipInput[]): Buffer {
  return writeZip(
    files.map((f) => ({
      name: f.name,
      method: f.store ? 0 : 8,
      flags: f.encryptedFlag ? 1 : 0,
      crc: zlib.crc32(f.data),
      size: f.declaredSize ?? f.data.length,
      body: f.store ? f.data : zlib.deflateRawSync(f.data),
    })),
  );
}

/** The entries of a plain (non-ZIP64) archive as stored, bodies still compressed. */
export function readZipEntries(buf: Buffer): RawEntry[] {
  let eocd = -1;
  for (let i = buf.length - 22; i >= 0; i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('not a zip');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const out: RawEntry[] = [];
  for (let i = 0; i < count; i++) {
    const nameLen = buf.readUInt16LE(p + 28);
    const local = buf.readUInt32LE(p + 42);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    out.push({
      name: buf.toString('utf8', p + 46, p + 46 + nameLen),
      flags: buf.readUInt16LE(p + 8),
      method: buf.readUInt16LE(p + 10),
      crc: buf.readUInt32LE(p + 16),
      size: buf.readUInt32LE(p + 24),
      body: buf.subarray(start, start + buf.readUInt32LE(p + 20)),
    });
    p += 46 + nameLen + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return out;
}

/** Every entry's name and uncompressed bytes. */
export function readZip(buf: Buffer): { name: string; data: Buffer }[] {
  return readZipEntries(buf).map((e) => ({ name: e.name, data: e.method === 0 ? Buffer.from(e.body) : zlib.inflateRawSync(e.body) }));
}

/** The smallest archive that looks like an .xlsx to a preflight (not a full workbook). */
export function xlsxLikeZip(extra: ZipInput[] = []): Buffer {
  return makeZip([
    { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
    { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
    ...extra,
  ]);
}
