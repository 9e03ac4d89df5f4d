// The Office adapter against the strict fake: request counts and sizes, exact undo of marks, computed columns, settings, selection, live mode.
import { createOfficeHost, MARKS_NS, SEVERITY_FILL, REQUEST_BUDGET, dateToSerial } from '../../src/excel';
import { INITIAL_BYTES_PER_CELL } from '../../src/excel/office-host';
import { createFakeExcel, FakeExcel, FakeWorkbookData, FakeSheetData } from '../../src/fake-excel';
import type { Citation, ComputedValue, Finding, Report, Severity, SheetReport } from '../../src/engine/types';
import { citationText } from '../../src/engine/regulations';
import { columnsOf, setComputed } from '../support/report';

// Generous on purpose: a busy 2-core machine runs this several times slower (speed is measured by `npm run bench`).
jest.setTimeout(120_000);

const FIVE_MB = 5 * 1024 * 1024;
const WULONG: Citation = { profile: 'wulong', regulation: '《武隆区政务信息化项目管理办法》', article: '第九条' };

/** A progress table like the ones people send: title, header, rows of text, amounts and dates. */
function progressSheet(name: string, rows: number, cols = 15): FakeSheetData {
  const header = ['序号', '项目名称', '建设单位', '建设内容', '项目类型', '总投资（万元）', '已完成投资', '批复概算', '调整金额', '开工日期', '完工日期', '初步验收日期', '验收日期', '联系人', '备注'].slice(0, cols);
  while (header.length < cols) header.push('列' + header.length);
  const values: (string | number)[][] = [[name + '进度情况表'], header];
  const formats: (string | null)[][] = [[], []];
  for (let r = 0; r < rows; r++) {
    const row: (string | number)[] = [];
    const fr: (string | null)[] = [];
    for (let c = 0; c < cols; c++) {
      if (c === 0) row.push(r + 1);
      else if (c === 5 || c === 6 || c === 7) row.push(100 + ((r * 7 + c) % 900));
      else if (c >= 9 && c <= 12) row.push(45000 + ((r + c) % 700));
      else row.push(`项目${r}-${c}`);
      fr.push(c >= 9 && c <= 12 ? 'yyyy-mm-dd' : null);
    }
    values.push(row);
    formats.push(fr);
  }
  return { name, values, formats, merges: ['A1:E1'] };
}

function finding(sheet: string, cell: string, severity: Severity, message: string, citation: Citation | null = WULONG): Finding {
  const m = /^([A-Z]+)(\d+)$/.exec(cell)!;
  return { sheet, row: +m[2], column: m[1], cell, ruleId: 'threshold.test', category: 'threshold', severity, messageId: 'test', params: {}, message, citation };
}

function sheetReport(name: string, layout: Parameters<typeof columnsOf>[0] = [], dataRows: number[] = []): SheetReport {
  return { name, kind: 'progress-table', headerRow: 2, columns: { projectName: 'B' }, dataRows, reason: '表头含 项目名称', unmappedColumns: [], computedColumns: columnsOf(layout) };
}

function report(findings: Finding[], sheets: SheetReport[], computed: ComputedValue[] = []): Report {
  const r: Report = {
    asOf: '2024-06-01',
    lang: 'zh',
    profile: { id: 'wulong', regulation: WULONG.regulation, detected: true, reason: '名称含武隆' },
    notices: [],
    sheets,
    findings,
  };
  return setComputed(r, computed);
}

type Snapshot = ReturnType<FakeExcel['save']>;

/** Everything Clear must give back: values, formats, fills, notes, comments, parts (selection aside). */
function observable(s: Snapshot) {
  return JSON.stringify({ sheets: s.sheets, parts: s.customXmlParts });
}

describe('readSnapshot', () => {
  test('1,000 rows × 15 columns: values, formats, merges in three requests', async () => {
    const data: FakeWorkbookData = { name: '武隆进度.xlsx', sheets: [progressSheet('进度表', 1000)] };
    const fake = createFakeExcel(data);
    const host = createOfficeHost(fake.Excel, fake.Office);
    const progress: [number, number][] = [];
    const snap = await host.readSnapshot((d, t) => progress.push([d, t]));
    expect(fake.stats.syncs).toBe(3); // sheet names; used ranges; one block with the merges
    expect(snap.name).toBe('武隆进度.xlsx');
    const s = snap.sheets[0];
    expect(s.rows).toHaveLength(1002);
    expect(s.rows[0]).toEqual(['进度表进度情况表', ...new Array(14).fill(null)]);
    expect(s.rows[2]).toEqual(data.sheets[0].values![2]);
    expect(s.rows[1001]).toEqual(data.sheets[0].values![1001]);
    expect(s.formats![5][9]).toBe('yyyy-mm-dd');
    expect(s.formats![5][1]).toBeNull();
    expect(s.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 4 }]);
    expect(progress[progress.length - 1]).toEqual([1002, 1002]);
  });

  test('100,000 rows × 15 columns: the request count follows blocks, not rows, and every request is under 5 MB', async () => {
    const fake = createFakeExcel({ sheets: [progressSheet('进度表', 100_000)] });
    const host = createOfficeHost(fake.Excel, fake.Office);
    const snap = await host.readSnapshot();
    expect(snap.sheets[0].rows).toHaveLength(100_002);
    expect(snap.sheets[0].rows[100_001][1]).toBe('项目99999-1');
    // Never more blocks than the first estimate gives (measured rows are lighter, so blocks only grow).
    const worstBlocks = Math.ceil((100_002 * 15 * INITIAL_BYTES_PER_CELL) / REQUEST_BUDGET);
    expect(fake.stats.syncs).toBeGreaterThanOrEqual(3);
    expect(fake.stats.syncs).toBeLessThanOrEqual(2 + worstBlocks);
    expect(fake.stats.syncs).toBeLessThan(100_000 / 1000);
    expect(fake.stats.largestRequestBytes).toBeLessThan(FIVE_MB);
  });

  test('very wordy cells: blocks shrink after a refused request and the snapshot is still complete', async () => {
    const long = '武隆区政务信息化项目建设内容说明'.repeat(20);
    const values = Array.from({ length: 3000 }, (_, r) => Array.from({ length: 15 }, (_, c) => `${r}:${c}:${long}`));
    const fake = createFakeExcel({ sheets: [{ name: 'S', values }] });
    const host = createOfficeHost(fake.Excel, fake.Office);
    const snap = await host.readSnapshot();
    expect(snap.sheets[0].rows).toEqual(values);
    expect(fake.stats.largestRequestBytes).toBeLessThan(FIVE_MB);
    expect(fake.stats.requests.every((r) => r.bytes < FIVE_MB)).toBe(true);
  });

  test('several small sheets are read together; empty sheets give empty rows; errors become CellError', async () => {
    const fake = createFakeExcel({
      sheets: [
        { name: 'A', values: [['x', '#REF!', true]] },
        { name: '空表' },
        { name: "O'Brien, 表", values: [[null, 1]], merges: ['B3:C4'] },
      ],
    });
    const host = createOfficeHost(fake.Excel, fake.Office);
    const snap = await host.readSnapshot();
    expect(fake.stats.syncs).toBe(3);
    expect(snap.sheets.map((s) => s.name)).toEqual(['A', '空表', "O'Brien, 表"]);
    expect(snap.sheets[0].rows).toEqual([['x', { error: '#REF!' }, true]]);
    expect(snap.sheets[1].rows).toEqual([]);
    expect(snap.sheets[2].rows).toEqual([[null, 1]]);
    expect(snap.sheets[2].merges).toEqual([]); // merged area lies outside the cells with values
  });

  test('without ExcelApi 1.13 there are no merges, and nothing fails', async () => {
    const fake = createFakeExcel({ sheets: [progressSheet('S', 10)] }, { excelApiMinor: 12 });
    const host = createOfficeHost(fake.Excel, fake.Office);
    expect(host.capabilities().mergedAreas).toBe(false);
    const snap = await host.readSnapshot();
    expect(snap.sheets[0].merges).toEqual([]);
  });

  test('an aborted signal stops the read', async () => {
    const fake = createFakeExcel({ sheets: [progressSheet('S', 10)] });
    const host = createOfficeHost(fake.Excel, fake.Office);
    const ac = new AbortController();
    ac.abort();
    await expect(host.readSnapshot(undefined, ac.signal)).rejects.toMatchObject({ name: 'AbortError' });
  });
});

/** 10,000 data rows; findings on C and F of every row = 20,000 flagged cells, some with fills of their own. */
function bigFlagged() {
  const sheet = progressSheet('进度表', 10_000);
  sheet.fills = { C3: '#FFFF00', F3: '#00B050', C100: '#FFFF00', 'H5:H9': '#D9D9D9' };
  const findings: Finding[] = [];
  for (let r = 3; r < 10_003; r++) {
    findings.push(finding('进度表', `C${r}`, r % 3 === 0 ? 'error' : 'warning', `第${r}行建设单位未填写或不规范`));
    findings.push(finding('进度表', `F${r}`, 'info', `总投资 ${r} 万元，需按规定履行审批程序`, r % 2 ? WULONG : null));
  }
  return { data: { sheets: [sheet] } as FakeWorkbookData, rep: report(findings, [sheetReport('进度表')]) };
}

describe('applyReport', () => {
  test('20,000 flagged cells: every request under 5 MB, every address under 8192 characters, few syncs', async () => {
    const { data, rep } = bigFlagged();
    const fake = createFakeExcel(data);
    const host = createOfficeHost(fake.Excel, fake.Office);
    const res = await host.applyReport(rep, { lang: 'zh', fillComputed: false });
    expect(res).toEqual({ marked: 20_000, computed: 0, computedDates: 0 });
    expect(fake.stats.largestRequestBytes).toBeLessThan(FIVE_MB);
    expect(fake.stats.longestAddress).toBeLessThanOrEqual(8192);
    expect(fake.stats.syncs).toBeLessThanOrEqual(20);
    // Marks are written with screen updating and calculation suspended.
    for (const r of fake.stats.requests.filter((q) => q.wrote && q.ops > 1)) {
      if (r.ops > 2) expect([r.screenUpdatingSuspended, r.calculationSuspended]).toEqual([true, true]);
    }
    expect(fake.cell('进度表', 'C3').fill).toBe(SEVERITY_FILL.error);
    expect(fake.cell('进度表', 'C4').fill).toBe(SEVERITY_FILL.warning);
    expect(fake.cell('进度表', 'F10002').fill).toBe(SEVERITY_FILL.info);
    expect(fake.cell('进度表', 'D4').fill).toBeNull();
    const note = fake.cell('进度表', 'F3').note!;
    expect(note).toContain('总投资 3 万元');
    expect(note).toContain(citationText(WULONG));
    expect(fake.cell('进度表', 'F4').note).not.toContain('依据');
    expect(Object.keys(fake.notes('进度表'))).toHaveLength(20_000);
    expect(fake.customXmlParts().every((p) => p.namespaceUri === MARKS_NS)).toBe(true);
  });

  test('Clear restores every fill exactly, removes our notes and the record', async () => {
    const { data, rep } = bigFlagged();
    const fake = createFakeExcel(data);
    const before = fake.save();
    const host = createOfficeHost(fake.Excel, fake.Office);
    await host.applyReport(rep, { lang: 'zh', fillComputed: false });
    expect(fake.fills('进度表')).not.toEqual(before.sheets[0].fills);
    fake.resetStats();
    const res = await host.clearMarks();
    expect(res.restored).toBe(20_000);
    expect(fake.fills('进度表')).toEqual(before.sheets[0].fills);
    expect(observable(fake.save())).toEqual(observable(before));
    expect(fake.stats.largestRequestBytes).toBeLessThan(FIVE_MB);
    expect(fake.stats.longestAddress).toBeLessThanOrEqual(8192);
  });

  test('Clear keeps what the user changed in between: their fill, their typing, their note', async () => {
    const sheet = progressSheet('进度表', 20);
    sheet.fills = { B4: '#FFFF00' };
    sheet.notes = { B5: '用户自己的批注' };
    const fake = createFakeExcel({ sheets: [sheet] });
    const host = createOfficeHost(fake.Excel, fake.Office);
    const before = fake.save();
    const cc = { key: 'acceptanceDue' as const, header: '验收截止（自动）', column: 'P' };
    const computed: ComputedValue[] = [3, 4, 5].map((row) => ({ sheet: '进度表', row, key: 'acceptanceDue', header: cc.header, column: 'P', value: `2025-0${row}-01`, type: 'date' }));
    const rep = report(
      [finding('进度表', 'B3', 'error', 'a'), finding('进度表', 'B4', 'warning', 'b'), finding('进度表', 'B5', 'info', 'c'), finding('进度表', 'B6', 'error', 'd')],
      [sheetReport('进度表', [cc], [3, 4, 5])],
      computed,
    );
    await host.applyReport(rep, { lang: 'zh', fillComputed: true });
    expect(fake.cell('进度表', 'B5').note).toBe('用户自己的批注'); // never written over
    expect(fake.cell('进度表', 'B4').fill).toBe(SEVERITY_FILL.warning);
    // The user recolours one mark, types into a computed cell, edits one of our notes and clears one mark.
    fake.userFill('进度表', 'B3', '#00FF00');
    fake.userEdit('进度表', 'P4', '已验收');
    fake.userFill('进度表', 'B6', null);
    const res = await host.clearMarks();
    expect(fake.cell('进度表', 'B3').fill).toBe('#00FF00');
    expect(fake.cell('进度表', 'B4').fill).toBe('#FFFF00'); // the fill it had before the check
    expect(fake.cell('进度表', 'B6').fill).toBeNull();
    expect(fake.cell('进度表', 'P4').value).toBe('已验收');
    expect(fake.cell('进度表', 'P3')).toMatchObject({ value: '', format: 'General' });
    expect(fake.cell('进度表', 'P2').value).toBe('');
    expect(fake.notes('进度表')).toEqual({ B5: '用户自己的批注' });
    expect(fake.customXmlParts()).toEqual([]);
    expect(res.restored).toBe(2 + 3); // B4 and B5 fills; P2 header, P3, P5
    const after = fake.save().sheets[0];
    const expected = before.sheets[0];
    expect(after.fills).toEqual({ ...expected.fills, B3: '#00FF00' });
  });

  test('computed columns: header and values only in the report column, dates as serials with a date format', async () => {
    const fake = createFakeExcel({ sheets: [progressSheet('进度表', 5)] });
    const host = createOfficeHost(fake.Excel, fake.Office);
    const cc = { key: 'acceptanceDue' as const, header: '验收截止（自动）', column: 'P' };
    const cc2 = { key: 'approvalPath' as const, header: '审批路径（自动）', column: 'Q' };
    const computed: ComputedValue[] = [
      { sheet: '进度表', row: 3, key: 'acceptanceDue', header: cc.header, column: 'P', value: '2025-03-31', type: 'date' },
      { sheet: '进度表', row: 4, key: 'acceptanceDue', header: cc.header, column: 'P', value: '2025-12-01', type: 'date', provisional: true },
      { sheet: '进度表', row: 3, key: 'approvalPath', header: cc2.header, column: 'Q', value: '=需市级审批', type: 'text' },
    ];
    const rep = report([], [sheetReport('进度表', [cc, cc2], [3, 4, 5, 6, 7])], computed);
    const res = await host.applyReport(rep, { lang: 'zh', fillComputed: true });
    expect(res).toEqual({ marked: 0, computed: 3, computedDates: 2 }); // two dates, one 审批路径 text
    expect(fake.cell('进度表', 'P2').value).toBe('验收截止（自动）');
    expect(fake.cell('进度表', 'P3')).toMatchObject({ value: dateToSerial('2025-03-31'), format: 'yyyy-mm-dd' });
    expect(dateToSerial('2025-03-31')).toBe(45747);
    expect(fake.cell('进度表', 'Q3')).toMatchObject({ value: '=需市级审批', format: '@' });
    expect(fake.cell('进度表', 'R4').value).toBe('');
    // Without fillComputed nothing of it is written.
    const fake2 = createFakeExcel({ sheets: [progressSheet('进度表', 5)] });
    await createOfficeHost(fake2.Excel, fake2.Office).applyReport(rep, { lang: 'zh', fillComputed: false });
    expect(fake2.cell('进度表', 'P2').value).toBe('');
  });

  test('a computed column never overwrites what the user typed there', async () => {
    const sheet = progressSheet('进度表', 5);
    sheet.values![3][15] = '用户的值';
    const fake = createFakeExcel({ sheets: [sheet] });
    const host = createOfficeHost(fake.Excel, fake.Office);
    const cc = { key: 'acceptanceDue' as const, header: '验收截止（自动）', column: 'P' };
    const computed: ComputedValue[] = [3, 4].map((row) => ({ sheet: '进度表', row, key: 'acceptanceDue', header: cc.header, column: 'P', value: '2025-01-01', type: 'date' }));
    const res = await host.applyReport(report([], [sheetReport('进度表', [cc])], computed), { lang: 'zh', fillComputed: true });
    expect(res.computed).toBe(1);
    expect(fake.cell('进度表', 'P4').value).toBe('用户的值');
    await host.clearMarks();
    expect(fake.cell('进度表', 'P4').value).toBe('用户的值');
    expect(fake.cell('进度表', 'P3').value).toBe('');
  });

  test('re-running apply does not duplicate computed columns, notes or records', async () => {
    const fake = createFakeExcel({ sheets: [progressSheet('进度表', 5)] });
    const before = fake.save();
    const host = createOfficeHost(fake.Excel, fake.Office);
    const cc = { key: 'acceptanceDue' as const, header: '验收截止（自动）', column: 'P' };
    const computed: ComputedValue[] = [3, 4, 5].map((row) => ({ sheet: '进度表', row, key: 'acceptanceDue', header: cc.header, column: 'P', value: '2025-01-0' + row, type: 'date' }));
    const rep = report([finding('进度表', 'B3', 'error', 'x')], [sheetReport('进度表', [cc])], computed);
    await host.applyReport(rep, { lang: 'zh', fillComputed: true });
    const once = fake.save();
    await host.applyReport(rep, { lang: 'zh', fillComputed: true });
    const twice = fake.save();
    expect(twice.sheets).toEqual(once.sheets);
    expect(fake.customXmlParts()).toHaveLength(1);
    expect(twice.sheets[0].values![1].filter((v) => v === cc.header)).toHaveLength(1);
    await host.clearMarks();
    expect(observable(fake.save())).toEqual(observable(before));
  });

  test('a column headed by our marker from a run whose record was lost is ours to rewrite', async () => {
    const sheet = progressSheet('进度表', 3);
    sheet.values![1][15] = '验收截止（自动）';
    sheet.values![2][15] = 45000;
    const fake = createFakeExcel({ sheets: [sheet] });
    const host = createOfficeHost(fake.Excel, fake.Office);
    const cc = { key: 'acceptanceDue' as const, header: '验收截止（自动）', column: 'P' };
    const computed: ComputedValue[] = [{ sheet: '进度表', row: 3, key: 'acceptanceDue', header: cc.header, column: 'P', value: '2025-01-01', type: 'date' }];
    await host.applyReport(report([], [sheetReport('进度表', [cc])], computed), { lang: 'zh', fillComputed: true });
    expect(fake.cell('进度表', 'P3').value).toBe(dateToSerial('2025-01-01'));
    await host.clearMarks();
    expect(fake.cell('进度表', 'P3').value).toBe(45000); // back to what was there
  });

  test.each([3, 4, 5, 6, 7, 8])('a failure on sync %i of apply leaves nothing Clear cannot undo', async (atSync) => {
    const { data, rep } = bigFlagged();
    const cc = { key: 'acceptanceDue' as const, header: '验收截止（自动）', column: 'P' };
    rep.sheets[0].computedColumns = columnsOf(
      [cc],
      Array.from({ length: 3000 }, (_, i) => ({ sheet: '进度表', row: i + 3, key: 'acceptanceDue' as const, header: cc.header, column: 'P', value: '2025-06-30', type: 'date' as const })),
    );
    const fake = createFakeExcel(data);
    const before = fake.save();
    const host = createOfficeHost(fake.Excel, fake.Office);
    fake.injectFailure({ atSync });
    const outcome = await host.applyReport(rep, { lang: 'en', fillComputed: true }).then(() => 'done', (e) => e.code);
    expect(outcome).toBe('GeneralException');
    await host.clearMarks();
    expect(observable(fake.save())).toEqual(observable(before));
  });

  test('the record survives save and reopen: Clear works on the reopened workbook', async () => {
    const sheet = progressSheet('进度表', 10);
    sheet.fills = { C4: '#FFFF00' };
    const fake = createFakeExcel({ sheets: [sheet] });
    const before = fake.save();
    await createOfficeHost(fake.Excel, fake.Office).applyReport(
      report([finding('进度表', 'C4', 'error', 'x'), finding('进度表', 'C5', 'warning', 'y')], [sheetReport('进度表')]),
      { lang: 'zh', fillComputed: false },
    );
    const reopened = createFakeExcel(fake.save());
    const res = await createOfficeHost(reopened.Excel, reopened.Office).clearMarks();
    expect(res.restored).toBe(2);
    expect(observable(reopened.save())).toEqual(observable(before));
  });

  test.each([
    [17, 'comments'],
    [9, 'none'],
  ] as const)('ExcelApi 1.%i: annotations are %s; marks still apply and clear', async (minor, kind) => {
    const fake = createFakeExcel({ sheets: [progressSheet('进度表', 5)] }, { excelApiMinor: minor });
    const before = fake.save();
    const host = createOfficeHost(fake.Excel, fake.Office);
    expect(host.capabilities()).toMatchObject({ annotations: kind, notes: false, comments: kind === 'comments' });
    const res = await host.applyReport(report([finding('进度表', 'B3', 'error', '问题')], [sheetReport('进度表')]), { lang: 'zh', fillComputed: false });
    expect(res.marked).toBe(1);
    expect(fake.cell('进度表', 'B3').fill).toBe(SEVERITY_FILL.error);
    expect(fake.cell('进度表', 'B3').comment).toEqual(kind === 'comments' ? expect.stringContaining('问题') : null);
    await host.clearMarks();
    expect(observable(fake.save())).toEqual(observable(before));
  });

  test('findings without a cell or on a missing sheet are skipped; the highest severity colours a cell', async () => {
    const fake = createFakeExcel({ sheets: [progressSheet('进度表', 5)] });
    const host = createOfficeHost(fake.Excel, fake.Office);
    const sheetLevel = { ...finding('进度表', 'B3', 'error', 'sheet level'), cell: '', column: '', row: 0 };
    const res = await host.applyReport(
      report([sheetLevel, finding('不存在', 'B3', 'error', 'x'), finding('进度表', 'C3', 'info', '一'), finding('进度表', 'C3', 'warning', '二')], [sheetReport('进度表')]),
      { lang: 'en', fillComputed: false },
    );
    expect(res.marked).toBe(1);
    expect(fake.cell('进度表', 'C3').fill).toBe(SEVERITY_FILL.warning);
    const note = fake.cell('进度表', 'C3').note!;
    expect(note.indexOf('二')).toBeLessThan(note.indexOf('一')); // worst first
    expect(note).toContain('Warning');
    expect(Object.keys(fake.fills('进度表'))).toEqual(['C3']);
  });

  test('clear with nothing to clear does nothing', async () => {
    const fake = createFakeExcel({ sheets: [progressSheet('进度表', 2)] });
    const host = createOfficeHost(fake.Excel, fake.Office);
    expect(await host.clearMarks()).toEqual({ restored: 0 });
    expect(fake.stats.requests.every((r) => !r.wrote)).toBe(true);
  });
});

describe('settings and selection', () => {
  test('settings round-trip through the workbook, also after save and reopen', async () => {
    const fake = createFakeExcel({ sheets: [progressSheet('进度表', 2)] });
    const host = createOfficeHost(fake.Excel, fake.Office);
    expect(await host.loadSettings()).toEqual({});
    const s = {
      profile: 'wulong',
      asOf: '2024-06-01',
      overrides: { 进度表: { kind: 'progress-table' as const, headerRow: 2, columns: { D: 'approvedBudget' as const, E: null } } },
    };
    await host.saveSettings(s);
    expect(await host.loadSettings()).toEqual(s);
    const reopened = createFakeExcel(fake.save());
    expect(await createOfficeHost(reopened.Excel, reopened.Office).loadSettings()).toEqual(s);
  });

  test('malformed stored settings are dropped field by field', async () => {
    const fake = createFakeExcel({
      sheets: [progressSheet('S', 1)],
      settings: { 'fundcheck.settings': JSON.stringify({ profile: 3, asOf: '2024-01-01', overrides: { S: { kind: 'bogus', headerRow: 2.5, columns: { a1: 'item', B: 'bogus', C: 'amount', D: null } } } }) },
    });
    expect(await createOfficeHost(fake.Excel, fake.Office).loadSettings()).toEqual({ asOf: '2024-01-01', overrides: { S: { columns: { C: 'amount', D: null } } } });
    const broken = createFakeExcel({ sheets: [progressSheet('S', 1)], settings: { 'fundcheck.settings': '{not json' } });
    expect(await createOfficeHost(broken.Excel, broken.Office).loadSettings()).toEqual({});
  });

  test('selectCell activates the sheet and selects the cell', async () => {
    const fake = createFakeExcel({ sheets: [progressSheet('进度表', 2), { name: '费用 明细', values: [['a']] }] });
    const host = createOfficeHost(fake.Excel, fake.Office);
    await host.selectCell('费用 明细', 'C7');
    expect(fake.selection()).toEqual({ sheet: '费用 明细', address: 'C7' });
    await host.selectCell('进度表', 'B3');
    expect(fake.selection()).toEqual({ sheet: '进度表', address: 'B3' });
    await expect(host.selectCell('没有', 'A1')).rejects.toMatchObject({ code: 'ItemNotFound' });
  });

  test('displayLanguage comes from Office', () => {
    const fake = createFakeExcel({ sheets: [{ name: 'S' }] }, { displayLanguage: 'en-US' });
    expect(createOfficeHost(fake.Excel, fake.Office).displayLanguage()).toBe('en-US');
  });
});

describe('watchChanges', () => {
  test.each([18, 13])('ExcelApi 1.%i: user edits are reported with their rows, our own writes are not', async (minor) => {
    const fake = createFakeExcel({ sheets: [progressSheet('进度表', 10), { name: '其他', values: [['x']] }] }, { excelApiMinor: minor });
    const host = createOfficeHost(fake.Excel, fake.Office);
    // Before 1.14 our writes are told apart by a grace period after them: stop the clock so a slow machine cannot outlast it.
    const clock = jest.spyOn(Date, 'now').mockReturnValue(Date.now());
    const seen: [string, number[]][] = [];
    const stop = await host.watchChanges((sheet, rows) => seen.push([sheet, rows]));
    const cc = { key: 'acceptanceDue' as const, header: '验收截止（自动）', column: 'P' };
    await host.applyReport(
      report([finding('进度表', 'B3', 'error', 'x')], [sheetReport('进度表', [cc])], [{ sheet: '进度表', row: 3, key: 'acceptanceDue', header: cc.header, column: 'P', value: '2025-01-01', type: 'date' }]),
      { lang: 'zh', fillComputed: true },
    );
    await fake.flushEvents();
    expect(seen).toEqual([]);
    fake.userEdit('进度表', 'C5:D6', '改');
    fake.userEdit('其他', 'A1', 'y');
    await fake.flushEvents();
    expect(seen).toEqual([
      ['进度表', [5, 6]],
      ['其他', [1]],
    ]);
    await stop();
    fake.userEdit('进度表', 'C7', '再改');
    await fake.flushEvents();
    expect(seen).toHaveLength(2);
    clock.mockRestore();
  });
});
