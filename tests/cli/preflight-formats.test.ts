// The preflight of .xls/.et, .ods and .csv: size limits, the container each must be, zip bombs, clear reasons.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DEFAULT_LIMITS, preflight } from '../../src/cli/preflight';
import type { FileFormat, PreflightCode } from '../../src/cli/preflight';
import { makeZip, xlsxLikeZip } from '../support/zip';

const FIXTURES = path.join(__dirname, '../fixtures/other-tools');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fundcheck-preflight-formats-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

let n = 0;
function write(ext: string, data: Buffer | string): string {
  const p = path.join(dir, `f${n++}.${ext}`);
  fs.writeFileSync(p, data);
  return p;
}

function ole(stream?: string): Buffer {
  const b = Buffer.alloc(4096);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(b, 0);
  if (stream) Buffer.from(stream, 'utf16le').copy(b, 1024);
  return b;
}

/** An ODF-like zip: the mimetype entry first and stored, then content.xml. */
function odsZip(mimetype: string): Buffer {
  return makeZip([
    { name: 'mimetype', data: Buffer.from(mimetype), store: true },
    { name: 'content.xml', data: Buffer.from('<office:document-content/>') },
  ]);
}

test.each([
  ['lo-declaration.xls', 'xls'],
  ['wps-declaration.et', 'et'],
  ['lo-declaration.ods', 'ods'],
  ['declaration-utf8-bom.csv', 'csv'],
  ['declaration-gbk.csv', 'csv'],
  ['lo-1904-ledger.xlsx', 'xlsx'],
] as [string, FileFormat][])('the fixture %s passes as %s', (f, format) => {
  expect(preflight(path.join(FIXTURES, f), format)).toMatchObject({ ok: true });
});

const cases: [string, string, () => Buffer | string, FileFormat, PreflightCode, RegExp][] = [
  ['an .xls that is random bytes', 'xls', () => Buffer.from([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]), 'xls', 'not-xls', /不是Excel 97-2003（\.xls）工作簿/],
  ['an .xls that is a web page (what many systems export)', 'xls', () => '<html><table><tr><td>1</td></tr></table></html>', 'xls', 'text', /这是文本文件（如网页或 CSV）/],
  ['a password-protected .xls', 'xls', () => ole('EncryptedPackage'), 'xls', 'encrypted', /打开密码/],
  ['an .et that is random bytes', 'et', () => Buffer.from([1, 2, 3, 0, 0xff, 0xfe, 7, 8]), 'et', 'not-xls', /WPS 表格（\.et）/],
  ['an .et zip that holds no workbook', 'et', () => makeZip([{ name: 'word/document.xml', data: Buffer.from('<w/>') }]), 'et', 'not-xlsx', /没有 Excel 工作簿/],
  [
    'an .et zip bomb',
    'et',
    () => xlsxLikeZip([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.from('<x/>'), declaredSize: 0xfffffff0 }]),
    'et',
    'zip-bomb',
    /拒绝展开/,
  ],
  ['an .ods that is not a zip', 'ods', () => 'plain text', 'ods', 'not-ods', /不是 OpenDocument 表格/],
  ['an .ods whose mimetype is a text document', 'ods', () => odsZip('application/vnd.oasis.opendocument.text'), 'ods', 'not-ods', /mimetype 不是 application\/vnd\.oasis\.opendocument\.spreadsheet/],
  ['an .xlsx renamed .ods', 'ods', () => fs.readFileSync(path.join(FIXTURES, 'lo-1904-ledger.xlsx')), 'ods', 'not-ods', /这是 \.xlsx 工作簿而非 \.ods/],
  ['an .xls renamed .ods', 'ods', () => ole('Workbook'), 'ods', 'not-ods', /改回 \.xls/],
  ['an .xlsx renamed .csv', 'csv', () => fs.readFileSync(path.join(FIXTURES, 'lo-1904-ledger.xlsx')), 'csv', 'not-csv', /工作簿文件而非 CSV/],
  ['binary bytes named .csv', 'csv', () => Buffer.from([0x41, 0x00, 0x42, 0x00, 0x43]), 'csv', 'not-csv', /二进制/],
  ['an empty .csv', 'csv', () => '', 'csv', 'empty', /文件为空/],
];

test.each(cases)('%s is refused with a reason', (_what, ext, make, format, code, reason) => {
  const r = preflight(write(ext, make()), format);
  expect(r).toMatchObject({ ok: false, code });
  if (!r.ok) {
    expect(r.message).toMatch(reason);
    expect(r.messageEn.length).toBeGreaterThan(10);
  }
});

test('an .ods that is a valid OpenDocument spreadsheet zip passes', () => {
  expect(preflight(write('ods', odsZip('application/vnd.oasis.opendocument.spreadsheet')), 'ods')).toMatchObject({ ok: true });
});

test('size limits: a CSV has its own (smaller) limit, an .xls the workbook limit', () => {
  const csv = write('csv', 'a,b\r\n'.repeat(100));
  expect(preflight(csv, 'csv', { ...DEFAULT_LIMITS, maxCsvBytes: 100 })).toMatchObject({ ok: false, code: 'too-large' });
  expect(preflight(csv, 'csv')).toMatchObject({ ok: true });
  const xls = path.join(FIXTURES, 'lo-declaration.xls');
  const r = preflight(xls, 'xls', { ...DEFAULT_LIMITS, maxFileBytes: 1000 });
  expect(r).toMatchObject({ ok: false, code: 'too-large' });
  if (!r.ok) expect(r.message).toMatch(/文件过大/);
  expect(DEFAULT_LIMITS.maxCsvBytes).toBeLessThan(DEFAULT_LIMITS.maxFileBytes);
});
