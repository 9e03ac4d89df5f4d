// Every format a unit sends is read into the same snapshot the ExcelJS reader gave, and checked end to end.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { decodeCsv, readSpreadsheet, readWorkbook, spreadsheetFormat } from '../../src/cli/read';
import type { JsonDocument } from '../../src/cli/format';
import type { WorkbookSnapshot } from '../../src/engine/types';
import { writeDeclarationXlsx } from '../../src/bench/xlsx';
import { goodWorkbook, realWorkbookParts, renamedSheetPart, writeHostileWorkbook } from '../support/hostile';
import { makeZip } from '../support/zip';
import { runCli } from './helpers';

// Generous on purpose: a busy 2-core machine runs this several times slower (speed is measured by `npm run bench`).
jest.setTimeout(180_000);

const ROOT = path.join(__dirname, '../..');
const SAMPLES = path.join(ROOT, 'assets/samples');
const FIXTURES = path.join(ROOT, 'tests/fixtures/other-tools');
const AS_OF = '2026-05-20';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fundcheck-formats-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The snapshot as plain JSON (sparse formula/format grids compared as the arrays they are). */
function plain(s: WorkbookSnapshot): unknown {
  return JSON.parse(JSON.stringify(s));
}

describe('the SheetJS reader gives the snapshot the ExcelJS reader gave', () => {
  const generated: [string, () => Promise<string>][] = [
    [
      'the hostile workbook (merges, shared formulas, a formula without result, an error result, rich text, hyperlink, hidden rows, columns and sheet, a 20,000-character text)',
      async () => {
        const p = path.join(dir, 'hostile.xlsx');
        await writeHostileWorkbook(p);
        return p;
      },
    ],
    [
      'the good workbook of the CLI tests',
      async () => {
        const p = path.join(dir, 'good.xlsx');
        fs.writeFileSync(p, await goodWorkbook());
        return p;
      },
    ],
    [
      'the hand-written minimal workbook (inline parts, shared strings)',
      async () => {
        const p = path.join(dir, 'minimal.xlsx');
        fs.writeFileSync(p, makeZip(realWorkbookParts()));
        return p;
      },
    ],
    [
      'the bench declaration (two-row merged header, 300 rows)',
      async () => {
        const p = path.join(dir, 'bench.xlsx');
        await writeDeclarationXlsx(300, p);
        return p;
      },
    ],
  ];

  test.each(fs.readdirSync(SAMPLES).filter((f) => f.endsWith('.xlsx')))('sample %s', async (f) => {
    const file = path.join(SAMPLES, f);
    const next = await readSpreadsheet(file);
    const old = await readWorkbook(file);
    expect(next.format).toBe('xlsx');
    expect(next.unreadSheets).toEqual([]);
    expect(plain(next.snapshot)).toEqual(plain(old.snapshot));
  });

  test.each(generated)('%s', async (_what, make) => {
    const file = await make();
    const next = await readSpreadsheet(file);
    const old = await readWorkbook(file);
    expect(plain(next.snapshot)).toEqual(plain(old.snapshot));
  });

  test('known difference 1: a LibreOffice date1904="true" is read (ExcelJS missed it), and format codes are kept as stored', async () => {
    const file = path.join(FIXTURES, 'lo-1904-ledger.xlsx');
    const next = (await readSpreadsheet(file)).snapshot;
    const old = (await readWorkbook(file)).snapshot;
    expect(next.date1904).toBe(true);
    expect(old.date1904).toBeUndefined();
    const s = next.sheets[0]!;
    // Excel's own format code, backslash escapes included (ExcelJS unescaped them; the engine reads both as dates).
    expect(s.formats?.[3]?.[8]).toBe('yyyy\\-mm\\-dd');
    // Apart from the formats' escapes, the values are the very serials ExcelJS read: 1904-system numbers.
    expect(s.rows).toEqual(old.sheets[0]!.rows);
    // 2025-09-30 (built date of row 4 in the sample) is serial 45930 in the 1900 system, 45930 − 1462 in the 1904 one.
    expect(s.rows[3]![9]).toBe(45930 - 1462);
  });

  test('known difference 2: a sheet stored under another part name is followed through the rels and read', async () => {
    const file = path.join(dir, 'elsewhere.xlsx');
    fs.writeFileSync(file, renamedSheetPart(realWorkbookParts()));
    expect((await readWorkbook(file)).unreadSheets).toEqual(['申报表']);
    const next = await readSpreadsheet(file);
    expect(next.unreadSheets).toEqual([]);
    expect(next.snapshot.sheets[0]!.rows[1]).toEqual([1, '智慧城管平台', 120]);
  });

  test('known difference 3: openpyxl workbooks with an image or a chart, which ExcelJS refused, are read', async () => {
    for (const f of ['openpyxl-image.xlsx', 'openpyxl-chart.xlsx']) {
      const file = path.join(FIXTURES, f);
      await expect(readWorkbook(file)).rejects.toThrow(/anchors/);
      const next = await readSpreadsheet(file);
      expect(next.snapshot.sheets.map((s) => s.name)).toEqual(['申报表']);
      expect(next.snapshot.sheets[0]!.rows[4]![2]).toBe('叶集区政务云平台扩容项目');
    }
  });
});

describe('the formats units send', () => {
  test('format by extension, any case', () => {
    expect(spreadsheetFormat('a/申报表.XLS')).toBe('xls');
    expect(spreadsheetFormat('b.Et')).toBe('et');
    expect(spreadsheetFormat('c.xlsm')).toBe('xlsm');
    expect(spreadsheetFormat('d.ods')).toBe('ods');
    expect(spreadsheetFormat('e.CSV')).toBe('csv');
    expect(spreadsheetFormat('f.xlsb')).toBeNull();
    expect(spreadsheetFormat('g.numbers')).toBeNull();
  });

  test('CSV bytes: a UTF-8 BOM, plain UTF-8, GBK (what Excel writes on a Chinese Windows), UTF-16 with a BOM', () => {
    const text = '项目名称,项目投资（万元）\r\n智慧城管平台,120\r\n';
    expect(decodeCsv(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]))).toBe(text);
    expect(decodeCsv(Buffer.from(text, 'utf8'))).toBe(text);
    // GBK bytes of 项目 are not valid UTF-8: decoded as GB18030 (a superset of GBK).
    const gbk = Buffer.from(fs.readFileSync(path.join(FIXTURES, 'declaration-gbk.csv')));
    expect(decodeCsv(gbk)).toContain('六安市叶集区政务信息化项目申报表');
    expect(decodeCsv(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]))).toBe(text);
  });

  test('the .xls, .et, .ods and both CSVs hold the sample declaration: same values in the 申报表', async () => {
    const sample = (await readSpreadsheet(path.join(SAMPLES, '01-yeji-declaration.xlsx'))).snapshot.sheets[0]!;
    for (const [f, format] of [
      ['lo-declaration.xls', 'xls'],
      ['wps-declaration.et', 'et'],
      ['lo-declaration.ods', 'ods'],
      ['declaration-utf8-bom.csv', 'csv'],
      ['declaration-gbk.csv', 'csv'],
    ] as const) {
      const r = await readSpreadsheet(path.join(FIXTURES, f));
      expect(r.format).toBe(format);
      const s = r.snapshot.sheets[0]!;
      for (const [a1, want] of [
        [[1, 0], '六安市叶集区政务信息化项目申报表'],
        [[4, 2], '叶集区政务云平台扩容项目'],
        [[4, 5], 300],
        [[6, 8], 30],
        [[9, 5], 1500000],
        [[15, 0], '合计'],
        [[15, 5], sample.rows[15]![5]],
      ] as const) {
        expect([f, a1, s.rows[a1[0]]?.[a1[1]]]).toEqual([f, a1, want]);
      }
      if (format !== 'csv') {
        // Workbook formats keep merges and the 合计 row's formulas; a CSV holds values only.
        expect(s.merges).toEqual(expect.arrayContaining([{ top: 1, left: 0, bottom: 1, right: 14 }, { top: 2, left: 6, bottom: 2, right: 9 }]));
        expect(s.formulas?.[15]?.[5]).toBe('SUM(F5:F15)');
        expect(s.formats?.[4]?.[5]).toMatch(/#,##0\.00/);
      } else {
        // A CSV's one sheet is named after the file, as Excel names it.
        expect(s.name).toBe(f.replace(/\.csv$/, ''));
      }
    }
  });

  test('reading an .ods prints nothing to the console (SheetJS warnings are held back)', async () => {
    const spies = (['warn', 'error', 'log'] as const).map((m) => jest.spyOn(console, m));
    try {
      await readSpreadsheet(path.join(FIXTURES, 'lo-declaration.ods'));
      for (const s of spies) expect(s).not.toHaveBeenCalled();
    } finally {
      for (const s of spies) s.mockRestore();
    }
  });
});

// ---------------------------------------------------------------------------------------------------------------
// End to end through the CLI.

type Hit = { sheet: string; cell: string; ruleId: string };

async function findings(args: string[]): Promise<{ code: number; doc: JsonDocument; err: string }> {
  const r = await runCli([...args, '--as-of', AS_OF, '--format', 'json'], ROOT, AS_OF);
  return { code: r.code, doc: JSON.parse(r.out) as JsonDocument, err: r.err };
}

function hits(doc: JsonDocument, i = 0, sheet?: string): string[] {
  const wb = doc.workbooks[i]!;
  return (wb.findings as Hit[])
    .filter((f) => sheet === undefined || f.sheet === sheet)
    .map((f) => `${f.cell} ${f.ruleId}`)
    .sort();
}

describe('CLI end to end on workbooks from other tools', () => {
  test('LibreOffice .xlsx in the 1904 date system: the same findings as the sample it was made from, no false 已逾期', async () => {
    const sample = await findings([path.join(SAMPLES, '03-wulong-progress-ledger.xlsx')]);
    const lo = await findings([path.join(FIXTURES, 'lo-1904-ledger.xlsx')]);
    expect(lo.code).toBe(sample.code);
    expect(hits(lo.doc)).toEqual(hits(sample.doc));
    // Only the planted overdue (K8, a date typed as text); row 9 (built 2025-12-10) is due soon, not overdue.
    expect(hits(lo.doc).filter((h) => h.endsWith('deadline/overdue'))).toEqual(['K8 deadline/overdue']);
    expect(hits(lo.doc)).toContain('K9 deadline/due-soon');
    const computed = lo.doc.workbooks[0]!.computed.filter((c) => c.row === 9 && c.key === 'acceptanceDue');
    expect(computed.map((c) => c.value)).toEqual(['2026-06-10']);
  });

  test.each(['lo-declaration.xls', 'wps-declaration.et', 'lo-declaration.ods', 'declaration-utf8-bom.csv', 'declaration-gbk.csv'])(
    '%s: the declaration’s findings are the sample’s',
    async (f) => {
      const sample = await findings([path.join(SAMPLES, '01-yeji-declaration.xlsx')]);
      const other = await findings([path.join(FIXTURES, f)]);
      expect(other.err).toBe('');
      expect(other.code).toBe(1);
      const sheet = other.doc.workbooks[0]!.sheets[0]!.name;
      expect(hits(other.doc, 0, sheet)).toEqual(hits(sample.doc, 0, '申报表'));
      expect(other.doc.workbooks[0]!.profile.id).toBe('yeji');
    },
  );

  test.each(['openpyxl-image.xlsx', 'openpyxl-chart.xlsx'])('%s (ExcelJS: “reading anchors”) is checked', async (f) => {
    const r = await findings([path.join(FIXTURES, f)]);
    expect(r.err).toBe('');
    expect(r.doc.errors).toBeUndefined();
    expect(hits(r.doc)).toEqual(expect.arrayContaining(['F7 consistency/funding-sum', 'D9 format/description-length']));
  });

  test('openpyxl 合计 row of formulas without cached results: one finding naming the cells and what to do', async () => {
    const r = await findings([path.join(FIXTURES, 'openpyxl-totals-no-cache.xlsx')]);
    const f = r.doc.workbooks[0]!.findings.filter((x) => x.ruleId === 'format/formula-no-result');
    expect(f).toHaveLength(1);
    expect(f[0]!.cell).toBe('F10');
    expect(f[0]!.message).toContain('F10、G10、H10、I10、J10');
    expect(f[0]!.message).toContain('Excel 或 WPS');
    expect(f[0]!.citation).toContain('附件1《六安市叶集区政务信息化项目申报表》合计');
  });

  describe('a folder: every spreadsheet is checked, every look-alike listed with its reason', () => {
    let folder: string;
    beforeAll(() => {
      folder = path.join(dir, 'batch');
      fs.mkdirSync(path.join(folder, 'sub'), { recursive: true });
      for (const f of fs.readdirSync(FIXTURES)) if (!/\.(py|md)$/.test(f)) fs.copyFileSync(path.join(FIXTURES, f), path.join(folder, f));
      // Upper-case extensions count too.
      fs.copyFileSync(path.join(FIXTURES, 'lo-declaration.xls'), path.join(folder, 'sub', 'UPPER.XLS'));
      fs.writeFileSync(path.join(folder, '~$lo-declaration.xls'), 'lock');
      fs.writeFileSync(path.join(folder, 'report.numbers'), 'PK');
      fs.writeFileSync(path.join(folder, 'binary.xlsb'), 'PK');
      fs.writeFileSync(path.join(folder, 'letter.wps'), 'x');
      fs.writeFileSync(path.join(folder, 'notes.txt'), 'not a spreadsheet: not listed');
    });

    const checkedFiles = [
      'declaration-gbk.csv',
      'declaration-utf8-bom.csv',
      'lo-1904-ledger.xlsx',
      'lo-declaration.ods',
      'lo-declaration.xls',
      'openpyxl-chart.xlsx',
      'openpyxl-image.xlsx',
      'openpyxl-totals-no-cache.xlsx',
      'sub/UPPER.XLS',
      'wps-declaration.et',
    ];
    const listed = ['binary.xlsb', 'letter.wps', 'report.numbers', '~$lo-declaration.xls'];

    test('JSON: the workbooks, and a skipped list with reasons; the listed files do not change the exit code', async () => {
      const r = await findings([folder]);
      expect(r.code).toBe(1);
      expect(r.err).toBe('');
      expect(r.doc.workbooks.map((w) => path.relative(folder, path.resolve(ROOT, w.file)).split(path.sep).join('/')).sort()).toEqual(checkedFiles);
      expect(r.doc.errors).toBeUndefined();
      const skipped = r.doc.skipped!.map((s) => [path.basename(s.file), s.reason]);
      expect(skipped.map((s) => s[0]).sort()).toEqual(listed);
      const why = Object.fromEntries(skipped);
      expect(why['~$lo-declaration.xls']).toMatch(/锁定文件/);
      expect(why['binary.xlsb']).toMatch(/\.xlsb.*另存为 \.xlsx/);
      expect(why['report.numbers']).toMatch(/Numbers/);
      expect(why['letter.wps']).toMatch(/不是表格/);
    });

    test('text and CSV list them too', async () => {
      const text = await runCli([folder, '--as-of', AS_OF], ROOT, AS_OF);
      for (const f of listed) expect(text.out).toMatch(new RegExp(`== .*${f.replace(/[$.]/g, '\\$&')} ==\\n  未检查：`));
      expect(text.out).toMatch(/共 14 个文件（其中 4 个未检查）/);
      const csv = await runCli([folder, '--as-of', AS_OF, '--format', 'csv', '--lang', 'en'], ROOT, AS_OF);
      for (const f of listed) expect(csv.out).toMatch(new RegExp(`${f.replace(/[$.]/g, '\\$&')},,,,warning,cli/not-checked,,"?not checked: `));
    });

    test('a look-alike named explicitly is an unusable input: exit 2 with the reason', async () => {
      const r = await runCli([path.join(folder, 'report.numbers')], ROOT, AS_OF);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/report\.numbers: Apple Numbers/);
    });
  });

  test('a password-protected .xls is refused with the reason; a text file named .xls says what it is', async () => {
    const ole = Buffer.alloc(4096);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole, 0);
    Buffer.from('EncryptedPackage', 'utf16le').copy(ole, 1024);
    fs.writeFileSync(path.join(dir, 'locked.xls'), ole);
    fs.writeFileSync(path.join(dir, 'web.xls'), '<html><table><tr><td>1</td></tr></table></html>');
    const r = await runCli([path.join(dir, 'locked.xls'), path.join(dir, 'web.xls')], ROOT, AS_OF);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/locked\.xls: 工作簿设有打开密码/);
    expect(r.err).toMatch(/web\.xls: 这是文本文件（如网页或 CSV）/);
  });
});
