// The fundcheck command end to end over the sample workbooks: planted problems found, clean rows clean, exit codes, --out.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { isIsoDate, localToday, main, parseArgs, planOutputs } from '../../src/cli/main';
import type { JsonDocument, JsonWorkbook } from '../../src/cli/format';
import { SAMPLE_FILES } from '../../src/cli/samples/generate';
import { COMPUTED_HEADER_MARKER } from '../../src/engine/types';
import { Sink, compareWorkbooks, load, runCli, sha256 } from './helpers';

// Generous on purpose: a busy 2-core machine runs this several times slower (speed is measured by `npm run bench`).
jest.setTimeout(120_000);

const ROOT = path.join(__dirname, '../..');
const SAMPLES = path.join(ROOT, 'assets/samples');
const AS_OF = '2026-05-20';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fundcheck-main-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const run = (args: string[], cwd = ROOT) => runCli(args, cwd, AS_OF);

const YEJI = '《六安市叶集区政务信息化项目管理办法》（叶政办〔2020〕19号）';
const WULONG = '《武隆区政务信息化项目管理办法》（武隆府办发〔2022〕47号）';
const LAIZHOU = '《莱州市政务信息化项目管理办法（试行）》（莱政办发〔2022〕6号）';
const WUHAN = '《武汉市政务信息化项目建设管理办法》';
const WULONG_TABLE = `${WULONG}附件《武隆区政务信息化项目申报范围及边界》政务信息化项目费用分类`;

describe('parseArgs', () => {
  test.each([
    [['a.xlsx'], { inputs: ['a.xlsx'], profile: 'auto', format: 'text', lang: 'zh', asOf: null, out: null }],
    [['--profile', 'wulong', 'a.xlsx', 'dir'], { inputs: ['a.xlsx', 'dir'], profile: 'wulong' }],
    [['--profile=laizhou', '--format=csv', '--lang=en', 'x'], { profile: 'laizhou', format: 'csv', lang: 'en' }],
    [['--as-of', '2024-02-29', '--out', 'o', 'x'], { asOf: '2024-02-29', out: 'o' }],
    [['--', '--weird-name.xlsx'], { inputs: ['--weird-name.xlsx'] }],
    [['-h'], { help: true }],
    [['--version'], { version: true }],
  ])('%j is accepted', (argv, expected) => {
    const r = parseArgs(argv as string[]);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.options).toMatchObject(expected);
  });

  test.each([
    [['--profile', 'Beijing!', 'x'], /--profile/],
    [['--format', 'xml', 'x'], /--format/],
    [['--lang', 'fr', 'x'], /--lang/],
    [['--as-of', '2025-02-29', 'x'], /--as-of/],
    [['--as-of', '2025/01/01', 'x'], /--as-of/],
    [['--out'], /--out/],
    [['--out', '--format', 'json'], /--out/],
    [['--verbose', 'x'], /--verbose/],
  ])('%j is refused with a message naming the option', (argv, pattern) => {
    const r = parseArgs(argv as string[]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(pattern);
  });

  test.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2024-13-01', false],
    ['2024-04-31', false],
    ['2024-4-1', false],
  ])('isIsoDate(%s) = %s', (s, ok) => expect(isIsoDate(s)).toBe(ok));

  test('localToday uses the local calendar date', () => {
    expect(localToday(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });
});

describe('planOutputs', () => {
  test('keeps folder structure and separates same-named files', () => {
    const outs = planOutputs(
      [
        { abs: '/a/x.xlsx', rel: 'x.xlsx', display: '' },
        { abs: '/b/x.xlsx', rel: 'x.xlsx', display: '' },
        { abs: '/c/sub/y.xlsx', rel: path.join('sub', 'y.xlsx'), display: '' },
      ],
      '/out',
    );
    expect(outs).toEqual([path.join('/out', 'x.xlsx'), path.join('/out', 'x-2.xlsx'), path.join('/out', 'sub', 'y.xlsx')]);
  });
});

describe('help and version', () => {
  test('--help prints usage in Chinese by default and English with --lang en; exit 0', async () => {
    const zh = await run(['--help']);
    expect(zh.code).toBe(0);
    expect(zh.out).toContain('用法：fundcheck');
    expect(zh.out).toContain('--as-of');
    const en = await run(['--help', '--lang', 'en']);
    expect(en.out).toContain('Usage: fundcheck');
  });

  test('--version prints the package version', async () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const r = await run(['--version']);
    expect(r.code).toBe(0);
    expect(r.out.trim()).toBe(`fundcheck ${pkg.version}`);
  });

  test('no input and bad arguments: exit 2 with one line on stderr', async () => {
    for (const args of [[], ['--format', 'xml', 'x.xlsx']]) {
      const r = await run(args);
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      expect(r.err.trim().split('\n')).toHaveLength(1);
    }
  });
});

describe('the samples, --format json', () => {
  let doc: JsonDocument;
  let code: number;
  const wb = (file: string): JsonWorkbook => {
    const w = doc.workbooks.find((x) => x.file === `assets/samples/${file}`);
    if (!w) throw new Error(`no report for ${file}`);
    return w;
  };

  beforeAll(async () => {
    const r = await run(['assets/samples', '--format', 'json', '--as-of', AS_OF]);
    code = r.code;
    doc = JSON.parse(r.out);
  });

  test('every sample is checked, in sorted order, with its profile detected from its own words', () => {
    expect(code).toBe(1);
    expect(doc.asOf).toBe(AS_OF);
    expect(doc.errors).toBeUndefined();
    expect(doc.workbooks.map((w) => w.file)).toEqual(Object.values(SAMPLE_FILES).map((f) => `assets/samples/${f}`).sort());
    expect(doc.workbooks.map((w) => [w.profile.id, w.profile.detected])).toEqual([
      ['yeji', true],
      ['yeji', true],
      ['wulong', true],
      ['wulong', true],
      ['laizhou', true],
      ['wuhan', true],
      ['yeji', true],
    ]);
  });

  // [file, sheet, cell, ruleId, severity, citation (undefined: RULES.md names no article for it)]
  const PLANTED: [string, string, string, string, string, string | undefined][] = [
    [SAMPLE_FILES.yejiDeclaration, '申报表', 'F7', 'consistency/funding-sum', 'error', `${YEJI}附件1《六安市叶集区政务信息化项目申报表》资金筹措`],
    [SAMPLE_FILES.yejiDeclaration, '申报表', 'E8', 'format/period', 'warning', `${YEJI}附件1《六安市叶集区政务信息化项目申报表》说明3`],
    [SAMPLE_FILES.yejiDeclaration, '申报表', 'D9', 'format/description-length', 'error', `${YEJI}附件1《六安市叶集区政务信息化项目申报表》说明2`],
    [SAMPLE_FILES.yejiDeclaration, '申报表', 'F10', 'format/amount-in-yuan', 'warning', undefined],
    [SAMPLE_FILES.yejiDeclaration, '申报表', 'G10', 'format/amount-in-yuan', 'warning', undefined],
    [SAMPLE_FILES.yejiDeclaration, '申报表', 'C12', 'consistency/duplicate-project-name', 'warning', undefined],
    // a 叶集 workbook: the 武隆 附件 is only a reference there
    [SAMPLE_FILES.yejiDeclaration, '申报表', 'C13', 'eligibility/project-scope', 'warning', `${WULONG_TABLE}（参照，不是本项目所适用办法的规定）`],
    [SAMPLE_FILES.yejiDeclaration, '申报表', 'M14', 'format/phone', 'warning', undefined],
    [SAMPLE_FILES.yejiDeclaration, '申报表', 'N14', 'format/email', 'warning', undefined],
    [SAMPLE_FILES.yejiDeclaration, '申报表', 'K15', 'completeness/required-field', 'error', `${YEJI}附件1《六安市叶集区政务信息化项目申报表》负责人`],
    [SAMPLE_FILES.yejiProgressForm, '进度情况表', 'C4', 'deadline/report-date-window', 'warning', `${YEJI}第十五条`],
    [SAMPLE_FILES.yejiProgressForm, '进度情况表', 'B10', 'completeness/progress-completion-time', 'error', `${YEJI}附件2《六安市叶集区政务信息化项目进度情况表》说明2`],
    [SAMPLE_FILES.yejiProgressForm, '进度情况表', 'B12', 'consistency/invested-exceeds-total', 'error', undefined],
    [SAMPLE_FILES.wulongLedger, '进度台账', 'F5', 'change-limit/over-15-percent', 'error', `${WULONG}第二十六条`],
    [SAMPLE_FILES.wulongLedger, '进度台账', 'G7', 'change-limit/exceeds-approved-budget', 'error', `${WULONG}第二十六条`],
    [SAMPLE_FILES.wulongLedger, '进度台账', 'K8', 'deadline/overdue', 'error', `${WULONG}第二十八条`],
    [SAMPLE_FILES.wulongLedger, '进度台账', 'K9', 'deadline/due-soon', 'warning', `${WULONG}第二十八条`],
    [SAMPLE_FILES.wulongLedger, '进度台账', 'M11', 'consistency/invested-exceeds-total', 'error', undefined],
    [SAMPLE_FILES.wulongExpenses, '费用明细', 'B8', 'eligibility/expense-scope', 'warning', WULONG_TABLE],
    [SAMPLE_FILES.wulongExpenses, '费用明细', 'B9', 'eligibility/expense-scope', 'warning', WULONG_TABLE],
    [SAMPLE_FILES.wulongExpenses, '费用明细', 'B10', 'eligibility/expense-scope', 'warning', WULONG_TABLE],
    [SAMPLE_FILES.wulongExpenses, '费用明细', 'B11', 'eligibility/expense-scope', 'error', WULONG_TABLE],
    [SAMPLE_FILES.wulongExpenses, '费用明细', 'B12', 'eligibility/expense-scope', 'error', WULONG_TABLE],
    [SAMPLE_FILES.wulongExpenses, '费用明细', 'B13', 'eligibility/expense-scope', 'error', WULONG_TABLE],
    [SAMPLE_FILES.wulongExpenses, '费用明细', 'B14', 'eligibility/expense-scope', 'error', WULONG_TABLE],
    [SAMPLE_FILES.wulongExpenses, '费用明细', 'B15', 'eligibility/expense-scope', 'info', WULONG_TABLE],
    [SAMPLE_FILES.laizhouLedger, '项目台账', 'O5', 'threshold/om-fee-limit', 'error', `${LAIZHOU}第二十九条`],
    [SAMPLE_FILES.laizhouLedger, '项目台账', 'I6', 'change-limit/after-procurement', 'error', `${LAIZHOU}第十九条`],
    [SAMPLE_FILES.wuhanLedger, '进度台账', 'E5', 'threshold/on-boundary', 'info', `${WUHAN}第八条`],
    [SAMPLE_FILES.wuhanLedger, '进度台账', 'C7', 'eligibility/outside-regulation', 'error', `${WUHAN}第三条`],
    [SAMPLE_FILES.wuhanLedger, '进度台账', 'C8', 'eligibility/outside-regulation', 'warning', `${WUHAN}第十二条`],
    [SAMPLE_FILES.wuhanLedger, '进度台账', 'F9', 'change-limit/over-15-percent', 'error', `${WUHAN}第十九条`],
    [SAMPLE_FILES.wuhanLedger, '进度台账', 'F10', 'change-limit/filing-required', 'info', `${WUHAN}第十九条`],
    [SAMPLE_FILES.wuhanLedger, '进度台账', 'J11', 'deadline/overdue', 'error', `${WUHAN}第二十一条`],
    [SAMPLE_FILES.yejiSmallProjects, '申报表', 'F6', 'threshold/out-of-scope', 'warning', `${YEJI}第二条`],
    [SAMPLE_FILES.yejiSmallProjects, '申报表', 'F7', 'threshold/out-of-scope', 'warning', `${YEJI}第二条`],
    [SAMPLE_FILES.yejiSmallProjects, '申报表', 'F7', 'threshold/on-boundary', 'info', `${YEJI}第二条`],
  ];

  test.each(PLANTED)('%s %s!%s: %s (%s)', (file, sheet, cell, ruleId, severity, citation) => {
    const hits = wb(file).findings.filter((f) => f.sheet === sheet && f.cell === cell && f.ruleId === ruleId);
    expect(hits).toHaveLength(1);
    expect(hits[0]!.severity).toBe(severity);
    expect(hits[0]!.message.length).toBeGreaterThan(0);
    if (citation !== undefined) expect(hits[0]!.citation).toBe(citation);
  });

  // Rows planted clean: no finding at all (info included), except the 15% filing note the regulation asks for.
  const CLEAN: [string, string, number][] = [
    [SAMPLE_FILES.yejiDeclaration, '申报表', 5],
    [SAMPLE_FILES.yejiDeclaration, '申报表', 6],
    [SAMPLE_FILES.yejiDeclaration, '申报表', 11],
    [SAMPLE_FILES.yejiDeclaration, '申报表', 16], // 合计 equals the sum of the rows above
    [SAMPLE_FILES.wulongLedger, '进度台账', 4],
    [SAMPLE_FILES.wulongLedger, '进度台账', 10],
    [SAMPLE_FILES.wulongExpenses, '费用明细', 4],
    [SAMPLE_FILES.wulongExpenses, '费用明细', 5],
    [SAMPLE_FILES.wulongExpenses, '费用明细', 6],
    [SAMPLE_FILES.wulongExpenses, '费用明细', 7],
    [SAMPLE_FILES.wulongExpenses, '费用明细', 16],
    [SAMPLE_FILES.wulongExpenses, '费用明细', 17],
    [SAMPLE_FILES.laizhouLedger, '项目台账', 4],
    [SAMPLE_FILES.wuhanLedger, '进度台账', 4],
    [SAMPLE_FILES.wuhanLedger, '进度台账', 6], // ≥ 3000: the 第十五条 path is a computed value, not a finding
    [SAMPLE_FILES.wuhanLedger, '进度台账', 12], // self-evaluation window open, not yet due
    [SAMPLE_FILES.wuhanLedger, '进度台账', 13],
    [SAMPLE_FILES.wuhanLedger, '进度台账', 14],
    [SAMPLE_FILES.wuhanLedger, '进度台账', 15],
    [SAMPLE_FILES.yejiSmallProjects, '申报表', 5],
    [SAMPLE_FILES.yejiSmallProjects, '申报表', 8], // 10.01: just above the 第二条 line
    [SAMPLE_FILES.yejiSmallProjects, '申报表', 9],
    [SAMPLE_FILES.yejiSmallProjects, '申报表', 10], // 合计
  ];
  test.each(CLEAN)('%s %s row %d has no findings', (file, sheet, row) => {
    expect(wb(file).findings.filter((f) => f.sheet === sheet && f.row === row)).toEqual([]);
  });

  test('the clean progress form has no findings', () => {
    expect(wb(SAMPLE_FILES.yejiProgressForm).findings.filter((f) => f.sheet === '进度情况表（二）')).toEqual([]);
  });

  test('exactly 15.00% is allowed: no error on the row, only the filing note', () => {
    const row6 = wb(SAMPLE_FILES.wulongLedger).findings.filter((f) => f.row === 6);
    expect(row6.map((f) => [f.ruleId, f.severity])).toEqual([['change-limit/filing-required', 'info']]);
    expect(row6[0]!.citation).toBe(`${WULONG}第二十六条`);
  });

  // Rows whose planted finding must be the only one (severity included): the boundary rows and Wuhan's 15.00%.
  const ONLY: [string, string, number, [string, string][]][] = [
    [SAMPLE_FILES.wuhanLedger, '进度台账', 5, [['threshold/on-boundary', 'info']]],
    [SAMPLE_FILES.wuhanLedger, '进度台账', 7, [['eligibility/outside-regulation', 'error']]],
    [SAMPLE_FILES.wuhanLedger, '进度台账', 9, [['change-limit/over-15-percent', 'error']]],
    [SAMPLE_FILES.wuhanLedger, '进度台账', 10, [['change-limit/filing-required', 'info']]],
    [SAMPLE_FILES.wuhanLedger, '进度台账', 11, [['deadline/overdue', 'error']]],
    [SAMPLE_FILES.yejiSmallProjects, '申报表', 6, [['threshold/out-of-scope', 'warning']]],
    [SAMPLE_FILES.yejiSmallProjects, '申报表', 7, [['threshold/on-boundary', 'info'], ['threshold/out-of-scope', 'warning']]],
  ];
  test.each(ONLY)('%s %s row %d has exactly the planted findings', (file, sheet, row, expected) => {
    const got = wb(file).findings.filter((f) => f.sheet === sheet && f.row === row).map((f) => [f.ruleId, f.severity]);
    expect(got.sort()).toEqual([...expected].sort());
  });

  test('Wuhan computed values: 第八条/第十五条 approval path, 第二十一条 acceptance, 第二十二条 self-evaluation window', () => {
    const c = wb(SAMPLE_FILES.wuhanLedger).computed;
    const at = (row: number, key: string) => c.find((x) => x.row === row && x.key === key)?.value;
    expect(at(6, 'approvalPath')).toMatch(/报项目审批部门审批（第八条）.*报市人民政府批准（第十五条）/);
    expect(at(5, 'approvalPath')).toMatch(/50万元以上（含本数）/);
    expect(at(5, 'approvalPath')).not.toMatch(/第十五条/);
    expect(at(15, 'approvalPath')).toMatch(/自行组织实施.*备案（第八条）/);
    expect(at(11, 'acceptanceDue')).toBe('2026-03-15');
    expect(at(12, 'selfEvaluationFrom')).toBe('2026-03-01');
    expect(at(12, 'selfEvaluationDue')).toBe('2027-03-01');
    expect(at(4, 'selfEvaluationFrom')).toBe('2025-12-01');
    expect(at(4, 'selfEvaluationDue')).toBe('2026-12-01');
  });

  test('Yeji 第二条: 10 and below is outside the regulation in the computed path, above 10 goes into the plan', () => {
    const c = wb(SAMPLE_FILES.yejiSmallProjects).computed.filter((x) => x.key === 'approvalPath');
    const byRow = new Map(c.map((x) => [x.row, String(x.value)]));
    for (const row of [6, 7]) expect(byRow.get(row)).toMatch(/不适用本办法（第二条）/);
    for (const row of [5, 8, 9]) expect(byRow.get(row)).toMatch(/纳入年度政务信息化项目建设计划/);
  });

  test('Laizhou checked after 2024-09-28 carries one expired-regulation notice', () => {
    const notices = wb(SAMPLE_FILES.laizhouLedger).notices;
    expect(notices).toHaveLength(1);
    expect(notices[0]!.message).toContain('2024年9月28日');
    for (const w of doc.workbooks.filter((x) => x.profile.id !== 'laizhou')) expect(w.notices).toEqual([]);
  });

  test('sheets: kinds, header rows and the columns recognised (银行货款 typo included)', () => {
    const decl = wb(SAMPLE_FILES.yejiDeclaration).sheets;
    expect(decl.map((s) => [s.name, s.kind, s.headerRow])).toEqual([
      ['申报表', 'declaration', 4],
      ['填表说明', 'unknown', null],
    ]);
    expect(decl[0]!.columns).toMatchObject({ projectName: 'C', investment: 'F', fundFiscal: 'G', fundLoan: 'H', fundSelf: 'I', fundOther: 'J', owner: 'K' });
    expect(wb(SAMPLE_FILES.yejiProgressForm).sheets.map((s) => s.kind)).toEqual(['progress-form', 'progress-form']);
    expect(wb(SAMPLE_FILES.wulongLedger).sheets[0]).toMatchObject({ kind: 'progress-table', headerRow: 3 });
    expect(wb(SAMPLE_FILES.wulongExpenses).sheets[0]).toMatchObject({ kind: 'expense', headerRow: 3, columns: { item: 'B', amount: 'E' } });
    expect(wb(SAMPLE_FILES.laizhouLedger).sheets[0]).toMatchObject({ kind: 'progress-table', columns: { maintenanceFee: 'O', procurementDate: 'H' } });
    expect(wb(SAMPLE_FILES.wuhanLedger).sheets).toHaveLength(1);
    expect(wb(SAMPLE_FILES.wuhanLedger).sheets[0]).toMatchObject({
      kind: 'progress-table',
      headerRow: 3,
      columns: { approvedBudget: 'E', adjustment: 'F', adjustedTotal: 'G', completionDate: 'I', acceptanceDate: 'J', operationDate: 'K', selfEvaluationDate: 'L', invested: 'M' },
    });
    expect(wb(SAMPLE_FILES.yejiSmallProjects).sheets.map((s) => [s.name, s.kind, s.headerRow])).toEqual([['申报表', 'declaration', 4]]);
  });

  test('computed values: deadlines as dates, expense scope per row', () => {
    const ledger = wb(SAMPLE_FILES.wulongLedger).computed;
    expect(ledger).toContainEqual(expect.objectContaining({ row: 8, key: 'acceptanceDue', value: '2026-04-30' }));
    expect(ledger).toContainEqual(expect.objectContaining({ row: 4, key: 'acceptanceDue', value: '2026-03-30' }));
    const scope = wb(SAMPLE_FILES.wulongExpenses).computed.filter((c) => c.key === 'expenseScope');
    expect(scope.map((c) => c.row)).toEqual([4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]);
    for (const c of doc.workbooks.flatMap((w) => w.computed)) expect(c.header.endsWith(COMPUTED_HEADER_MARKER)).toBe(true);
  });
});

describe('text and csv over the samples', () => {
  test('text: zh summary per workbook and sheet, with totals; exit 1', async () => {
    const r = await run(['assets/samples', '--as-of', AS_OF]);
    expect(r.code).toBe(1);
    expect(r.err).toBe('');
    expect(r.out).toContain('== assets/samples/01-yeji-declaration.xlsx ==');
    expect(r.out).toContain('工作表「申报表」：申报表，表头第 4 行');
    expect(r.out).toMatch(/F7\s+错误/);
    expect(r.out).toContain('〔《武隆区政务信息化项目管理办法》（武隆府办发〔2022〕47号）第二十六条〕');
    expect(r.out).toMatch(/^共 7 个文件：错误 \d+，警告 \d+，提示 \d+$/m);
  });

  test('text --lang en: English labels and English messages from the engine', async () => {
    const r = await run([`assets/samples/${SAMPLE_FILES.wulongLedger}`, '--as-of', AS_OF, '--lang', 'en']);
    expect(r.out).toContain('Sheet "进度台账": progress ledger, header row 3');
    expect(r.out).not.toMatch(/资金调整数额/);
  });

  test('csv: BOM, header, one line per finding or notice', async () => {
    const j = JSON.parse((await run(['assets/samples', '--format', 'json', '--as-of', AS_OF])).out) as JsonDocument;
    const r = await run(['assets/samples', '--format', 'csv', '--as-of', AS_OF]);
    expect(r.out.startsWith('\uFEFF文件,工作表,行,单元格,严重程度,规则,类别,说明,依据,核实情况\r\n')).toBe(true);
    const expected = j.workbooks.reduce((n, w) => n + w.findings.length + w.notices.length, 0);
    // Quoted fields may hold CRLF only inside quotes; count records by the file column instead.
    const records = r.out.split('\r\n').filter((l) => l.startsWith('assets/samples/'));
    expect(records).toHaveLength(expected);
  });
});

describe('--out: annotated copies', () => {
  const out = path.join(dir, 'annotated');
  const hashes = new Map<string, string>();
  let doc: JsonDocument;

  beforeAll(async () => {
    for (const f of fs.readdirSync(SAMPLES)) hashes.set(f, sha256(path.join(SAMPLES, f)));
    const r = await run(['assets/samples', '--format', 'json', '--as-of', AS_OF, '--out', out]);
    expect(r.code).toBe(1);
    doc = JSON.parse(r.out);
  });

  test('the inputs are byte-for-byte unchanged', () => {
    for (const [f, h] of hashes) expect(sha256(path.join(SAMPLES, f))).toBe(h);
  });

  test.each(Object.values(SAMPLE_FILES))('%s: copy keeps every cell except the marked ones and the computed columns', async (file) => {
    const w = doc.workbooks.find((x) => x.file.endsWith(file))!;
    const before = await load(path.join(SAMPLES, file));
    const after = await load(path.join(out, file));
    // Marked cells: each finding's cell, or the master of the merge it falls in.
    const marked = new Set<string>();
    for (const f of w.findings) {
      if (!f.cell) continue;
      const c = before.getWorksheet(f.sheet)!.getCell(f.cell);
      marked.add(`${f.sheet}!${c.isMerged ? c.master.address : f.cell}`);
    }
    // Computed columns: those whose header on the sheet's header row carries the checker's marker in the copy.
    const computed = new Map<string, Set<number>>();
    for (const sh of w.sheets) {
      if (!sh.headerRow) continue;
      const set = new Set<number>();
      after.getWorksheet(sh.name)!.getRow(sh.headerRow).eachCell((cell, n) => {
        if (typeof cell.value === 'string' && cell.value.endsWith(COMPUTED_HEADER_MARKER)) set.add(n);
      });
      computed.set(sh.name, set);
    }
    const expectedColumns = new Set(w.computed.filter((c) => w.sheets.find((x) => x.name === c.sheet)?.kind !== 'progress-form').map((c) => `${c.sheet}:${c.header}`));
    expect([...expectedColumns].every((k) => [...(computed.get(k.split(':')[0]!) ?? [])].length > 0)).toBe(true);
    const { changes } = compareWorkbooks(before, after, marked, computed);
    expect(changes).toEqual([]);
    // Each marked cell has a note that starts with the checker's marker.
    for (const key of marked) {
      const [sheet, addr] = key.split('!') as [string, string];
      expect(String(after.getWorksheet(sheet)!.getCell(addr).note)).toMatch(/^【fundcheck 资金规则检查】\n/);
    }
  });

  test('computed columns sit right of the table under marked headers, dates as real dates', async () => {
    const ws = (await load(path.join(out, SAMPLE_FILES.wulongLedger))).getWorksheet('进度台账')!;
    const headers = (ws.getRow(3).values as unknown[]).filter((v) => typeof v === 'string' && v.endsWith(COMPUTED_HEADER_MARKER)) as string[];
    expect(headers.length).toBeGreaterThan(0);
    // Row 8: acceptance due 2026-04-30, stored as a date formatted yyyy-mm-dd.
    let found = false;
    ws.getRow(8).eachCell((cell) => {
      if (cell.value instanceof Date && cell.value.getTime() === Date.UTC(2026, 3, 30)) {
        found = true;
        expect(cell.numFmt).toBe('yyyy-mm-dd');
      }
    });
    expect(found).toBe(true);
  });

  test('re-checking an annotated copy gives the same findings and updates computed columns in place', async () => {
    const again = path.join(dir, 'again');
    const r = await run([out, '--format', 'json', '--as-of', AS_OF, '--out', again]);
    const doc2 = JSON.parse(r.out) as JsonDocument;
    for (const w of doc.workbooks) {
      const w2 = doc2.workbooks.find((x) => x.file.endsWith(path.basename(w.file)))!;
      expect(w2.findings.map((f) => [f.cell, f.ruleId])).toEqual(w.findings.map((f) => [f.cell, f.ruleId]));
      expect(w2.computed).toEqual(w.computed);
      const a = await load(path.join(out, path.basename(w.file)));
      const b = await load(path.join(again, path.basename(w.file)));
      for (const ws of a.worksheets) expect(b.getWorksheet(ws.name)!.columnCount).toBe(ws.columnCount);
    }
  });

  test('an --out that would overwrite an input is refused with exit 2 and nothing is written', async () => {
    const before = sha256(path.join(SAMPLES, SAMPLE_FILES.wulongLedger));
    const r = await run(['assets/samples', '--out', 'assets/samples']);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/覆盖输入文件/);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(sha256(path.join(SAMPLES, SAMPLE_FILES.wulongLedger))).toBe(before);
    // Same through a different spelling of the path, and for a single file.
    const r2 = await run([`assets/samples/${SAMPLE_FILES.wulongLedger}`, '--out', './assets/samples/../samples/']);
    expect(r2.code).toBe(2);
  });

  test('an --out that is an existing file is refused', async () => {
    const r = await run([`assets/samples/${SAMPLE_FILES.wulongLedger}`, '--out', 'package.json']);
    expect(r.code).toBe(2);
  });
});

describe('exit codes and unusable files', () => {
  let clean: string;
  let corrupt: string;

  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('申报表');
    ws.addRow(['六安市叶集区政务信息化项目申报表']);
    ws.addRow(['序号', '建设单位', '项目名称', '建设年度', '项目投资（万元）', '财政资金（万元）', '负责人', '联系人', '联系电话']);
    ws.addRow([1, '叶集区数据资源管理局', '政务云平台扩容', '2027年1月至2027年12月', 300, 300, '张伟', '李娜', '0564-6612345']);
    clean = path.join(dir, 'clean.xlsx');
    await wb.xlsx.writeFile(clean);
    corrupt = path.join(dir, 'corrupt.xlsx');
    const bytes = fs.readFileSync(clean);
    fs.writeFileSync(corrupt, bytes.subarray(0, Math.floor(bytes.length / 2)));
  });

  test('0 when nothing of severity error is found', async () => {
    const r = await run([clean, '--as-of', AS_OF, '--format', 'json']);
    const doc = JSON.parse(r.out) as JsonDocument;
    expect(doc.workbooks[0]!.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(r.code).toBe(0);
  });

  test('2 for a missing file, with one line naming it', async () => {
    const r = await run(['no-such-file.xlsx']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^fundcheck: no-such-file\.xlsx: .+\n$/);
  });

  test('a batch with one corrupt file still reports the others; 2 wins over 1', async () => {
    const folder = path.join(dir, 'batch');
    fs.mkdirSync(folder, { recursive: true });
    fs.copyFileSync(corrupt, path.join(folder, 'a-corrupt.xlsx'));
    fs.copyFileSync(path.join(SAMPLES, SAMPLE_FILES.wulongLedger), path.join(folder, 'b-ledger.xlsx'));
    fs.copyFileSync(clean, path.join(folder, 'c-clean.xlsx'));
    fs.writeFileSync(path.join(folder, '~$b-ledger.xlsx'), 'lock');
    const r = await run([folder, '--format', 'json', '--as-of', AS_OF]);
    expect(r.code).toBe(2);
    const doc = JSON.parse(r.out) as JsonDocument;
    expect(doc.workbooks.map((w) => path.basename(w.file))).toEqual(['b-ledger.xlsx', 'c-clean.xlsx']);
    expect(doc.workbooks[0]!.findings.some((f) => f.severity === 'error')).toBe(true);
    expect(doc.errors).toHaveLength(1);
    expect(doc.errors![0]!.file).toMatch(/a-corrupt\.xlsx$/);
    const lines = r.err.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/a-corrupt\.xlsx: /);
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  test('progress on stderr only when it is a terminal, cleared before results; stdout unaffected', async () => {
    const stdout = new Sink();
    const stderr = new Sink();
    stderr.isTTY = true;
    const code = await main(['assets/samples', '--format', 'json', '--as-of', AS_OF], { stdout, stderr, cwd: ROOT, workers: 0 });
    expect(code).toBe(1);
    expect(stderr.text).toMatch(/\[1\/7\] assets\/samples\/01-yeji-declaration\.xlsx/);
    expect(stderr.text.endsWith('\r\x1b[K')).toBe(true);
    expect(() => JSON.parse(stdout.text)).not.toThrow();
    expect((await run(['assets/samples', '--format', 'json', '--as-of', AS_OF])).err).toBe('');
  });

  test('a folder with no .xlsx is unusable input', async () => {
    const empty = path.join(dir, 'empty');
    fs.mkdirSync(empty, { recursive: true });
    expect((await run([empty])).code).toBe(2);
  });
});

describe('an honest verdict: data left unchecked is never a clean result', () => {
  const FOREIGN: ExcelJS.CellValue[][] = [
    ['资产台账'],
    ['资产编号', '资产名称', '购置日期', '原值'],
    ['ZC-001', '服务器', new Date(Date.UTC(2024, 0, 2)), 12.5],
    ['ZC-002', '交换机', new Date(Date.UTC(2024, 0, 10)), 3.2],
  ];
  const HEADERS = ['序号', '建设单位', '项目名称', '建设年度', '项目投资（万元）', '财政资金（万元）', '负责人', '联系人', '联系电话', '审批文号'];
  const ROW = [1, '叶集区数据资源管理局', '政务云平台扩容', '2027年1月至2027年12月', 300, 300, '张伟', '李娜', '0564-6612345', '叶数管〔2026〕3号'];
  let foreign: string;
  let clean: string;

  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('资产');
    for (const r of FOREIGN) ws.addRow(r);
    foreign = path.join(dir, 'verdict-foreign.xlsx');
    await wb.xlsx.writeFile(foreign);

    const wb2 = new ExcelJS.Workbook();
    const decl = wb2.addWorksheet('申报表');
    decl.addRow(['六安市叶集区政务信息化项目申报表']);
    decl.addRow(HEADERS);
    decl.addRow(ROW);
    const notes = wb2.addWorksheet('填表说明');
    notes.addRow(['填表说明']);
    notes.addRow(['1．', '本表由项目建设单位填写，主管部门盖章，金额单位为万元。']);
    notes.addRow(['2．', '每个项目的简要说明字数控制在200字以内，写明建设依据。']);
    clean = path.join(dir, 'verdict-clean.xlsx');
    await wb2.xlsx.writeFile(clean);
  });

  test('text: the unrecognised sheet is a warning naming it and the reason; the verdict says what was left; exit 1', async () => {
    const r = await run([foreign, '--as-of', AS_OF]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/工作表「资产」：未识别（.+）\n\s+第 2 行\n\s+A2\s+警告  未识别工作表“资产”（.+），表中数据未检查  〔《六安市叶集区政务信息化项目管理办法》（叶政办〔2020〕19号）附件1《/);
    expect(r.out).toContain('  结论：错误 0，警告 1，提示 0；1 张工作表有数据未检查\n');
    expect(r.out).not.toContain('未发现问题');
    const en = await run([foreign, '--as-of', AS_OF, '--lang', 'en']);
    expect(en.code).toBe(1);
    expect(en.out).toContain('Verdict: 0 error(s), 1 warning(s), 0 info; 1 sheet(s) hold data that was not checked');
    expect(en.out).not.toContain('no problems found');
  });

  test('json and csv carry the warning with its citation; exit 1 in every format', async () => {
    const j = await run([foreign, '--as-of', AS_OF, '--format', 'json']);
    expect(j.code).toBe(1);
    const wb = (JSON.parse(j.out) as JsonDocument).workbooks[0]!;
    const f = wb.findings.filter((x) => x.ruleId === 'completeness/sheet-unchecked');
    expect(f).toEqual([expect.objectContaining({ sheet: '资产', cell: 'A2', severity: 'warning', category: 'completeness' })]);
    expect(f[0]!.message).toContain('未检查');
    expect(f[0]!.citation).toContain('附件2《六安市叶集区政务信息化项目进度情况表》');
    const c = await run([foreign, '--as-of', AS_OF, '--format', 'csv']);
    expect(c.code).toBe(1);
    expect(c.out).toMatch(/,资产,2,A2,警告,completeness\/sheet-unchecked,completeness,未识别工作表“资产”/);
  });

  test('the annotated copy marks the first cell of the unchecked data with the warning as a note', async () => {
    const out = path.join(dir, 'verdict-out');
    const r = await run([foreign, '--as-of', AS_OF, '--out', out]);
    expect(r.code).toBe(1);
    const copy = await load(path.join(out, 'verdict-foreign.xlsx'));
    const cell = copy.getWorksheet('资产')!.getCell('A2');
    const note = typeof cell.note === 'string' ? cell.note : (cell.note as { texts: { text: string }[] }).texts.map((t) => t.text).join('');
    expect(note).toMatch(/^【fundcheck 资金规则检查】\n警告：未识别工作表“资产”（.+），表中数据未检查（依据：/);
    expect((cell.fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFEB9C');
  });

  test('a checked sheet beside a sheet of 填表说明: exit 0, 未发现问题, and the column it did not use', async () => {
    const r = await run([clean, '--as-of', AS_OF]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('工作表「填表说明」：未识别');
    expect(r.out).toContain('    未用到的列：J“审批文号”\n');
    expect(r.out).toContain('  结论：未发现问题\n');
    const j = JSON.parse((await run([clean, '--as-of', AS_OF, '--format', 'json'])).out) as JsonDocument;
    expect(j.workbooks[0]!.sheets[0]!.unmappedColumns).toEqual([{ column: 'J', header: '审批文号' }]);
    expect(j.workbooks[0]!.findings).toEqual([]);
  });
});
