// Hostile values and sheet shapes through check(): every one gets a finding or is handled; none crashes, hangs or misplaces a cell.
import { check } from '../../src/engine';
import type { CellValue, CheckOptions, ProfileId, Report, SheetSnapshot, WorkbookSnapshot } from '../../src/engine/types';
import { computedValues } from '../../src/engine/computed';
import {
  DECLARATION_HEADERS,
  HOSTILE_VALUES,
  LEDGER_HEADERS,
  declarationRow,
  declarationWith,
  ledgerRow,
  ledgerWith,
  paddedRows,
  reportProblems,
  sheet,
} from '../support/hostile';

// Generous on purpose: a busy 2-core machine runs this several times slower. Nothing here asserts a duration (speed is
// measured by `npm run bench`); the timeout is what catches a hang on the huge sheets below.
jest.setTimeout(120_000);

const AS_OF = '2026-05-20';

/** check() with the report's pointers and JSON verified, and no rule that threw (the engine would only warn). */
function checked(snapshot: WorkbookSnapshot, options: Partial<CheckOptions> = {}): Report {
  const report = check(snapshot, { asOf: AS_OF, ...options });
  expect(reportProblems(report, snapshot)).toEqual([]);
  expect(report.notices.filter((n) => n.id === 'engine/rule-failed').map((n) => n.message)).toEqual([]);
  return report;
}

// Declaration columns (0-based): 项目名称 2, 简要说明 3, 建设年度 4, 项目投资 5, 财政资金 6, 联系电话 12, 电子邮箱 13.
const DECLARATION_TARGETS: [string, number][] = [
  ['项目名称', 2],
  ['简要说明', 3],
  ['建设年度', 4],
  ['项目投资', 5],
  ['财政资金', 6],
  ['联系电话', 12],
  ['电子邮箱', 13],
];
// Ledger columns: 项目名称 1, 项目类别 3, 批复概算 4, 调整金额 5, 采购日期 6, 开工日期 8, 验收日期 11, 运维费 13.
const LEDGER_TARGETS: [string, number][] = [
  ['项目名称', 1],
  ['项目类别', 3],
  ['批复概算', 4],
  ['调整金额', 5],
  ['采购日期', 6],
  ['开工日期', 8],
  ['验收日期', 11],
  ['运维费', 13],
];
const DECLARATION_PROFILES: ProfileId[] = ['yeji', 'wuhan', 'generic'];
const LEDGER_PROFILES: ProfileId[] = ['wulong', 'laizhou', 'generic'];

describe.each(HOSTILE_VALUES)('hostile value: %s', (_name, value) => {
  test('in every declaration column, under every profile and auto-detection: no crash, real cells, JSON-safe', () => {
    for (const [, col] of DECLARATION_TARGETS) {
      const snap = declarationWith(col, value);
      for (const profile of [...DECLARATION_PROFILES, 'auto' as const]) checked(snap, { profile });
      checked(snap, { profile: 'yeji', lang: 'en' });
    }
  });

  test('in every ledger column, under every profile: no crash, real cells, JSON-safe', () => {
    for (const [, col] of LEDGER_TARGETS) {
      const snap = ledgerWith(col, value);
      for (const profile of [...LEDGER_PROFILES, 'auto' as const]) checked(snap, { profile });
    }
  });

  test('as a header label, a sheet name and a form label', () => {
    const label = typeof value === 'string' ? value : String(value);
    const headers: CellValue[] = [...DECLARATION_HEADERS];
    headers[3] = value;
    checked({ sheets: [sheet(label.slice(0, 31) || 'x', [headers, declarationRow(1)])] }, { profile: 'yeji' });
    checked({ sheets: [sheet('进度情况表', [['项目名称', value], ['填报日期', value], ['总投资（万元）', value], ['已投资（万元）', 5]])] }, { profile: 'yeji' });
  });
});

describe('each hostile value gets the finding a clerk needs', () => {
  const yeji = (col: number, value: CellValue) => checked(declarationWith(col, value), { profile: 'yeji' });
  const at = (r: Report, ruleId: string, cell: string) => r.findings.filter((f) => f.ruleId === ruleId && f.cell === cell);

  test.each(['#REF!', '#DIV/0!', '#N/A', '#VALUE!'])('error value %s in 项目投资 → format/error-value on F3 naming it', (code) => {
    const r = yeji(5, { error: code });
    const hits = at(r, 'format/error-value', 'F3');
    expect(hits).toHaveLength(1);
    expect(hits[0]!.severity).toBe('error');
    expect(hits[0]!.message).toContain(code);
  });

  test.each([
    ['1e308', 1e308],
    ['-1e308', -1e308],
    ['NaN', NaN],
    ['Infinity', Infinity],
    ['-Infinity', -Infinity],
    ['20,000 digits', '9'.repeat(20_000)],
  ] as [string, CellValue][])('%s in 项目投资 → format/amount-unreadable on F3', (_n, v) => {
    expect(at(yeji(5, v), 'format/amount-unreadable', 'F3')).toHaveLength(1);
  });

  test.each([
    ['text', '一百二十万'],
    ['HTML', '<b>120</b>'],
    ['a formula-looking text', '=SUM(F4:F9)'],
    ['a boolean', true],
  ] as [string, CellValue][])('%s in 项目投资 → format/amount-unreadable on F3', (_n, v) => {
    expect(at(yeji(5, v), 'format/amount-unreadable', 'F3')).toHaveLength(1);
  });

  test('a negative amount → format/negative-amount on F3; a negative adjustment (调整金额) is allowed', () => {
    expect(at(yeji(5, -120), 'format/negative-amount', 'F3')).toHaveLength(1);
    const r = checked(ledgerWith(5, -20), { profile: 'wulong' });
    expect(at(r, 'format/negative-amount', 'F3')).toEqual([]);
  });

  test.each([
    ['before 1900 (text)', '1899年12月31日'],
    ['after 9999 (text)', '10000-01-01'],
    ['beyond Excel’s last serial', 2_958_466],
    ['serial 0', 0],
    ['NaN', NaN],
    ['the fictitious 1900-02-29', 60],
    ['2月30日', '2026年2月30日'],
  ] as [string, CellValue][])('a date %s in 开工日期 → format/date-unreadable on I3, no deadline from it', (_n, v) => {
    const r = checked(ledgerWith(8, v), { profile: 'wulong' });
    expect(at(r, 'format/date-unreadable', 'I3')).toHaveLength(1);
  });

  test('a formula with no cached result says so; one with a cached result is checked by its value', () => {
    const none = declarationWith(5, null);
    none.sheets[0]!.formulas = [[], [], [null, null, null, null, null, 'G3+H3+I3+J3']];
    const r1 = checked(none, { profile: 'yeji' });
    const hit = at(r1, 'format/formula-no-result', 'F3');
    expect(hit).toHaveLength(1);
    expect(hit[0]!.message).toContain('G3+H3+I3+J3');

    const cached = declarationWith(5, 120);
    cached.sheets[0]!.formulas = [[], [], [null, null, null, null, null, 'G3+H3+I3+J3']];
    const r2 = checked(cached, { profile: 'yeji' });
    expect(at(r2, 'format/formula-no-result', 'F3')).toEqual([]);
    expect(r2.findings.filter((f) => f.cell === 'F3' && f.severity === 'error')).toEqual([]);
  });

  test('text starting with = + - @ is read as text, never evaluated: a name starting with = is just a name', () => {
    for (const v of ['=1+1', '+1', '-1', '@A1']) {
      const r = yeji(2, v);
      // The project name is present, so nothing says it is missing.
      expect(r.findings.filter((f) => f.cell === 'C3' && f.ruleId === 'completeness/required-field')).toEqual([]);
    }
    // '-1' in an amount column is a negative number typed as text: flagged as negative, not as a formula.
    expect(at(yeji(5, '-1'), 'format/negative-amount', 'F3')).toHaveLength(1);
  });

  test('HTML and script text in messages is carried verbatim (escaping is the renderer’s job, never the data’s)', () => {
    const r = checked(declarationWith(12, '<script>alert(1)</script>'), { profile: 'yeji' });
    const hit = r.findings.find((f) => f.ruleId === 'format/phone' && f.cell === 'M3');
    expect(hit).toBeDefined();
    expect(hit!.message).toContain('<script>alert(1)</script>');
  });

  test('a 20,000-character description is flagged as too long on D3', () => {
    const r = checked(declarationWith(3, '长'.repeat(20_000)), { profile: 'yeji' });
    expect(at(r, 'format/description-length', 'D3')).toHaveLength(1);
  });

  test('placeholder-looking text in a value is not expanded into the message', () => {
    const r = yeji(12, '{field}{value}');
    const hit = r.findings.find((f) => f.ruleId === 'format/phone' && f.cell === 'M3');
    expect(hit).toBeDefined();
    expect(hit!.message).toContain('{field}{value}');
  });
});

describe('hostile sheet shapes', () => {
  test('merged cells over data: a finding inside a merge still names a real cell, nothing crashes', () => {
    const rows = [['六安市叶集区政务信息化项目申报表'], DECLARATION_HEADERS, declarationRow(1), declarationRow(2), declarationRow(3)];
    rows[2]![5] = -5;
    const snap: WorkbookSnapshot = {
      sheets: [sheet('申报表', rows, { merges: [{ top: 2, left: 4, bottom: 3, right: 6 }, { top: 0, left: 0, bottom: 0, right: 14 }, { top: 3, left: 0, bottom: 4, right: 14 }] })],
    };
    for (const profile of ['yeji', 'auto'] as const) checked(snap, { profile });
  });

  test('merges that reach far outside the data or are inverted do not crash', () => {
    const rows = [DECLARATION_HEADERS, declarationRow(1)];
    const snap: WorkbookSnapshot = {
      sheets: [
        sheet('申报表', rows, {
          merges: [
            { top: 1, left: 0, bottom: 1_048_575, right: 16_383 },
            { top: 5, left: 5, bottom: 2, right: 2 },
            { top: 0, left: 14, bottom: 0, right: 40 },
          ],
        }),
      ],
    };
    checked(snap, { profile: 'yeji' });
  });

  test('hidden rows and columns are still checked (hiding a wrong amount does not hide the finding)', () => {
    const rows = [DECLARATION_HEADERS, declarationRow(1), declarationRow(2)];
    rows[2]![5] = -1;
    const r = checked({ sheets: [sheet('申报表', rows, { hiddenRows: [2], hiddenColumns: [5, 99, -1] })] }, { profile: 'yeji' });
    expect(r.findings.some((f) => f.cell === 'F3' && f.ruleId === 'format/negative-amount')).toBe(true);
  });

  test('a header repeated mid-sheet (page break in a pasted report) is skipped, not flagged as bad data', () => {
    const rows = [DECLARATION_HEADERS, declarationRow(1), declarationRow(2), [...DECLARATION_HEADERS], declarationRow(3)];
    const r = checked({ sheets: [sheet('申报表', rows)] }, { profile: 'yeji' });
    expect(r.sheets[0]!.dataRows).not.toContain(4);
    expect(r.sheets[0]!.dataRows).toEqual(expect.arrayContaining([2, 3, 5]));
    expect(r.findings.filter((f) => f.row === 4)).toEqual([]);
  });

  test('a million empty formatted rows below the table: only the data rows are checked', () => {
    const n = 1_000_000;
    const rows = paddedRows([DECLARATION_HEADERS, declarationRow(1), declarationRow(2)], n);
    const fmt: string[] = ['0.00', null as unknown as string, '0.00'];
    const formats = new Array(n).fill(fmt);
    const snap: WorkbookSnapshot = { sheets: [sheet('申报表', rows, { formats })] };
    const r = checked(snap, { profile: 'yeji' });
    expect(r.sheets[0]!.dataRows).toEqual([2, 3]);
  });

  test('a million rows with one stray space each: no finding per row', () => {
    const n = 1_000_000;
    const rows = paddedRows([DECLARATION_HEADERS, declarationRow(1)], 2);
    const blank: CellValue[] = [' '];
    for (let i = 2; i < n; i++) rows.push(blank);
    const r = checked({ sheets: [sheet('申报表', rows)] }, { profile: 'yeji' });
    expect(r.findings.length).toBeLessThan(50);
  });

  test('ragged rows: short, long, empty, null and sparse rows', () => {
    const sparse: CellValue[] = [];
    sparse[40] = 'x';
    const rows: CellValue[][] = [
      DECLARATION_HEADERS,
      declarationRow(1).slice(0, 3),
      [...declarationRow(2), 1, 2, 3, 4, 5, 6],
      [],
      null as unknown as CellValue[],
      undefined as unknown as CellValue[],
      sparse,
      declarationRow(3),
      new Array(15),
    ];
    for (const profile of ['yeji', 'auto', 'generic'] as const) checked({ sheets: [sheet('申报表', rows)] }, { profile });
  });

  test('a sheet with 16,384 columns in one row (and in the header) is checked', () => {
    const wide: CellValue[] = new Array(16_384).fill('x');
    const wideHeader: CellValue[] = [...DECLARATION_HEADERS];
    for (let c = wideHeader.length; c < 16_384; c++) wideHeader.push(`列${c}`);
    const a = { sheets: [sheet('申报表', [DECLARATION_HEADERS, declarationRow(1), wide, declarationRow(2)])] };
    const b = { sheets: [sheet('申报表', [wideHeader, declarationRow(1), declarationRow(2)])] };
    checked(a, { profile: 'yeji' });
    checked(b, { profile: 'yeji' });
    checked(a);
  });

  test('findings and computed columns on a 16,384-wide ledger still name real columns (up to XFD)', () => {
    const headers: CellValue[] = new Array(16_384 - LEDGER_HEADERS.length).fill(null);
    headers.push(...LEDGER_HEADERS);
    const row = (seq: number): CellValue[] => [...new Array(16_384 - LEDGER_HEADERS.length).fill(null), ...ledgerRow(seq)];
    const r1 = row(1);
    r1[16_384 - LEDGER_HEADERS.length + 4] = -1;
    const snap: WorkbookSnapshot = { sheets: [sheet('进度台账', [headers, r1, row(2)])] };
    const r = checked(snap, { profile: 'wulong' });
    // Whatever recognition decides, nothing points past XFD.
    for (const f of r.findings) expect(f.column.length).toBeLessThanOrEqual(3);
  });

  test('non-BMP characters and lone surrogates in labels, sheet names and data', () => {
    const headers = DECLARATION_HEADERS.map((h, i) => (i % 3 === 0 ? `${h}\uD800` : i % 3 === 1 ? `𠀀${h}` : h));
    const rows = [headers, declarationRow(1).map((v) => (typeof v === 'string' ? `\uDC00${v}😀` : v))];
    for (const name of ['\uD800', '😀表', '𠀀\uDC00']) checked({ sheets: [sheet(name, rows)] });
  });

  test('two sheets with the same name, an empty-named sheet and a workbook with no sheets', () => {
    const rows = [DECLARATION_HEADERS, declarationRow(1)];
    checked({ sheets: [sheet('申报表', rows), sheet('申报表', rows)] }, { profile: 'yeji' });
    checked({ sheets: [sheet('', rows)] }, { profile: 'yeji' });
    const r = checked({ sheets: [] });
    expect(r.findings).toEqual([]);
    expect(r.notices.some((n) => n.id === 'sheets/none-recognised')).toBe(true);
  });

  test('formats and formulas grids of another shape than the values grid', () => {
    const rows = [DECLARATION_HEADERS, declarationRow(1), declarationRow(2)];
    const s: SheetSnapshot = sheet('申报表', rows, {
      formats: [[], null as unknown as string[]],
      formulas: [[null], [], [null, null, null, null, null, 'SUM(G3:J3)', 'x'], ['A1'], ['B2'], ['C3']],
    });
    checked({ sheets: [s] }, { profile: 'yeji' });
  });

  test('every sheet of junk at once: each sheet with one kind of garbage, auto-detected, both languages', () => {
    const sheets: SheetSnapshot[] = HOSTILE_VALUES.map(([, v], i) =>
      sheet(`S${i}`, [[v, v, v], DECLARATION_HEADERS, declarationRow(1).map((x, c) => (c % 2 ? v : x)), [v]]),
    );
    for (const lang of ['zh', 'en'] as const) checked({ name: '=cmd|calc.xlsx', sheets }, { lang });
  });
});

describe('stale calendars: deadlines resting on an unpublished holiday schedule are provisional', () => {
  // asOf 2026-11-21: the 2027 schedule is not in the data, so the next quarter's window (January 2027) is a guess.
  test('Yeji progress ledger: nextProgressReportDue in 2027 is marked provisional with an info finding', () => {
    const headers = ['序号', '项目名称', '建设单位', '建设年度', '总投资（万元）', '已投资（万元）', '建设进度', '填报日期'];
    const rows: CellValue[][] = [
      ['叶集区政务信息化项目进度情况表'],
      headers,
      [1, '智慧城管平台', '区大数据局', '2026年1月至2027年12月', 300, 100, '建设中', '2026年10月9日'],
    ];
    const snap: WorkbookSnapshot = { name: '叶集区进度情况.xlsx', sheets: [sheet('进度情况', rows)] };
    const r = checked(snap, { profile: 'yeji', asOf: '2026-11-21' });
    const next = computedValues(r).filter((c) => c.key === 'nextProgressReportDue');
    expect(next).toHaveLength(1);
    expect(next[0]!.value.startsWith('2027-01-')).toBe(true);
    expect(next[0]!.provisional).toBe(true);
    const info = r.findings.filter((f) => f.ruleId === 'deadline/provisional-schedule');
    expect(info).toHaveLength(1);
    expect(info[0]!.severity).toBe('info');
    expect(info[0]!.message).toContain('2027');
  });

  test('the same ledger checked in spring 2026 (schedule published) is not provisional and says nothing', () => {
    const headers = ['序号', '项目名称', '建设单位', '建设年度', '总投资（万元）', '已投资（万元）', '建设进度', '填报日期'];
    const rows: CellValue[][] = [headers, [1, '智慧城管平台', '区大数据局', '2026年1月至2027年12月', 300, 100, '建设中', '2026年4月8日']];
    const r = checked({ sheets: [sheet('进度情况', rows)] }, { profile: 'yeji', asOf: '2026-04-20' });
    const next = computedValues(r).filter((c) => c.key === 'nextProgressReportDue');
    expect(next).toHaveLength(1);
    expect(next[0]!.provisional).toBeUndefined();
    expect(r.findings.filter((f) => f.ruleId === 'deadline/provisional-schedule')).toEqual([]);
  });

  test('a 填报日期 in January 2027 is judged against a provisional window, and the sheet says so', () => {
    const headers = ['序号', '项目名称', '建设单位', '建设年度', '总投资（万元）', '已投资（万元）', '建设进度', '填报日期'];
    const rows: CellValue[][] = [headers, [1, '智慧城管平台', '区大数据局', '2026年1月至2027年12月', 300, 100, '建设中', '2027年1月20日']];
    const r = checked({ sheets: [sheet('进度情况', rows)] }, { profile: 'yeji', asOf: '2027-01-25' });
    expect(r.findings.filter((f) => f.ruleId === 'deadline/provisional-schedule')).toHaveLength(1);
  });
});
