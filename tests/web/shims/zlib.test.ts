// The web worker's node:zlib shim does what node's zlib does for the preflight and the copy writer.
import * as zlib from 'node:zlib';
import { crc32, deflateRawSync, inflateRawSync } from '../../../src/web/shims/zlib';

const text = new TextEncoder().encode('<sheetData>' + '<row r="1"><c r="A1" t="s"><v>0</v></c></row>'.repeat(5000) + '</sheetData>');

test('crc32 is the zip CRC-32, as zlib.crc32', () => {
  for (const data of [new Uint8Array(0), new TextEncoder().encode('fundcheck 资金检查'), text]) expect(crc32(data)).toBe(zlib.crc32(data) >>> 0);
});

test('raw deflate and inflate round-trip with node zlib both ways', () => {
  expect(Buffer.from(inflateRawSync(zlib.deflateRawSync(text))).equals(Buffer.from(text))).toBe(true);
  expect(Buffer.from(zlib.inflateRawSync(deflateRawSync(text, { level: 6 }))).equals(Buffer.from(text))).toBe(true);
  expect(inflateRawSync(zlib.deflateRawSync(new Uint8Array(0)))).toHaveLength(0);
});

test('an entry that expands past maxOutputLength throws ERR_BUFFER_TOO_LARGE, as node does (the preflight tells a zip bomb by it)', () => {
  const packed = zlib.deflateRawSync(text);
  expect(inflateRawSync(packed, { maxOutputLength: text.length })).toHaveLength(text.length);
  let nodeCode = '';
  try {
    zlib.inflateRawSync(packed, { maxOutputLength: text.length - 1 });
  } catch (e) {
    nodeCode = (e as { code?: string }).code ?? '';
  }
  expect(nodeCode).toBe('ERR_BUFFER_TOO_LARGE');
  expect(() => inflateRawSync(packed, { maxOutputLength: text.length - 1 })).toThrow(expect.objectContaining({ code: nodeCode }));
});
