// The fast .xlsx/.xlsm reader (src/cli/xlsx-fast.ts) gives exactly SheetJS's snapshot, on a corpus and on random workbooks.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as XLSX from '@e965/xlsx';
import fc from 'fast-check';
import { PARSE_OPTIONS, readSpreadsheet, snapshotSheetJsWorkbook } from '../../src/cli/read';
import { readXlsxFast } from '../../src/cli/xlsx-fast';
import { declarationSnapshot, progressSnapshot } from '../../src/bench/inputs';
import { writeDeclarationXlsx, writeSnapshotXlsx } from '../../src/bench/xlsx';
import { goodWorkbook, malformedFiles, realWorkbookParts, renamedSheetPart, withPart, writeHostileWorkbook } from '../support/hostile';
import { makeZip } from '../support/zip';

// Generous on purpose: a busy 2-core machine runs this several times slower. No assertion here is about speed.
jest.setTimeout(300_000);

const ROOT = path.join(__dirname, '../..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fundcheck-fast-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const OPTIONS: XLSX.ParsingOptions = PARSE_OPTIONS;
const sheetjs = (b: Uint8Array): XLSX.WorkBook => XLSX.read(Buffer.from(b.buffer, b.byteOffset, b.length), { ...OPTIONS, type: 'buffer' });

type Outcome = { ok: Awaited<ReturnType<typeof readSpreadsheet>> } | { error: string };
async function outcome(file: string, fast: boolean): Promise<Outcome> {
  try {
    return { ok: await readSpreadsheet(file, { fast }) };
  } catch (e) {
    return { error: (e as Error).message };
  }
}

/** Both readers on one file: deep-equal results (or the same error); `fastPath` says the fast reader itself answered. */
async function expectSame(file: string, fastPath: boolean): Promise<void> {
  const fast = await outcome(file, true);
  const slow = await outcome(file, false);
  expect(fast).toStrictEqual(slow);
  if (fastPath) expect(readXlsxFast(fs.readFileSync(file), sheetjs)).not.toBeNull();
}

function list(folder: string): string[] {
  return fs
    .readdirSync(folder)
    .filter((f) => /\.xls[xm]$/i.test(f))
    .map((f) => path.join(folder, f));
}

describe('the fast reader equals SheetJS on the corpus', () => {
  const files = [...list(path.join(ROOT, 'assets/samples')), ...list(path.join(ROOT, 'tests/fixtures/other-tools')), ...list(path.join(ROOT, 'tests/fixtures/copies'))];
  it.each(files.map((f) => [path.relative(ROOT, f)]))('%s', async (rel) => {
    await expectSame(path.join(ROOT, rel), true);
  });

  it('the hostile workbook, the good workbook and a sheet under an unusual part name', async () => {
    const hostile = path.join(dir, 'hostile.xlsx');
    await writeHostileWorkbook(hostile);
    await expectSame(hostile, true);
    const good = path.join(dir, 'good.xlsx');
    fs.writeFileSync(good, await goodWorkbook());
    await expectSame(good, true);
    const renamed = path.join(dir, 'renamed.xlsx');
    fs.writeFileSync(renamed, renamedSheetPart(realWorkbookParts()));
    await expectSame(renamed, true);
    const real = path.join(dir, 'real.xlsm');
    fs.writeFileSync(real, makeZip(realWorkbookParts()));
    await expectSame(real, true);
  });

  it('bench-generated declarations and ledgers of a few sizes', async () => {
    for (const rows of [1, 50, 2_000, 12_000]) {
      const file = path.join(dir, `decl-${rows}.xlsx`);
      await writeDeclarationXlsx(rows, file, rows);
      await expectSame(file, true);
    }
    const ledger = path.join(dir, 'ledger.xlsx');
    await writeSnapshotXlsx(progressSnapshot(3_000, 5), ledger, 3);
    await expectSame(ledger, true);
    expect(declarationSnapshot(1).sheets.length).toBeGreaterThan(0);
  });

  it('damaged and unusual packages: the same snapshot or the same refusal', async () => {
    for (const m of malformedFiles()) {
      if (m.sparseSize !== undefined || /^bomb-/.test(m.file)) continue; // preflight refuses these before any reading
      const file = path.join(dir, m.file);
      fs.writeFileSync(file, m.data);
      await expectSame(file, false);
    }
    // Damaged after a complete <sheetData> (the cells read, the part refused), and a sheet XML with a DTD but no entity.
    const parts = realWorkbookParts();
    const cases: [string, Buffer][] = [
      ['sheet-end-cut.xlsx', withPart(parts, 'xl/worksheets/sheet1.xml', (x) => x.replace('</worksheet>', ''))],
      ['strings-end-cut.xlsx', withPart(parts, 'xl/sharedStrings.xml', (x) => x.replace(/<\/sst>$/, ''))],
      ['strings-index-out-of-range.xlsx', withPart(parts, 'xl/worksheets/sheet1.xml', (x) => x.replace('<v>3</v>', '<v>99</v>'))],
      ['strings-missing.xlsx', withPart(parts, 'xl/sharedStrings.xml', () => null)],
      ['sheet-prefixed.xlsx', withPart(parts, 'xl/worksheets/sheet1.xml', (x) => x.replace(/<(\/?)(row|c|v)\b/g, '<$1x:$2').replace('<worksheet ', '<worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '))],
    ];
    for (const [name, data] of cases) {
      const file = path.join(dir, name);
      fs.writeFileSync(file, data);
      await expectSame(file, false);
    }
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Random workbooks written by a tiny writer: every cell type, entities and _xHHHH_ escapes, rich and phonetic runs,
// shared formulas, hidden rows and columns, merges, custom number formats, the 1904 flag, hidden sheets.

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const RNS = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** Escaped text pieces (as they would stand in the XML), including the ones SheetJS decodes in its own way. */
const TEXT = fc
  .array(
    fc.constantFrom('a', 'Z', '1', ' ', '中', '项目', '😀', '&amp;', '&lt;', '&gt;', '&quot;', "'", '"', '>', '&#x4E2D;', '&#20013;', '&#65;', '&AMP;', '_x000D_', '_x0041_', '_x4e2d_', '_', '\r\n', '\n', '\t', '=', '-'),
    { maxLength: 8 },
  )
  .map((a) => a.join(''));

const CELL = fc.oneof(
  fc.record({ kind: fc.constant('n' as const), v: fc.oneof(fc.integer({ min: -1e6, max: 1e6 }).map(String), fc.double({ noNaN: true, noDefaultInfinity: true }).map(String), fc.constantFrom('1e5', '0.1', '-0', '46000', '45000.5')) }),
  fc.record({ kind: fc.constant('s' as const), i: fc.nat(20) }),
  fc.record({ kind: fc.constant('str' as const), v: fc.option(TEXT), f: fc.constantFrom('A1&"x"', 'TEXT(1,"0")', '_xlfn.CONCAT("a","b")') }),
  fc.record({ kind: fc.constant('inline' as const), v: TEXT, rich: fc.boolean() }),
  fc.record({ kind: fc.constant('b' as const), v: fc.constantFrom('0', '1', 'true', 'false', 'x') }),
  fc.record({ kind: fc.constant('e' as const), v: fc.constantFrom('#N/A', '#DIV/0!', '#REF!', '#NAME?', '#SPILL!', '#VALUE!') }),
  fc.record({ kind: fc.constant('formula' as const), f: fc.constantFrom('SUM(A1:B2)', 'A1*2', '$A$1+B$2', 'IF(A1>0,"y","n")'), v: fc.option(fc.integer().map(String)) }),
  fc.record({ kind: fc.constant('shared' as const), f: fc.constantFrom('A1*2', '$A1+B$1', 'SUM(A1:A3)'), down: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ kind: fc.constant('empty' as const), v: fc.constantFrom('', '<v></v>', '<v/>') }),
);

const SHEET = fc.record({
  name: fc.constantFrom('申报表', 'Sheet 1', '进度'),
  rows: fc.array(fc.record({ r: fc.integer({ min: 1, max: 30 }), hidden: fc.constantFrom(undefined, '1', 'true', '0'), ht: fc.boolean(), cells: fc.array(fc.tuple(fc.integer({ min: 0, max: 8 }), CELL, fc.nat(4)), { maxLength: 6 }) }), { maxLength: 12 }),
  hiddenCols: fc.array(fc.tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 0, max: 2 }), fc.constantFrom('1', 'true', '0')), { maxLength: 2 }),
  merges: fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 2 })), { maxLength: 2 }),
  state: fc.constantFrom(undefined, 'hidden', 'veryHidden'),
  sep: fc.constantFrom('', '\n', '\r\n  '),
});

const col = (c: number): string => String.fromCharCode(65 + c);

type SheetSpec = typeof SHEET extends fc.Arbitrary<infer T> ? T : never;
type WorkbookSpec = typeof WORKBOOK extends fc.Arbitrary<infer T> ? T : never;

function sheetXml(sh: SheetSpec): string {
  const rows = [...new Map(sh.rows.map((r) => [r.r, r])).values()].sort((a, b) => a.r - b.r);
  let si = 0;
  let out = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet ${NS} ${RNS}><dimension ref="A1"/>`;
  if (sh.hiddenCols.length) out += '<cols>' + sh.hiddenCols.map(([min, span, h]) => `<col min="${min}" max="${min + span}" width="9" hidden="${h}"/>`).join('') + '</cols>';
  out += '<sheetData>';
  const taken = new Set<string>();
  for (const row of rows) {
    const attrs = ` r="${row.r}"` + (row.ht ? ' ht="20" customHeight="1"' : '') + (row.hidden !== undefined ? ` hidden="${row.hidden}"` : '');
    const cells = [...new Map(row.cells.map((c) => [c[0], c])).values()].sort((a, b) => a[0] - b[0]);
    if (cells.length === 0) {
      out += `<row${attrs}/>` + sh.sep;
      continue;
    }
    out += `<row${attrs}>`;
    for (const [c, cell, style] of cells) {
      const ref = `${col(c)}${row.r}`;
      taken.add(ref);
      const s = style ? ` s="${style}"` : '';
      switch (cell.kind) {
        case 'n':
          out += `<c r="${ref}"${s}><v>${cell.v}</v></c>`;
          break;
        case 's':
          out += `<c r="${ref}"${s} t="s"><v>${cell.i}</v></c>`;
          break;
        case 'str':
          out += `<c r="${ref}"${s} t="str"><f>${cell.f.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</f>${cell.v === null ? '' : `<v>${cell.v}</v>`}</c>`;
          break;
        case 'inline':
          out += `<c r="${ref}"${s} t="inlineStr"><is>${cell.rich ? `<r><rPr><b/><sz val="11"/></rPr><t>${cell.v}</t></r><r><t xml:space="preserve"> x</t></r><rPh sb="0" eb="1"><t>ふ</t></rPh>` : `<t>${cell.v}</t>`}</is></c>`;
          break;
        case 'b':
          out += `<c r="${ref}"${s} t="b"><v>${cell.v}</v></c>`;
          break;
        case 'e':
          out += `<c r="${ref}"${s} t="e"><f>1/0</f><v>${cell.v}</v></c>`;
          break;
        case 'formula':
          out += `<c r="${ref}"${s}><f>${cell.f.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</f>${cell.v === null ? '' : `<v>${cell.v}</v>`}</c>`;
          break;
        case 'shared': {
          const id = si++;
          out += `<c r="${ref}"${s}><f t="shared" ref="${ref}:${col(c)}${row.r + cell.down}" si="${id}">${cell.f}</f><v>1</v></c>`;
          // The children sit in later rows; written there as their own cells (below) when those rows exist.
          for (let d = 1; d <= cell.down; d++) shared.push({ ref: `${col(c)}${row.r + d}`, si: id });
          break;
        }
        case 'empty':
          out += `<c r="${ref}"${s}${cell.v === '' ? '/>' : `>${cell.v}</c>`}`;
          break;
      }
      out += sh.sep;
    }
    // Shared-formula children that belong in this row.
    for (const ch of shared.splice(0)) {
      if (ch.ref.replace(/^[A-Z]+/, '') === String(row.r) && !taken.has(ch.ref)) out += `<c r="${ch.ref}"><f t="shared" si="${ch.si}"/><v>2</v></c>`;
      else shared.push(ch);
    }
    out += '</row>' + sh.sep;
  }
  out += '</sheetData>';
  if (sh.merges.length) out += `<mergeCells count="${sh.merges.length}">` + sh.merges.map(([r, c, h, w]) => `<mergeCell ref="${col(c)}${r + 1}:${col(c + w)}${r + 1 + h}"/>`).join('') + '</mergeCells>';
  return out + '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>';
}
const shared: { ref: string; si: number }[] = [];

const WORKBOOK = fc.record({
  sheets: fc.array(SHEET, { minLength: 1, maxLength: 3 }),
  date1904: fc.boolean(),
  strings: fc.array(fc.record({ v: TEXT, rich: fc.boolean() }), { minLength: 21, maxLength: 21 }),
  formats: fc.array(fc.constantFrom('yyyy-mm-dd', '0.00_ ', '&quot;¥&quot;#,##0', 'yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;', '[$-F800]dddd\\,\\ mmmm\\ dd\\,\\ yyyy', '@'), { minLength: 1, maxLength: 3 }),
  builtins: fc.array(fc.constantFrom(0, 1, 2, 14, 22, 49, 57, 176), { minLength: 2, maxLength: 2 }),
});

function workbookZip(w: WorkbookSpec): Buffer {
  const base = realWorkbookParts().filter((p) => !/^xl\/(worksheets|workbook|_rels|sharedStrings|styles)/.test(p.name) && p.name !== '[Content_Types].xml');
  const part = (name: string, xml: string) => ({ name, data: Buffer.from(xml, 'utf8') });
  const names = w.sheets.map((s, i) => `${s.name}${i}`);
  const ct =
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    w.sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('') +
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>';
  const wbXml =
    `<workbook ${NS} ${RNS}><workbookPr${w.date1904 ? ' date1904="1"' : ''}/><sheets>` +
    w.sheets.map((s, i) => `<sheet name="${names[i]}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`).join('') +
    '</sheets></workbook>';
  const rels =
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    w.sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('') +
    `<Relationship Id="rId90" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId91" Type="${REL}/styles" Target="styles.xml"/></Relationships>`;
  const sst =
    `<sst ${NS} count="21" uniqueCount="21">` +
    w.strings.map((s) => (s.rich ? `<si><r><t>${s.v}</t></r><r><rPr><i/></rPr><t xml:space="preserve"> ${s.v}</t></r><rPh sb="0" eb="1"><t>よみ</t></rPh><phoneticPr fontId="1"/></si>` : `<si><t>${s.v}</t></si>`)).join('') +
    '</sst>';
  const numFmts = `<numFmts count="${w.formats.length}">` + w.formats.map((f, i) => `<numFmt numFmtId="${176 + i}" formatCode="${f}"/>`).join('') + '</numFmts>';
  const styles =
    `<styleSheet ${NS}>${numFmts}<fonts count="1"><font><sz val="11"/><name val="宋体"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs>` +
    `<cellXfs count="5"><xf xfId="0"/><xf numFmtId="${w.builtins[0]}" applyNumberFormat="1"/><xf numFmtId="176" applyNumberFormat="1"/><xf numFmtId="${w.builtins[1]}"/><xf numFmtId="${175 + w.formats.length}"/></cellXfs></styleSheet>`;
  return makeZip([
    part('[Content_Types].xml', ct),
    ...base,
    part('xl/workbook.xml', wbXml),
    part('xl/_rels/workbook.xml.rels', rels),
    ...w.sheets.map((s, i) => {
      shared.length = 0;
      return part(`xl/worksheets/sheet${i + 1}.xml`, sheetXml(s));
    }),
    part('xl/sharedStrings.xml', sst),
    part('xl/styles.xml', styles),
  ]);
}

describe('the fast reader equals SheetJS on random workbooks', () => {
  it('random cells of every kind, read both ways', async () => {
    let fastCount = 0;
    await fc.assert(
      fc.asyncProperty(WORKBOOK, async (w) => {
        const file = path.join(dir, 'random.xlsx');
        fs.writeFileSync(file, workbookZip(w));
        const fast = await outcome(file, true);
        const slow = await outcome(file, false);
        expect(fast).toStrictEqual(slow);
        if (readXlsxFast(fs.readFileSync(file), sheetjs)) fastCount++;
      }),
      { numRuns: 300 },
    );
    // The property proves something only if the fast reader answers most of these itself.
    expect(fastCount).toBeGreaterThan(200);
  });

  it('the snapshot of the fast workbook is the one snapshotSheetJsWorkbook gives of XLSX.read', () => {
    const bytes = workbookZip({
      sheets: [{ name: '申报表', rows: [{ r: 2, hidden: '1', ht: false, cells: [[1, { kind: 'n', v: '3' }, 1]] }], hiddenCols: [[2, 1, '1']], merges: [[0, 0, 0, 1]], state: undefined, sep: '' }],
      date1904: true,
      strings: Array.from({ length: 21 }, () => ({ v: 'x', rich: false })),
      formats: ['yyyy-mm-dd'],
      builtins: [14, 0],
    });
    const fast = readXlsxFast(bytes, sheetjs);
    expect(fast).not.toBeNull();
    expect(snapshotSheetJsWorkbook(fast!)).toStrictEqual(snapshotSheetJsWorkbook(sheetjs(bytes)));
    expect(snapshotSheetJsWorkbook(fast!).snapshot.date1904).toBe(true);
  });
});
