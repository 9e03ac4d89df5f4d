// No data lost: the command never writes to its inputs, refuses an --out that would overwrite one (by any path), and
// its annotated copy of a hostile workbook keeps every value, formula, merge, format and style but the marks it adds.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import type { JsonDocument, JsonWorkbook } from '../../src/cli/format';
import { COMPUTED_HEADER_MARKER } from '../../src/engine/types';
import { FORMULA_LIKE_TEXT, LEDGER_HEADERS, LONG_TEXT, goodWorkbook, ledgerRow, writeHostileWorkbook } from '../support/hostile';
import { readZip } from '../support/zip';
import { compareWorkbooks, load, noteString, runCli, sha256 } from './helpers';

const AS_OF = '2026-05-20';
jest.setTimeout(60_000);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fundcheck-integrity-'));
const inDir = path.join(dir, 'in');
const hostile = path.join(inDir, 'hostile.xlsx');
const good = path.join(inDir, 'sub', 'good.xlsx');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const run = (args: string[], cwd = dir) => runCli(args, cwd, AS_OF);

/** sha256 and mtime of every file under the input folder. */
function fingerprint(): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) out.set(path.relative(inDir, p), `${sha256(p)} ${fs.statSync(p).mtimeMs}`);
    }
  };
  walk(inDir);
  return out;
}

beforeAll(async () => {
  fs.mkdirSync(path.join(inDir, 'sub'), { recursive: true });
  await writeHostileWorkbook(hostile);
  fs.writeFileSync(good, await goodWorkbook());
});

describe('the inputs are never written', () => {
  let before: Map<string, string>;
  beforeAll(() => {
    before = fingerprint();
  });
  afterEach(() => {
    // Only files the runs were asked to create may be new; every input keeps its bytes and its mtime.
    const now = fingerprint();
    for (const [f, h] of before) expect([f, now.get(f)]).toEqual([f, h]);
  });

  test.each([
    ['text', ['in']],
    ['json', ['in', '--format', 'json']],
    ['csv, English', ['in', '--format', 'csv', '--lang', 'en']],
    ['--out elsewhere', ['in', '--out', 'out-elsewhere']],
    ['each file named twice, by two spellings', ['in/hostile.xlsx', './in/../in/hostile.xlsx', 'in', '--out', 'out-twice']],
  ])('%s', async (_name, args) => {
    const r = await run([...args, '--as-of', AS_OF]);
    expect(r.code).toBe(1);
    // Problems go to stdout; stderr is for unusable files only, and never carries cell contents.
    expect(r.err).toBe('');
  });

  test('--out inside the input folder: copies are written beside, the inputs untouched', async () => {
    const r = await run(['in', '--out', 'in/annotated', '--as-of', AS_OF]);
    expect(r.code).toBe(1);
    expect(fs.existsSync(path.join(inDir, 'annotated', 'hostile.xlsx'))).toBe(true);
    expect(fs.existsSync(path.join(inDir, 'annotated', 'sub', 'good.xlsx'))).toBe(true);
    fs.rmSync(path.join(inDir, 'annotated'), { recursive: true });
  });

  test.each([
    ['the input folder itself', ['in', '--out', 'in']],
    ['the input folder by another spelling', ['in', '--out', './in/../in/']],
    ['a single file’s own folder', ['in/hostile.xlsx', '--out', 'in']],
    ['a nested input’s folder', ['in/sub/good.xlsx', '--out', 'in/sub']],
  ])('--out that is %s is refused with exit 2, one line, nothing written', async (_name, args) => {
    const r = await run([...args, '--as-of', AS_OF]);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/^fundcheck: .*覆盖输入文件.*\n$/);
  });

  test('--out through a symlink to the input folder is refused', async () => {
    fs.symlinkSync(inDir, path.join(dir, 'link-to-in'), 'dir');
    const r = await run(['in', '--out', 'link-to-in', '--as-of', AS_OF]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/覆盖输入文件/);
  });

  test('an --out file that is a symlink to an input is refused', async () => {
    const out = path.join(dir, 'out-symlink');
    fs.mkdirSync(out);
    fs.symlinkSync(hostile, path.join(out, 'hostile.xlsx'));
    const r = await run(['in/hostile.xlsx', '--out', 'out-symlink', '--as-of', AS_OF]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/覆盖输入文件/);
  });

  test('an --out file that is a hard link to an input: the copy replaces the link, the input keeps its bytes', async () => {
    const out = path.join(dir, 'out-hardlink');
    fs.mkdirSync(out);
    fs.linkSync(hostile, path.join(out, 'hostile.xlsx'));
    const r = await run(['in/hostile.xlsx', '--out', 'out-hardlink', '--as-of', AS_OF]);
    expect(r.code).toBe(1);
    expect(fs.statSync(path.join(out, 'hostile.xlsx')).ino).not.toBe(fs.statSync(hostile).ino);
  });

  test('a failed write leaves no partial copy and no temp file, and the input untouched', async () => {
    // The copy's folder exists as a file: the write must fail cleanly.
    const out = path.join(dir, 'out-blocked');
    fs.mkdirSync(out);
    fs.writeFileSync(path.join(out, 'sub'), 'a file where a folder is needed');
    const r = await run(['in', '--out', 'out-blocked', '--as-of', AS_OF]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^fundcheck: in\/sub\/good\.xlsx: 无法写出标注副本（.+）\n$/);
    expect(fs.readdirSync(out).sort()).toEqual(['hostile.xlsx', 'sub']);
  });
});

/** The default font (id 0) ExcelJS writes, as it reads it back and as its XML. */
const DEFAULT_FONT = JSON.stringify({ color: { theme: 1 }, family: 2, scheme: 'minor', size: 11, name: 'Calibri' });
const DEFAULT_FONT_XML = '<font><color theme="1"/><family val="2"/><scheme val="minor"/><sz val="11"/><name val="Calibri"/></font>';

function defaultFontOf(file: string): string {
  const styles = readZip(fs.readFileSync(file)).find((p) => p.name === 'xl/styles.xml')!.data.toString('utf8');
  return /<font>.*?<\/font>/.exec(styles)![0];
}

describe('the annotated copy of a hostile workbook', () => {
  const outDir = path.join(dir, 'copy');
  let doc: JsonDocument;
  let w: JsonWorkbook;
  let before: ExcelJS.Workbook;
  let after: ExcelJS.Workbook;

  beforeAll(async () => {
    const r = await run(['in/hostile.xlsx', '--format', 'json', '--out', 'copy', '--as-of', AS_OF]);
    expect(r.code).toBe(1);
    doc = JSON.parse(r.out) as JsonDocument;
    w = doc.workbooks[0]!;
    before = await load(hostile);
    after = await load(path.join(outDir, 'hostile.xlsx'));
  });

  test('the planted problems were found, so the copy really has marks to compare around', () => {
    const cells = w.findings.map((f) => `${f.ruleId}@${f.cell}`);
    expect(cells).toEqual(expect.arrayContaining(['format/description-length@D3', 'format/negative-amount@F4', 'format/phone@M5']));
    expect(w.sheets.find((s) => s.name === '申报表')!.kind).toBe('declaration');
  });

  test('every cell keeps value, formula, shared formula, cached result, number format and style; only marked cells change fill and note; merges, hidden rows/columns, widths and heights kept', () => {
    const marked = new Set<string>();
    for (const f of w.findings) {
      if (f.row <= 0) continue;
      let addr = f.cell;
      if (!addr) {
        // Row-level findings go on the row's first recognised column.
        const letters = Object.values(w.sheets.find((s) => s.name === f.sheet)!.columns).sort((a, b) => a.length - b.length || (a < b ? -1 : 1));
        addr = `${letters[0]}${f.row}`;
      }
      const c = before.getWorksheet(f.sheet)!.getCell(addr);
      marked.add(`${f.sheet}!${c.isMerged ? c.master.address : addr}`);
    }
    const computed = new Map<string, Set<number>>();
    for (const sh of w.sheets) {
      const set = new Set<number>();
      if (sh.headerRow) {
        after.getWorksheet(sh.name)!.getRow(sh.headerRow).eachCell((cell, n) => {
          if (typeof cell.value === 'string' && cell.value.endsWith(COMPUTED_HEADER_MARKER)) set.add(n);
        });
      }
      computed.set(sh.name, set);
    }
    const { changes } = compareWorkbooks(before, after, marked, computed);
    // A marked cell that had no style of its own now has one (for its fill), which ExcelJS reads back with the default
    // font and an empty border spelled out: font id 0 and no border, exactly what the cell showed before.
    const spelledOutDefault = (c: string) =>
      [...marked].some((m) => c.startsWith(`${m} `)) && (c.endsWith(` font: null → ${DEFAULT_FONT}`) || c.endsWith(' border: null → {}'));
    expect(defaultFontOf(hostile)).toBe(DEFAULT_FONT_XML);
    expect(changes.filter((c) => !spelledOutDefault(c))).toEqual([]);
    // The marks themselves: fill and a note starting with the checker's marker, the user's note kept above it.
    const f4 = after.getWorksheet('申报表')!.getCell('F4');
    expect((f4.fill as ExcelJS.FillPattern).pattern).toBe('solid');
    expect(noteString(f4.note)).toMatch(/^经办人：金额待确认\n\n【fundcheck 资金规则检查】\n/);
  });

  test('text starting with = + - @ stays text in the copy (never turned into a formula)', async () => {
    const ws = after.getWorksheet('申报表')!;
    for (const [addr, text] of Object.entries(FORMULA_LIKE_TEXT)) {
      const c = ws.getCell(addr);
      expect([addr, c.type, c.value, c.formula]).toEqual([addr, ExcelJS.ValueType.String, text, undefined]);
    }
    expect(after.getWorksheet('下拉选项')!.getCell('A3').value).toBe('=不是公式');
    // And in the file itself: those cells carry no <f> element.
    const sheetXml = readZip(fs.readFileSync(path.join(outDir, 'hostile.xlsx')))
      .find((p) => p.name === 'xl/worksheets/sheet1.xml')!
      .data.toString('utf8');
    for (const addr of Object.keys(FORMULA_LIKE_TEXT)) {
      const cell = new RegExp(`<c r="${addr}"[^>]*>(.*?)</c>`).exec(sheetXml);
      expect([addr, cell?.[1]?.includes('<f>')]).toEqual([addr, false]);
    }
  });

  test('the 20,000-character description is kept whole', () => {
    expect(after.getWorksheet('申报表')!.getCell('D3').value).toBe(LONG_TEXT);
  });

  test('formulas keep their text and cached results; the one without a result still has none', () => {
    const ws = after.getWorksheet('申报表')!;
    expect(ws.getCell('F9').formula).toBe('SUM(F3:F8)');
    expect(ws.getCell('F9').result).toBe(595);
    expect(ws.getCell('H9').formula).toBe('SUM(H3:H8)');
    expect(ws.getCell('H9').result).toBeUndefined();
    expect(ws.getCell('J9').result).toEqual({ error: '#DIV/0!' });
    expect(ws.getCell('G5').formula).toBe('F5-I5');
  });

  test('data validation, conditional formatting, defined names, frozen panes, auto-filter, hidden sheet, rich text and hyperlinks kept', () => {
    const a = before.getWorksheet('申报表')!;
    const b = after.getWorksheet('申报表')!;
    expect(b.getCell('E3').dataValidation).toEqual(a.getCell('E3').dataValidation);
    expect(b.getCell('F5').dataValidation).toEqual(a.getCell('F5').dataValidation);
    expect(b.getCell('E3').dataValidation.type).toBe('list');
    // Not in ExcelJS's typings, but the model it reads and writes.
    const cf = (x: ExcelJS.Worksheet) => (x as unknown as { conditionalFormattings: unknown[] }).conditionalFormattings;
    expect(JSON.stringify(cf(b))).toBe(JSON.stringify(cf(a)));
    expect(cf(a)).toHaveLength(1);
    expect(after.definedNames.model).toEqual(before.definedNames.model);
    expect(b.views).toEqual(a.views);
    expect(b.autoFilter).toEqual(a.autoFilter);
    expect(after.getWorksheet('下拉选项')!.state).toBe('hidden');
    expect(b.getCell('N4').value).toEqual(a.getCell('N4').value);
    expect(b.getCell('N5').value).toEqual({ text: 'mail', hyperlink: 'mailto:lina@example.gov.cn' });
    expect(after.creator).toBe(before.creator);
  });

  test('re-checking the copy finds the same problems and changes nothing further outside its own marks', async () => {
    const r = await run(['copy/hostile.xlsx', '--format', 'json', '--out', 'copy2', '--as-of', AS_OF]);
    const w2 = (JSON.parse(r.out) as JsonDocument).workbooks[0]!;
    expect(w2.findings.map((f) => `${f.ruleId}@${f.cell}`)).toEqual(w.findings.map((f) => `${f.ruleId}@${f.cell}`));
    const again = await load(path.join(dir, 'copy2', 'hostile.xlsx'));
    // Computed columns may move (one the first run left to the user's data goes further right); nothing else may.
    const computed = new Map<string, Set<number>>();
    for (const sh of w2.sheets) {
      const set = new Set<number>();
      if (sh.headerRow) {
        again.getWorksheet(sh.name)!.getRow(sh.headerRow).eachCell((cell, n) => {
          if (typeof cell.value === 'string' && cell.value.endsWith(COMPUTED_HEADER_MARKER)) set.add(n);
        });
      }
      computed.set(sh.name, set);
    }
    const { changes } = compareWorkbooks(after, again, new Set(), computed);
    expect(changes).toEqual([]);
    // The user's date beside the table (P3, under no header) is still there after both runs.
    expect(again.getWorksheet('申报表')!.getCell('P3').value).toEqual(new Date(Date.UTC(2026, 9, 9)));
  });
});

/** RFC 4180 fields of a CSV document (quoted fields may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

describe('csv output never hands Excel a formula', () => {
  test('sheet names, file names and cell text starting with = + - @ come out neutralised', async () => {
    const folder = path.join(dir, 'csv');
    fs.mkdirSync(folder);
    const wb = new ExcelJS.Workbook();
    for (const name of ['=HYPERLINK("x.example","a")', '+1', '-2', '@3']) {
      const ws = wb.addWorksheet(name);
      ws.addRow(['序号', '建设单位', '项目名称', '项目简要说明及建设依据', '建设年度', '项目投资（万元）', '财政资金（万元）', '联系电话']);
      ws.addRow([1, '=1+1', '=cmd|\' /C calc\'!A0', '-说明', '@2027年', -5, '+100', '=2+3']);
    }
    await wb.xlsx.writeFile(path.join(folder, '=cmd.xlsx'));
    // Run from inside the folder, so the file column itself starts with '='.
    const r = await run(['=cmd.xlsx', '--format', 'csv', '--as-of', AS_OF], folder);
    expect(r.code).toBe(1);
    expect(r.out.startsWith('\uFEFF')).toBe(true);
    const rows = parseCsv(r.out.slice(1));
    const records = rows.slice(1).filter((x) => x.length > 1);
    // Every sheet produced findings, so the sheet column really carries the hostile names.
    expect(new Set(records.map((x) => x[1]))).toEqual(new Set(["'=HYPERLINK(\"x.example\",\"a\")", "'+1", "'-2", "'@3", '']));
    expect(new Set(records.map((x) => x[0]))).toEqual(new Set(["'=cmd.xlsx"]));
    for (const rec of rows) for (const field of rec) expect([field, /^[=+\-@\t\r]/.test(field)]).toEqual([field, false]);
  });
});

describe('computed columns never take the place of what the user wrote', () => {
  test('notes typed right of the table (no header above them) survive in the copy, in rows with and without computed values', async () => {
    const folder = path.join(dir, 'beside');
    fs.mkdirSync(folder);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('进度台账');
    ws.addRow(['武隆区政务信息化项目进度台账']);
    ws.addRow(LEDGER_HEADERS);
    for (let i = 1; i <= 4; i++) ws.addRow(ledgerRow(i));
    // Row 6 has no dates at all: no computed value there, so an earlier-run clean-up would be tempted to clear it.
    for (let c = 6; c <= 13; c++) ws.getCell(6, c).value = null;
    const notes: Record<string, string> = { P3: '用户在表外的备注', Q4: '=不是公式', R5: '另一条备注', P6: '无日期行的备注', S3: '更远的备注' };
    for (const [a, v] of Object.entries(notes)) ws.getCell(a).value = v;
    // A header cell the user filled right of the table: the column under it is theirs.
    await wb.xlsx.writeFile(path.join(folder, 'ledger.xlsx'));
    const r = await run(['beside/ledger.xlsx', '--format', 'json', '--out', 'beside-out', '--as-of', AS_OF]);
    const w = (JSON.parse(r.out) as JsonDocument).workbooks[0]!;
    expect(w.computed.length).toBeGreaterThan(0);
    const copy = (await load(path.join(dir, 'beside-out', 'ledger.xlsx'))).getWorksheet('进度台账')!;
    for (const [a, v] of Object.entries(notes)) expect([a, copy.getCell(a).value]).toEqual([a, v]);
  });

  test('a column headed by the user right of the table keeps every value under it', async () => {
    const folder = path.join(dir, 'headed');
    fs.mkdirSync(folder);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('进度台账');
    ws.addRow(['武隆区政务信息化项目进度台账']);
    ws.addRow(LEDGER_HEADERS);
    for (let i = 1; i <= 3; i++) ws.addRow(ledgerRow(i));
    // The user's own column exactly where the first computed column would otherwise go (right of the table).
    const col = ws.getColumn(LEDGER_HEADERS.length + 1).letter;
    ws.getCell(`${col}2`).value = '我的列';
    for (let r = 3; r <= 5; r++) ws.getCell(`${col}${r}`).value = `我的值${r}`;
    await wb.xlsx.writeFile(path.join(folder, 'ledger.xlsx'));
    const r = await run(['headed/ledger.xlsx', '--format', 'json', '--out', 'headed-out', '--as-of', AS_OF]);
    expect((JSON.parse(r.out) as JsonDocument).workbooks[0]!.computed.length).toBeGreaterThan(0);
    const copy = (await load(path.join(dir, 'headed-out', 'ledger.xlsx'))).getWorksheet('进度台账')!;
    expect(copy.getCell(`${col}2`).value).toBe('我的列');
    for (let row = 3; row <= 5; row++) expect(copy.getCell(`${col}${row}`).value).toBe(`我的值${row}`);
  });
});
