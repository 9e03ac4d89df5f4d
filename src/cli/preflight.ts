// Decides whether a file can safely be handed to the reader, from its bytes alone, before anything is expanded.
import * as fs from 'node:fs';
import * as zlib from 'node:zlib';

export interface PreflightLimits {
  /** Largest file accepted, in bytes. */
  maxFileBytes: number;
  /** Largest total size the zip may expand to, as its central directory declares. */
  maxExpandedBytes: number;
  /** Largest expansion ratio of one entry (uncompressed ÷ compressed) above 1 MB expanded. */
  maxRatio: number;
  /** Largest CSV accepted, in bytes: text becomes far more memory per cell than a zipped sheet. */
  maxCsvBytes?: number;
}

/** Real submissions are well under these; a 50 MB .xlsx already holds a few million cells. */
export const DEFAULT_LIMITS: PreflightLimits = {
  maxFileBytes: 50 * 1024 * 1024,
  maxExpandedBytes: 500 * 1024 * 1024,
  maxRatio: 500,
  maxCsvBytes: 20 * 1024 * 1024,
};

export type PreflightCode =
  | 'not-found'
  | 'not-a-file'
  | 'unreadable'
  | 'empty'
  | 'too-large'
  | 'xls'
  | 'encrypted'
  | 'text'
  | 'not-zip'
  | 'truncated'
  | 'zip-bomb'
  | 'not-xlsx'
  | 'not-xls'
  | 'not-ods'
  | 'not-csv';

export type PreflightResult =
  | { ok: true; bytes: number; expandedBytes: number; parts: string[] }
  | { ok: false; code: PreflightCode; message: string; messageEn: string };

const MB = 1024 * 1024;
const fmtMB = (n: number): string => `${(n / MB).toFixed(1)} MB`;

function fail(code: PreflightCode, message: string, messageEn: string): PreflightResult {
  return { ok: false, code, message, messageEn };
}

const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
// An encrypted OOXML file is an OLE container holding these streams (MS-OFFCRYPTO); names are UTF-16LE.
const ENCRYPTED_STREAM = Buffer.from('EncryptedPackage', 'utf16le');

const SIG_EOCD = 0x06054b50;
const SIG_EOCD64_LOCATOR = 0x07064b50;
const SIG_EOCD64 = 0x06064b50;
const SIG_CENTRAL = 0x02014b50;
/** The most deflate can expand: zlib's technical notes put the limit at 1032:1 (258 bytes from about 2 bits). */
const MAX_DEFLATE_RATIO = 1032;

function readAt(fd: number, position: number, length: number): Buffer {
  const buf = Buffer.alloc(length);
  let off = 0;
  while (off < length) {
    const n = fs.readSync(fd, buf, off, length - off, position + off);
    if (n === 0) break;
    off += n;
  }
  return off === length ? buf : buf.subarray(0, off);
}

/** Looks like text someone saved as .xlsx (CSV, TSV, HTML): no NUL bytes and mostly printable. */
function looksLikeText(head: Buffer): boolean {
  if (head.length === 0) return false;
  let printable = 0;
  for (const b of head) {
    if (b === 0) return false;
    if (b === 9 || b === 10 || b === 13 || b >= 32) printable++;
  }
  return printable / head.length > 0.95;
}

interface ZipEntry {
  name: string;
  compressed: number;
  uncompressed: number;
  encrypted: boolean;
  localOffset: number;
  /** 0 stored, 8 deflated. */
  method: number;
}

/** Reads the central directory (with ZIP64 where present); null when the archive's tail is missing. */
function readCentralDirectory(fd: number, size: number): ZipEntry[] | null {
  const tailLen = Math.min(size, 65535 + 22);
  const tail = readAt(fd, size - tailLen, tailLen);
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === SIG_EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  let count = tail.readUInt16LE(eocd + 10);
  let cdSize = tail.readUInt32LE(eocd + 12);
  let cdOffset = tail.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const locAt = eocd - 20;
    if (locAt < 0 || tail.readUInt32LE(locAt) !== SIG_EOCD64_LOCATOR) return null;
    const eocd64Offset = Number(tail.readBigUInt64LE(locAt + 8));
    if (eocd64Offset + 56 > size) return null;
    const rec = readAt(fd, eocd64Offset, 56);
    if (rec.length < 56 || rec.readUInt32LE(0) !== SIG_EOCD64) return null;
    count = Number(rec.readBigUInt64LE(32));
    cdSize = Number(rec.readBigUInt64LE(40));
    cdOffset = Number(rec.readBigUInt64LE(48));
  }
  if (cdOffset + cdSize > size || cdSize > 64 * MB) return null;
  const cd = readAt(fd, cdOffset, cdSize);
  if (cd.length < cdSize) return null;
  const entries: ZipEntry[] = [];
  let p = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > cd.length || cd.readUInt32LE(p) !== SIG_CENTRAL) return null;
    const flags = cd.readUInt16LE(p + 8);
    const method = cd.readUInt16LE(p + 10);
    let compressed = cd.readUInt32LE(p + 20);
    let uncompressed = cd.readUInt32LE(p + 24);
    const nameLen = cd.readUInt16LE(p + 28);
    const extraLen = cd.readUInt16LE(p + 30);
    const commentLen = cd.readUInt16LE(p + 32);
    let localOffset = cd.readUInt32LE(p + 42);
    const name = cd.toString('utf8', p + 46, p + 46 + nameLen);
    // ZIP64 extended information: the 64-bit values follow in the order of the fields that overflowed.
    let e = p + 46 + nameLen;
    const extraEnd = e + extraLen;
    while (e + 4 <= extraEnd) {
      const id = cd.readUInt16LE(e);
      const len = cd.readUInt16LE(e + 2);
      if (id === 0x0001) {
        let q = e + 4;
        if (uncompressed === 0xffffffff && q + 8 <= e + 4 + len) {
          uncompressed = Number(cd.readBigUInt64LE(q));
          q += 8;
        }
        if (compressed === 0xffffffff && q + 8 <= e + 4 + len) {
          compressed = Number(cd.readBigUInt64LE(q));
          q += 8;
        }
        if (localOffset === 0xffffffff && q + 8 <= e + 4 + len) localOffset = Number(cd.readBigUInt64LE(q));
      }
      e += 4 + len;
    }
    entries.push({ name, compressed, uncompressed, encrypted: (flags & 1) === 1, localOffset, method });
    p = extraEnd + commentLen;
  }
  return entries;
}

/** The zip checks every OOXML/ODF package gets: complete, not encrypted, not expanding beyond the limits. */
function checkZip(fd: number, size: number, limits: PreflightLimits): { entries: ZipEntry[]; expanded: number } | (PreflightResult & { ok: false }) {
  const entries = readCentralDirectory(fd, size);
  if (!entries) {
    return failZ('truncated', '文件不完整或已损坏（压缩包目录缺失）', 'the file is incomplete or damaged (zip directory missing)');
  }
  let expanded = 0;
  for (const e of entries) {
    if (e.localOffset + 30 > size) {
      return failZ('truncated', '文件不完整或已损坏（内容被截断）', 'the file is incomplete or damaged (content truncated)');
    }
    if (e.encrypted) {
      return failZ('encrypted', '工作簿内容已加密，请取消密码后再检查', 'the workbook content is encrypted; remove the password and check again');
    }
    expanded += e.uncompressed;
    const ratio = e.compressed > 0 ? e.uncompressed / e.compressed : e.uncompressed > 0 ? Infinity : 0;
    if (e.uncompressed > MB && ratio > limits.maxRatio) {
      return failZ(
        'zip-bomb',
        `拒绝展开：${e.name} 的解压比例异常（${Number.isFinite(ratio) ? Math.round(ratio) : '∞'} 倍）`,
        `refused to expand: ${e.name} has an abnormal expansion ratio (${Number.isFinite(ratio) ? Math.round(ratio) : '∞'}×)`,
      );
    }
  }
  if (expanded > limits.maxExpandedBytes) {
    return failZ(
      'zip-bomb',
      `拒绝展开：解压后将达 ${fmtMB(expanded)}，超过上限 ${fmtMB(limits.maxExpandedBytes)}`,
      `refused to expand: it would expand to ${fmtMB(expanded)}, over the ${fmtMB(limits.maxExpandedBytes)} limit`,
    );
  }
  // The sizes above are only what the directory declares, and the reader inflates an entry in full before it notices
  // a mismatch (a 3 MB file declaring 2 KB took 3.4 GB of memory). Deflate expands at most 1032-fold, so an entry
  // can exceed its declared size by at most that much: while those excesses together stay within the limit, a lie
  // is harmless; past it, the entry is inflated here, never beyond its declared size.
  let slack = limits.maxExpandedBytes - expanded;
  for (const e of entries) {
    if (e.method !== 8 || e.compressed === 0) continue;
    const excess = Math.max(0, e.compressed * MAX_DEFLATE_RATIO - e.uncompressed);
    if (excess <= slack) {
      slack -= excess;
      continue;
    }
    const local = readAt(fd, e.localOffset, 30);
    if (local.length < 30) continue;
    const start = e.localOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
    try {
      zlib.inflateRawSync(readAt(fd, start, e.compressed), { maxOutputLength: Math.max(1, e.uncompressed) });
    } catch (err) {
      if ((err as { code?: string }).code !== 'ERR_BUFFER_TOO_LARGE') continue; // damaged data: the reader says so
      return failZ(
        'zip-bomb',
        `拒绝展开：${e.name} 的实际内容超过其声明的大小`,
        `refused to expand: ${e.name} holds more than its declared size`,
      );
    }
  }
  return { entries, expanded };
}

function failZ(code: PreflightCode, message: string, messageEn: string): PreflightResult & { ok: false } {
  return { ok: false, code, message, messageEn };
}

/**
 * Checks a file before it is parsed: readable, not empty, not over the size limit, an OOXML zip (not an
 * .xls, an encrypted workbook or text renamed .xlsx), complete, and not expanding beyond the limits.
 */
export function preflightXlsx(path: string, limits: PreflightLimits = DEFAULT_LIMITS): PreflightResult {
  return withFile(path, limits.maxFileBytes, (fd, size, head) => {
    if (isOle(head)) {
      const whole = size <= 8 * MB ? readAt(fd, 0, size) : head;
      if (whole.includes(ENCRYPTED_STREAM)) {
        return fail(
          'encrypted',
          '工作簿设有打开密码（已加密），请取消密码后再检查',
          'the workbook is password-protected (encrypted); remove the password and check again',
        );
      }
      return fail(
        'xls',
        '这是旧版 Excel 97-2003（.xls）文件，请在 Excel 中另存为 .xlsx 后再检查',
        'this is an Excel 97-2003 (.xls) file; save it as .xlsx in Excel and check again',
      );
    }
    if (!isZip(head)) {
      if (looksLikeText(head)) {
        return fail(
          'text',
          '这是文本文件（如 CSV）而非 .xlsx 工作簿，请在 Excel 中另存为 .xlsx',
          'this is a text file (such as CSV), not an .xlsx workbook; save it as .xlsx in Excel',
        );
      }
      return fail('not-zip', '不是 .xlsx 工作簿（文件格式无法识别）', 'not an .xlsx workbook (unrecognised file format)');
    }
    const zip = checkZip(fd, size, limits);
    if ('code' in zip) return zip;
    const entries = zip.entries;
    const names = new Set(entries.map((e) => e.name));
    if (!names.has('xl/workbook.xml') && !entries.some((e) => /^xl\/workbook\d*\.xml$/.test(e.name))) {
      const what = names.has('word/document.xml') ? '（这是 Word 文档）' : names.has('ppt/presentation.xml') ? '（这是 PowerPoint 文件）' : '';
      return fail('not-xlsx', `压缩包中没有 Excel 工作簿${what}`, 'the archive holds no Excel workbook');
    }
    return { ok: true, bytes: size, expandedBytes: zip.expanded, parts: entries.map((e) => e.name) };
  });
}

export type FileFormat = 'xlsx' | 'xlsm' | 'xls' | 'et' | 'ods' | 'csv';

const ODS_MIMETYPE = 'application/vnd.oasis.opendocument.spreadsheet';

/** Stat, size limit and open, shared by every format; the callback gets the open file and its first 4 KB. */
function withFile(path: string, maxBytes: number, body: (fd: number, size: number, head: Buffer) => PreflightResult): PreflightResult {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(path);
  } catch {
    return fail('not-found', '文件不存在或无法访问', 'file not found or not accessible');
  }
  if (!stat.isFile()) return fail('not-a-file', '不是文件', 'not a regular file');
  if (stat.size === 0) return fail('empty', '文件为空（0 字节）', 'the file is empty (0 bytes)');
  if (stat.size > maxBytes) {
    return fail('too-large', `文件过大（${fmtMB(stat.size)}，上限 ${fmtMB(maxBytes)}）`, `file too large (${fmtMB(stat.size)}; the limit is ${fmtMB(maxBytes)})`);
  }
  let fd: number;
  try {
    fd = fs.openSync(path, 'r');
  } catch {
    return fail('unreadable', '无法打开文件（权限不足或被占用）', 'cannot open the file (permission denied or locked)');
  }
  try {
    return body(fd, stat.size, readAt(fd, 0, Math.min(stat.size, 4096)));
  } catch {
    return fail('unreadable', '读取文件时出错', 'error while reading the file');
  } finally {
    fs.closeSync(fd);
  }
}

const isOle = (head: Buffer): boolean => head.length >= 8 && head.subarray(0, 8).equals(OLE_MAGIC);
const isZip = (head: Buffer): boolean => head.length >= 4 && head.readUInt32LE(0) === 0x04034b50;

function encryptedOle(fd: number, size: number, head: Buffer): boolean {
  const whole = size <= 8 * MB ? readAt(fd, 0, size) : head;
  return whole.includes(ENCRYPTED_STREAM);
}

const ENCRYPTED = (): PreflightResult =>
  fail('encrypted', '工作簿设有打开密码（已加密），请取消密码后再检查', 'the workbook is password-protected (encrypted); remove the password and check again');

/** The stored (uncompressed) first bytes of a zip entry, or null when it is compressed or out of reach. */
function storedEntryHead(fd: number, e: ZipEntry, max: number): string | null {
  if (e.method !== 0) return null;
  const local = readAt(fd, e.localOffset, 30);
  if (local.length < 30) return null;
  const start = e.localOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
  return readAt(fd, start, Math.min(e.compressed, max)).toString('latin1');
}

/**
 * Checks a file of any format the checker reads before it is parsed: .xlsx/.xlsm as preflightXlsx; an .xls or WPS .et
 * must be an OLE compound file (BIFF8) or a zip holding an Excel workbook (WPS saves either under .et); an .ods must be
 * an OpenDocument spreadsheet zip; a .csv must be text within its own size limit. Zips get the same bomb checks.
 */
export function preflight(path: string, format: FileFormat, limits: PreflightLimits = DEFAULT_LIMITS): PreflightResult {
  if (format === 'xlsx' || format === 'xlsm') return preflightXlsx(path, limits);
  if (format === 'csv') {
    const max = limits.maxCsvBytes ?? limits.maxFileBytes;
    return withFile(path, max, (_fd, size, head) => {
      if (isOle(head) || isZip(head)) {
        return fail(
          'not-csv',
          '这是 Excel 等工作簿文件而非 CSV 文本，请改回原来的扩展名（如 .xlsx、.xls）后再检查',
          'this is a workbook (such as Excel), not CSV text; give it back its own extension (such as .xlsx or .xls) and check again',
        );
      }
      // UTF-16 text carries NULs; anything else with NULs is binary, not a CSV.
      const utf16 = head.length >= 2 && ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff));
      if (!utf16 && head.includes(0)) {
        return fail('not-csv', '不是 CSV 文本文件（含二进制内容）', 'not a CSV text file (it holds binary data)');
      }
      return { ok: true, bytes: size, expandedBytes: size, parts: [] };
    });
  }
  return withFile(path, limits.maxFileBytes, (fd, size, head) => {
    if (format === 'xls' || format === 'et') {
      const what = format === 'et' ? 'WPS 表格（.et）' : 'Excel 97-2003（.xls）';
      const whatEn = format === 'et' ? 'a WPS spreadsheet (.et)' : 'an Excel 97-2003 (.xls) workbook';
      if (isOle(head)) return encryptedOle(fd, size, head) ? ENCRYPTED() : { ok: true, bytes: size, expandedBytes: size, parts: [] };
      if (!isZip(head)) {
        if (looksLikeText(head)) {
          return fail(
            'text',
            `这是文本文件（如网页或 CSV）而非${what}工作簿，请在 Excel 或 WPS 中打开后另存为 .xlsx`,
            `this is a text file (such as a web page or CSV), not ${whatEn}; open it in Excel or WPS and save it as .xlsx`,
          );
        }
        return fail('not-xls', `不是${what}工作簿（文件格式无法识别）`, `not ${whatEn} (unrecognised file format)`);
      }
      const zip = checkZip(fd, size, limits);
      if ('code' in zip) return zip;
      if (!zip.entries.some((e) => /^xl\/workbook\d*\.xml$/.test(e.name))) {
        return fail('not-xlsx', '压缩包中没有 Excel 工作簿', 'the archive holds no Excel workbook');
      }
      return { ok: true, bytes: size, expandedBytes: zip.expanded, parts: zip.entries.map((e) => e.name) };
    }
    // .ods
    if (isOle(head)) return encryptedOle(fd, size, head) ? ENCRYPTED() : fail('not-ods', '这是 Excel 97-2003（.xls）文件而非 .ods，请改回 .xls 扩展名', 'this is an Excel 97-2003 (.xls) file, not .ods; rename it back to .xls');
    if (!isZip(head)) {
      return fail('not-ods', '不是 OpenDocument 表格（.ods）文件（文件格式无法识别）', 'not an OpenDocument spreadsheet (.ods) (unrecognised file format)');
    }
    const zip = checkZip(fd, size, limits);
    if ('code' in zip) return zip;
    const mimetype = zip.entries.find((e) => e.name === 'mimetype');
    const declared = mimetype ? storedEntryHead(fd, mimetype, 128) : null;
    if (declared === null || declared.trim() !== ODS_MIMETYPE || !zip.entries.some((e) => e.name === 'content.xml')) {
      const isXlsx = zip.entries.some((e) => /^xl\/workbook\d*\.xml$/.test(e.name));
      return fail(
        'not-ods',
        isXlsx ? '这是 .xlsx 工作簿而非 .ods，请改回 .xlsx 扩展名' : `不是 OpenDocument 表格（.ods）：压缩包的 mimetype 不是 ${ODS_MIMETYPE}`,
        isXlsx ? 'this is an .xlsx workbook, not .ods; rename it back to .xlsx' : `not an OpenDocument spreadsheet (.ods): the archive's mimetype is not ${ODS_MIMETYPE}`,
      );
    }
    return { ok: true, bytes: size, expandedBytes: zip.expanded, parts: zip.entries.map((e) => e.name) };
  });
}
