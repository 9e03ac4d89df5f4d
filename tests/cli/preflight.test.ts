// Every kind of unusable file is refused with a reason before ExcelJS sees it, and real workbooks pass.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { preflightXlsx, DEFAULT_LIMITS, PreflightCode } from '../../src/cli/preflight';
import { makeZip, xlsxLikeZip } from '../support/zip';

// Generous on purpose: a busy 2-core machine runs this several times slower (speed is measured by `npm run bench`).
jest.setTimeout(120_000);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fundcheck-preflight-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function write(name: string, data: Buffer | string): string {
  const p = path.join(dir, name);
  fs.writeFileSync(p, data);
  return p;
}

let realXlsx: Buffer;
beforeAll(async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('申报表');
  ws.addRow(['序号', '项目名称', '项目投资（万元）']);
  ws.addRow([1, '智慧城管平台', 120]);
  realXlsx = Buffer.from(await wb.xlsx.writeBuffer());
});

function oleWith(streamName?: string): Buffer {
  const buf = Buffer.alloc(4096);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(buf, 0);
  if (streamName) Buffer.from(streamName, 'utf16le').copy(buf, 1024);
  return buf;
}

test('a real .xlsx written by ExcelJS passes', () => {
  const r = preflightXlsx(write('ok.xlsx', realXlsx));
  expect(r.ok).toBe(true);
});

const cases: [string, () => Buffer | string, PreflightCode][] = [
  ['empty file', () => Buffer.alloc(0), 'empty'],
  ['random bytes', () => Buffer.from([0x00, 0xff, 0x13, 0x37, 0x00, 0x01, 0x02, 0x03, 0x04]), 'not-zip'],
  ['CSV renamed .xlsx', () => '序号,项目名称,项目投资\n1,智慧城管,120\n', 'text'],
  ['HTML renamed .xlsx', () => '<html><body><table><tr><td>1</td></tr></table></body></html>', 'text'],
  ['.xls (OLE) renamed .xlsx', () => oleWith('Workbook'), 'xls'],
  ['password-protected workbook (encrypted OLE package)', () => oleWith('EncryptedPackage'), 'encrypted'],
  ['truncated workbook (first half only)', () => realXlsx.subarray(0, Math.floor(realXlsx.length / 2)), 'truncated'],
  ['truncated workbook (last bytes cut)', () => realXlsx.subarray(0, realXlsx.length - 10), 'truncated'],
  ['zip with an encrypted entry', () => xlsxLikeZip([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.from('<x/>'), encryptedFlag: true }]), 'encrypted'],
  ['a Word document renamed .xlsx', () => makeZip([{ name: 'word/document.xml', data: Buffer.from('<w/>') }]), 'not-xlsx'],
  [
    'zip declaring 10 GB from a few bytes',
    () => xlsxLikeZip([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.from('<x/>'), declaredSize: 0xfffffff0 }]),
    'zip-bomb',
  ],
  [
    'zip of 20 MB of zeros (real high ratio)',
    () => xlsxLikeZip([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(20 * 1024 * 1024) }]),
    'zip-bomb',
  ],
];

test.each(cases)('%s is refused', (_name, make, code) => {
  const r = preflightXlsx(write(`case-${code}-${Math.random()}.xlsx`, make()));
  expect(r.ok).toBe(false);
  if (!r.ok) {
    expect(r.code).toBe(code);
    expect(r.message.length).toBeGreaterThan(4);
    expect(r.message).not.toMatch(/\n/);
    expect(r.messageEn).not.toMatch(/\n/);
  }
});

test('a file over the size limit is refused before it is read', () => {
  const p = write('big.xlsx', realXlsx);
  const r = preflightXlsx(p, { ...DEFAULT_LIMITS, maxFileBytes: 100 });
  expect(r).toMatchObject({ ok: false, code: 'too-large' });
});

test('a missing path and a folder are reported, not thrown', () => {
  expect(preflightXlsx(path.join(dir, 'nope.xlsx'))).toMatchObject({ ok: false, code: 'not-found' });
  expect(preflightXlsx(dir)).toMatchObject({ ok: false, code: 'not-a-file' });
});

test('total expansion over the limit is refused even at a normal ratio', () => {
  const p = write('wide.xlsx', xlsxLikeZip([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(4096, 'a'), store: true }]));
  expect(preflightXlsx(p, { ...DEFAULT_LIMITS, maxExpandedBytes: 1000 })).toMatchObject({ ok: false, code: 'zip-bomb' });
});
