// Copies lose nothing: each part of an annotated copy compared with the original's, on workbooks from openpyxl and LibreOffice.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { unzipSync } from 'fflate';
import type { JsonDocument } from '../../src/cli/format';
import { dateSerial } from '../../src/cli/copy/marks';
import { runJob } from '../../src/cli/process';
import type { Report } from '../../src/engine/types';
import { load, runCli } from './helpers';

// Generous on purpose: a busy 2-core machine runs this several times slower (speed is measured by `npm run bench`).
jest.setTimeout(120_000);

const AS_OF = '2026-05-20';
const FIXTURES = path.join(__dirname, '../fixtures/copies');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fundcheck-copy-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

type Parts = Record<string, Uint8Array>;
const text = (b: Uint8Array | undefined): string => Buffer.from(b ?? new Uint8Array()).toString('utf8');
const parts = (file: string): Parts => unzipSync(fs.readFileSync(file));

/** Parts the checker may rewrite: the sheets and their relationships, styles, notes, content types. */
const CHANGEABLE = /^(\[Content_Types\]\.xml|xl\/styles\.xml|xl\/worksheets\/sheet\d+\.xml|xl\/worksheets\/_rels\/sheet\d+\.xml\.rels|xl\/comments[^/]*\.xml|xl\/comments\/comment\d+\.xml|xl\/drawings\/[^/]+\.vml)$/;

/** Sheet name → worksheet part, read from the package as a reader would. */
function sheetParts(p: Parts): Map<string, string> {
  const wb = text(p['xl/workbook.xml']);
  const rels = text(p['xl/_rels/workbook.xml.rels']);
  const out = new Map<string, string>();
  for (const m of wb.matchAll(/<sheet\b[^>]*?name="([^"]*)"[^>]*?r:id="([^"]*)"/g)) {
    const rel = new RegExp(`<Relationship\\b[^>]*?(?:Id="${m[2]}"[^>]*?Target="([^"]*)"|Target="([^"]*)"[^>]*?Id="${m[2]}")`).exec(rels);
    const target = (rel?.[1] ?? rel?.[2] ?? '').replace(/^\//, '');
    out.set(m[1]!, target.startsWith('xl/') ? target : `xl/${target}`);
  }
  return out;
}

/** ref → the cell element as written. */
function cells(sheetXml: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of sheetXml.matchAll(/<c\b[^>]*?\br="([A-Z]+\d+)"[^>]*?(?:\/>|>[\s\S]*?<\/c>)/g)) out.set(m[1]!, m[0]);
  return out;
}

const withoutStyle = (cell: string): string => cell.replace(/\ss="\d+"/, '');
const letters = (ref: string): string => ref.replace(/\d+$/, '');

/** The sheet's XML outside sheetData without the elements a copy may add to or change (dimension, cols, merges, note drawing). */
function frame(sheetXml: string): string {
  return sheetXml
    .replace(/<sheetData\b[\s\S]*?<\/sheetData>|<sheetData\b[^>]*\/>/, '')
    .replace(/<dimension\b[^>]*\/>/, '')
    .replace(/<cols\b[\s\S]*?<\/cols>/, '')
    .replace(/<mergeCells\b[\s\S]*?<\/mergeCells>/, '')
    .replace(/<legacyDrawing\b[^>]*\/>/, '');
}

/** Checks one file as the CLI does, writing its copy to `out`; the report says where computed columns went. */
async function checkOne(file: string, out: string): Promise<Report> {
  const r = await runJob({ index: 0, path: file, outPath: out, options: { asOf: AS_OF, profile: 'auto', lang: 'zh' } });
  expect(r.error).toBeUndefined();
  return r.report!;
}

async function check(files: string[], out: string, lang = 'zh'): Promise<JsonDocument> {
  const r = await runCli([...files, '--format', 'json', '--as-of', AS_OF, '--out', out, '--lang', lang], dir, AS_OF);
  expect(r.err).toBe('');
  return JSON.parse(r.out) as JsonDocument;
}

describe.each(['rich.xlsx', 'macro.xlsm', 'libreoffice-1904.xlsx', 'libreoffice-chart.xlsx'])('the annotated copy of %s', (name) => {
  const input = path.join(FIXTURES, name);
  const out = path.join(dir, name.replace(/\W/g, '-'));
  let w: Report;
  let computedCols: { sheet: string; column: string }[];
  let before: Parts;
  let after: Parts;

  beforeAll(async () => {
    w = await checkOne(input, path.join(out, name));
    computedCols = w.sheets.flatMap((sh) => sh.computedColumns.map((c) => ({ sheet: sh.name, column: c.column })));
    before = parts(input);
    after = parts(path.join(out, name));
  });

  test('has marks to compare around', () => {
    expect(w.findings.length).toBeGreaterThan(0);
    expect(computedCols.length).toBeGreaterThan(0);
    expect(w.notices.map((n) => n.id)).not.toContain('cli/copy-drops-parts');
  });

  test('every part the checker does not write is byte for byte the original’s; nothing is dropped; new parts are notes only', () => {
    for (const [part, bytes] of Object.entries(before)) {
      if (part.endsWith('/')) continue;
      expect([part, !!after[part]]).toEqual([part, true]);
      if (!CHANGEABLE.test(part)) expect([part, Buffer.compare(Buffer.from(after[part]!), Buffer.from(bytes))]).toEqual([part, 0]);
    }
    for (const part of Object.keys(after)) if (!before[part]) expect(part).toMatch(CHANGEABLE);
  });

  test('in each sheet, every cell outside the computed columns keeps its XML (marked cells: all but the style index), and so does the rest of the sheet', () => {
    const marked = new Map<string, Set<string>>();
    for (const f of w.findings) if (f.cell) (marked.get(f.sheet) ?? marked.set(f.sheet, new Set()).get(f.sheet)!).add(f.cell);
    const computed = new Map<string, Set<string>>();
    for (const c of computedCols) if (c.column) (computed.get(c.sheet) ?? computed.set(c.sheet, new Set()).get(c.sheet)!).add(c.column);
    for (const [sheet, part] of sheetParts(before)) {
      const a = text(before[part]);
      const b = text(after[part]);
      if (a === b) continue;
      expect(frame(b)).toBe(frame(a));
      const ca = cells(a);
      const cb = cells(b);
      const merges = [...a.matchAll(/<mergeCell\b[^>]*ref="([^"]+)"/g)].map((m) => m[1]!);
      for (const m of merges) expect(b).toContain(`ref="${m}"`);
      for (const [ref, el] of ca) {
        if (computed.get(sheet)?.has(letters(ref))) continue;
        const got = cb.get(ref);
        // A finding inside a merge is marked on the merge's first cell.
        const isMarked = marked.get(sheet)?.has(ref) || merges.some((m) => m.startsWith(`${ref}:`));
        expect([ref, isMarked ? withoutStyle(got ?? '') : got]).toEqual([ref, isMarked ? withoutStyle(el) : el]);
      }
    }
  });

  test('styles: the original formats, fonts, borders and fills stay where they were; ours are appended', () => {
    const a = text(before['xl/styles.xml']);
    const b = text(after['xl/styles.xml']);
    for (const block of ['fonts', 'borders', 'cellStyleXfs', 'cellStyles', 'dxfs']) {
      const re = new RegExp(`<${block}\\b[\\s\\S]*?</${block}>`);
      expect(re.exec(b)?.[0]).toBe(re.exec(a)?.[0]);
    }
    for (const block of ['cellXfs', 'fills']) {
      const inner = (s: string) => new RegExp(`<${block}\\b[^>]*>([\\s\\S]*?)</${block}>`).exec(s)?.[1] ?? '';
      expect(inner(b).startsWith(inner(a))).toBe(true);
    }
  });

  test('content types keep every original entry', () => {
    const b = text(after['[Content_Types].xml']);
    for (const m of text(before['[Content_Types].xml']).matchAll(/<(?:Default|Override)\b[^>]*\/>/g)) expect(b).toContain(m[0]);
  });

  test('re-checking the copy changes nothing further: every part of the second copy is the first copy’s', async () => {
    const again = path.join(dir, `${name.replace(/\W/g, '-')}-again`);
    const w2 = await checkOne(path.join(out, name), path.join(again, name));
    expect(w2.findings.map((f) => [f.cell, f.ruleId])).toEqual(w.findings.map((f) => [f.cell, f.ruleId]));
    const second = parts(path.join(again, name));
    expect(Object.keys(second).sort()).toEqual(Object.keys(after).sort());
    for (const [part, bytes] of Object.entries(after)) expect([part, text(second[part])]).toEqual([part, text(bytes)]);
  });
});

describe('what each fixture’s copy must keep', () => {
  const out = path.join(dir, 'each');
  beforeAll(async () => {
    await check(['rich.xlsx', 'macro.xlsm', 'libreoffice-1904.xlsx'].map((f) => path.join(FIXTURES, f)), out);
  });

  test('an .xlsm copy stays .xlsm: macro-enabled content type, vbaProject.bin and its relationship kept', () => {
    const p = parts(path.join(out, 'macro.xlsm'));
    expect(text(p['[Content_Types].xml'])).toContain('application/vnd.ms-excel.sheet.macroEnabled.main+xml');
    expect(Buffer.compare(Buffer.from(p['xl/vbaProject.bin']!), Buffer.from(parts(path.join(FIXTURES, 'macro.xlsm'))['xl/vbaProject.bin']!))).toBe(0);
    expect(text(p['xl/_rels/workbook.xml.rels'])).toContain('vbaProject.bin');
  });

  test('the 1904 flag is kept and computed dates are written as 1904 serials', async () => {
    const p = parts(path.join(out, 'libreoffice-1904.xlsx'));
    expect(text(p['xl/workbook.xml'])).toMatch(/date1904="(true|1)"/);
    const w = await checkOne(path.join(FIXTURES, 'libreoffice-1904.xlsx'), path.join(dir, 'again-1904.xlsx'));
    const sheet = w.sheets.find((sh) => sh.computedColumns.some((c) => c.type === 'date' && c.column && c.rows.length))!;
    const date = sheet.computedColumns.find((c) => c.type === 'date' && c.column && c.rows.length)!;
    const sheetXml = text(p[sheetParts(p).get(sheet.name)!]);
    const cell = cells(sheetXml).get(`${date.column}${date.rows[0]}`)!;
    expect(Number(/<v>([^<]+)<\/v>/.exec(cell)![1])).toBe(dateSerial(date.values[0]!, true));
  });

  test('user notes are kept: the one on a marked cell above ours, the other untouched; chart, image, pivot, link, custom properties there', () => {
    const p = parts(path.join(out, 'rich.xlsx'));
    const sheet = sheetParts(p).get('申报表')!;
    const rels = text(p[sheet.replace('worksheets/', 'worksheets/_rels/') + '.rels']);
    const target = /Type="[^"]*\/comments"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Type="[^"]*\/comments"/.exec(rels)!;
    const t = target[1] ?? target[2]!;
    const commentsPart = t.startsWith('/') ? t.slice(1) : path.posix.normalize(path.posix.join('xl/worksheets', t));
    const comments = text(p[commentsPart]);
    const plain = (ref: string) =>
      [...(new RegExp(`<comment ref="${ref}"[\\s\\S]*?</comment>`).exec(comments)?.[0] ?? '').matchAll(/<t\b[^>]*>([\s\S]*?)<\/t>/g)].map((m) => m[1]).join('');
    expect(plain('F7')).toMatch(/^(张三:\n)?经办人：资金来源待财政局确认\n\n【fundcheck 资金规则检查】\n/);
    expect(plain('B5')).toMatch(/单位全称以公章为准$/);
    expect(plain('B5')).not.toContain('fundcheck');
    for (const part of ['xl/charts/chart1.xml', 'xl/media/image1.png', 'xl/pivotTables/pivotTable1.xml', 'xl/externalLinks/externalLink1.xml', 'docProps/custom.xml', 'xl/theme/theme1.xml']) {
      expect([part, !!p[part]]).toEqual([part, true]);
    }
    expect(text(p['xl/workbook.xml'])).toContain('项目投资合计');
  });

  test('computed columns: the last column’s header style across both header rows (merged), its data style, a width to fit, dates as dates', async () => {
    const p = parts(path.join(out, 'rich.xlsx'));
    const xml = text(p[sheetParts(p).get('申报表')!]);
    const c = cells(xml);
    const s = (ref: string) => Number(/\ss="(\d+)"/.exec(c.get(ref) ?? '')?.[1] ?? 0);
    // 申报表: header rows 3–4 (merged per column), last table column O; computed columns from P.
    expect(xml).toContain('<mergeCell ref="P3:P4"/>');
    expect(c.get('P3')).toContain('（自动）');
    expect(s('P3')).toBe(s('O3'));
    expect(s('P4')).toBe(s('O4'));
    const xfs = [...(/<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(text(p['xl/styles.xml']))![1]!.matchAll(/<xf\b[^>]*>/g))].map((m) => m[0]);
    const font = (i: number) => /fontId="(\d+)"/.exec(xfs[i]!)?.[1];
    const border = (i: number) => /borderId="(\d+)"/.exec(xfs[i]!)?.[1];
    expect([font(s('P5')), border(s('P5'))]).toEqual([font(s('O5')), border(s('O5'))]);
    const width = /<col\b[^>]*min="16"[^>]*max="16"[^>]*width="([\d.]+)"/.exec(xml) ?? /<col\b[^>]*width="([\d.]+)"[^>]*min="16"/.exec(xml);
    expect(Number(width![1])).toBeGreaterThanOrEqual(12);
    // Dates: a number under a format whose code is yyyy-mm-dd (ExcelJS cannot open openpyxl's image anchors, so read the XML).
    const styles = text(p['xl/styles.xml']);
    const fmtId = /<numFmt\b(?=[^>]*formatCode="yyyy-mm-dd")[^>]*numFmtId="(\d+)"/.exec(styles)?.[1];
    let dates = 0;
    for (const [ref, el] of c) {
      if (!/^[P-Z]5$/.test(ref) || !/<v>\d+<\/v>/.test(el)) continue;
      dates++;
      expect(xfs[s(ref)]).toContain(`numFmtId="${fmtId}"`);
    }
    expect(dates).toBeGreaterThan(0);
  });
});

describe('inputs that cannot be patched get an .xlsx copy built from their values, and say what it lacks', () => {
  const inputs = ['declaration.xls', 'declaration.ods', 'declaration.csv'].map((f) => path.join(FIXTURES, f));

  test.each(['zh', 'en'])('%s', async (lang) => {
    const out = path.join(dir, `rebuilt-${lang}`);
    const doc = await check(inputs, out, lang);
    const copies = fs.readdirSync(out).sort();
    expect(copies).toHaveLength(3);
    for (const c of copies) expect(c).toMatch(/\.xlsx$/);
    for (const w of doc.workbooks) {
      const notice = w.notices.find((n) => n.id === 'cli/copy-rebuilt')!;
      expect(notice.message).toMatch(lang === 'zh' ? /不含原文件的字体.*公式/ : /not the original's fonts.*formulas/);
    }
    const wb = await load(path.join(out, copies[0]!));
    const ws = wb.worksheets[0]!;
    expect(ws.getCell('C5').value).toBe('叶集区政务云平台扩容项目');
    expect(String(ws.getCell('P3').value ?? ws.getCell('P4').value)).toContain('（自动）');
    const findings = doc.workbooks[0]!.findings.filter((f) => f.cell);
    expect(findings.length).toBeGreaterThan(0);
    const marked = ws.getCell(findings[0]!.cell);
    expect(marked.isMerged ? true : (marked.fill as { pattern?: string } | undefined)?.pattern).toBeTruthy();
  });
});
