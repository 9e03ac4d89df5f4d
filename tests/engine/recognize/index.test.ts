// Sheet recognition on the layouts people really send: 附件1 as printed, reordered, flattened, ledgers, forms, expenses.
import { recognizeSheet, type Recognition } from '../../../src/engine/recognize';
import { COMPUTED_HEADER_MARKER, type CellValue, type FieldKey } from '../../../src/engine/types';
import {
  ATTACHMENT2_VALUE_CELLS,
  DECLARATION_LOWER,
  DECLARATION_UPPER,
  LEDGER_HEADER,
  attachment1,
  attachment2,
  declarationHeaderMerges,
  declarationRow,
  expenseSheet,
  instructionsSheet,
  ledgerRow,
  progressLedger,
  sheet,
  simpleTable,
  withEmptyTail,
} from './fixtures';

// Generous on purpose: a busy 2-core machine runs this several times slower (speed is measured by `npm run bench`).
jest.setTimeout(120_000);

const skipped = (r: Recognition, reason: string): number[] =>
  r.skippedRows.filter((s) => s.reason === reason).map((s) => s.row);

describe('附件1 declaration as printed', () => {
  const r = recognizeSheet(attachment1(2));

  test('two-row header under two title rows', () => {
    expect(r.kind).toBe('declaration');
    expect([r.headerTop, r.headerBottom]).toEqual([2, 3]);
    expect(skipped(r, 'title')).toEqual([0, 1]);
  });

  test('every printed column maps, fund columns under the merged 资金筹措 group', () => {
    expect(r.columns).toEqual({
      seq: 0, unit: 1, projectName: 2, description: 3, period: 4, investment: 5,
      fundFiscal: 6, fundLoan: 7, fundSelf: 8, fundOther: 9,
      owner: 10, contact: 11, phone: 12, email: 13, remark: 14,
    });
    expect(r.unmappedHeaders).toEqual([]);
    expect(r.tableRight).toBe(14);
  });

  test('units printed in the header', () => {
    expect(r.units).toEqual({
      investment: '万元', fundFiscal: '万元', fundLoan: '万元', fundSelf: '万元', fundOther: '万元',
    });
  });

  test('合计 right below the header is a totals row; projects are data; seal and notes are skipped', () => {
    expect(r.totalsRows).toEqual([4]);
    expect(r.dataRows).toEqual([5, 6]);
    expect(skipped(r, 'blank')).toEqual([7, 8, 10, 12]);
    expect(skipped(r, 'seal')).toEqual([9, 11]);
    expect(skipped(r, 'note')).toEqual([13, 14, 15]);
  });

  test('reason names the header rows, some labels and the kind', () => {
    expect(r.reason).toMatch(/^第3–4行为表头（建设单位、项目名称、/);
    expect(r.reason).toMatch(/识别为申报表$/);
    expect(r.reasonEn).toMatch(/^Rows 3–4 are the header/);
  });

  test('without merges (unmerged copy) the same columns map', () => {
    const s = attachment1(1);
    const plain = recognizeSheet({ ...s, merges: [] });
    expect(plain.kind).toBe('declaration');
    expect(plain.columns).toEqual(r.columns);
    expect(plain.dataRows).toEqual([5]);
  });

  test('hidden rows are still data', () => {
    const s = { ...attachment1(3), hiddenRows: [6] };
    expect(recognizeSheet(s).dataRows).toEqual([5, 6, 7]);
  });
});

describe('declaration variants', () => {
  test('columns in another order, an extra column, a missing one', () => {
    const header = ['项目名称', '建设单位', '项目投资（万元）', '序号', '所属行业', '负责人', '备注'];
    const r = recognizeSheet(simpleTable(header, [['A系统', '某局', 50, 1, '政务', '张三', '']]));
    expect(r.kind).toBe('declaration');
    expect(r.columns).toEqual({ projectName: 0, unit: 1, investment: 2, seq: 3, owner: 5, remark: 6 });
    expect(r.unmappedHeaders).toEqual([{ col: 4, text: '所属行业' }]);
    expect(r.dataRows).toEqual([2]);
  });

  test('one-row header with 资金筹措-财政资金 flattened', () => {
    const header = [
      '序号', '建设单位', '项目名称', '建设年度', '项目投资（万元）', '资金筹措-财政资金（万元）', '资金筹措-银行货款（万元）',
      '资金筹措-自筹（万元）', '资金筹措-其他（万元）', '负责人',
    ];
    const r = recognizeSheet(simpleTable(header, [[1, '某局', 'A', '2024年', 10, 10, 0, 0, 0, '张三']]));
    expect(r.kind).toBe('declaration');
    expect(r.columns).toMatchObject({ fundFiscal: 5, fundLoan: 6, fundSelf: 7, fundOther: 8 });
    expect(r.units.fundOther).toBe('万元');
  });

  test('line breaks, half-width brackets and 元 units', () => {
    const header = ['序\n号', '建设\n单位', '项目\n名称', '建设\n年度', '项目\n投资\n(元)', '财政\n资金\n(元)', '联系\n电话'];
    const r = recognizeSheet(simpleTable(header, [[1, '某局', 'A', '2024年', 100000, 100000, '123']]));
    expect(r.kind).toBe('declaration');
    expect(r.columns).toEqual({ seq: 0, unit: 1, projectName: 2, period: 3, investment: 4, fundFiscal: 5, phone: 6 });
    expect(r.units).toEqual({ investment: '元', fundFiscal: '元' });
  });

  test('银行货款 (the template typo) and 银行贷款 both mean the loan column', () => {
    for (const label of ['银行货款（万元）', '银行贷款（万元）']) {
      const r = recognizeSheet(simpleTable(['项目名称', '项目投资（万元）', '财政资金（万元）', label], [['A', 10, 5, 5]]));
      expect(r.columns.fundLoan).toBe(3);
    }
  });

  test('总投资 in a declaration is read as its 项目投资', () => {
    const header = ['项目名称', '建设单位', '总投资（万元）', '财政资金', '自筹', '建设年度'];
    const r = recognizeSheet(simpleTable(header, [['A', '某局', 10, 5, 5, '2024年']]));
    expect(r.kind).toBe('declaration');
    expect(r.columns.investment).toBe(2);
    expect(r.columns.totalInvestment).toBeUndefined();
    expect(r.units.investment).toBe('万元');
    expect(r.reason).toContain('“总投资”列按“项目投资”读取');
  });

  test('a 单位：万元 line above the table gives money columns their unit', () => {
    const s = simpleTable(['项目名称', '项目投资', '财政资金', '负责人'], [['A', 10, 10, '张三']], ['申报表', '单位：万元']);
    const r = recognizeSheet(s);
    expect(r.units).toEqual({ investment: '万元', fundFiscal: '万元' });
  });

  test('header further down: three title rows and blank rows before it', () => {
    const rows: CellValue[][] = [['六安市叶集区政务信息化项目申报表'], [], ['填报单位：某局'], ['填报日期：2024年3月5日'], []];
    rows.push(['序号', '建设单位', '项目名称', '项目投资（万元）'], [1, '某局', 'A', 10]);
    const r = recognizeSheet(sheet('s', rows));
    expect([r.headerTop, r.headerBottom]).toEqual([5, 5]);
    expect(r.dataRows).toEqual([6]);
  });

  test('a one-row header drawn two rows tall (every label merged down) ends on the lower row', () => {
    const rows: CellValue[][] = [['申报表'], ['项目名称', '建设单位', '项目投资（万元）'], [], ['A', '某局', 10]];
    const r = recognizeSheet(sheet('s', rows, ['A2:A3', 'B2:B3', 'C2:C3']));
    expect([r.headerTop, r.headerBottom]).toEqual([1, 2]);
    expect(r.columns).toEqual({ projectName: 0, unit: 1, investment: 2 });
    expect(r.dataRows).toEqual([3]);
  });

  test('header starting in column C, table left of data', () => {
    const rows: CellValue[][] = [[null, null, '项目名称', '项目投资（万元）', '建设单位'], [null, null, 'A', 10, '某局'], [null, null, '合计', 10]];
    const r = recognizeSheet(sheet('s', rows));
    expect(r.columns).toEqual({ projectName: 2, investment: 3, unit: 4 });
    expect(r.dataRows).toEqual([1]);
    expect(r.totalsRows).toEqual([2]);
  });

  test('title says 申报表 but no investment column: best effort, and the reason says why', () => {
    const s = simpleTable(['序号', '建设单位', '项目名称', '负责人'], [[1, '某局', 'A', '张三']], ['某区政务信息化项目申报表']);
    const r = recognizeSheet(s);
    expect(r.kind).toBe('declaration');
    expect(r.reason).toContain('缺少“项目投资”列');
  });

  test('title says 申报表 but only one column is known: unknown, with the reason', () => {
    const s = simpleTable(['项目名称', '年份', '类别x'], [['A', 2024, 'x']], ['某区政务信息化项目申报表']);
    const r = recognizeSheet(s);
    expect(r.kind).toBe('unknown');
    expect(r.reason).toContain('申报表');
    expect(r.dataRows).toEqual([]);
  });
});

describe('column assignment: each column once, each field once, most specific first', () => {
  test.each<[string, CellValue[], Partial<Record<FieldKey, number>>]>([
    ['总投资 / 调整后总投资 / 概算总投资', ['项目名称', '调整后总投资', '总投资', '概算总投资'], { projectName: 0, adjustedTotal: 1, totalInvestment: 2, approvedBudget: 3 }],
    ['已投资 beside 项目投资', ['项目名称', '已投资', '项目投资', '财政资金', '建设年度'], { projectName: 0, invested: 1, investment: 2, fundFiscal: 3 }],
    ['联系人 / 联系电话 / 手机', ['项目名称', '项目投资', '联系电话', '联系人', '手机'], { projectName: 0, investment: 1, phone: 2, contact: 3, mobile: 4 }],
    ['项目建设单位 / 建设年度 / 建设进度 are three fields', ['项目建设单位', '项目名称', '建设年度', '项目投资', '建设进度'], { unit: 0, projectName: 1, period: 2, investment: 3, progress: 4 }],
    ['description keeps 说明 off remark; 备注 is remark', ['项目名称', '项目投资', '项目简要说明及建设依据', '备注', '资金来源说明'], { projectName: 0, investment: 1, description: 2, remark: 3 }],
  ])('%s', (_name, header, expected) => {
    const r = recognizeSheet(simpleTable(header, [header.map(() => 'x')]));
    expect(r.columns).toMatchObject(expected);
    const cols = Object.values(r.columns);
    expect(new Set(cols).size).toBe(cols.length);
  });

  test('a duplicated column maps once; the copy is unmapped', () => {
    const r = recognizeSheet(simpleTable(['项目名称', '项目投资', '联系电话', '联系电话'], [['A', 1, '1', '2']]));
    expect(r.columns.phone).toBe(2);
    expect(r.unmappedHeaders).toEqual([{ col: 3, text: '联系电话' }]);
  });
});

describe('progress ledger (one project per row)', () => {
  const r = recognizeSheet(progressLedger(3));

  test('deadline and change-limit columns map', () => {
    expect(r.kind).toBe('progress-table');
    expect(r.columns).toEqual({
      seq: 0, unit: 1, projectName: 2, projectType: 3, approvedBudget: 4, adjustment: 5, adjustedTotal: 6, invested: 7,
      startDate: 8, completionDate: 9, preliminaryAcceptanceDate: 10, acceptanceDate: 11, operationDate: 12,
      selfEvaluationDate: 13, maintenanceFee: 14, remark: 15,
    });
    expect(r.units).toMatchObject({ approvedBudget: '万元', adjustedTotal: '万元', maintenanceFee: '万元' });
    expect(r.dataRows).toEqual([2, 3, 4]);
  });

  test('总投资 / 已投资 / 建设进度 without deadlines is still a ledger; 项目投资 is read as 总投资', () => {
    const a = recognizeSheet(simpleTable(['项目名称', '总投资（万元）', '已投资（万元）', '建设进度'], [['A', 10, 5, '50%']]));
    expect(a.kind).toBe('progress-table');
    expect(a.columns).toEqual({ projectName: 0, totalInvestment: 1, invested: 2, progress: 3 });
    const b = recognizeSheet(simpleTable(['项目名称', '项目投资', '已投资', '预计完成时间'], [['A', 10, 5, '2024-12']]));
    expect(b.kind).toBe('progress-table');
    expect(b.columns).toEqual({ projectName: 0, totalInvestment: 1, invested: 2, completionDate: 3 });
  });

  test('ledger extras: 验收申请, 绩效报告, 标准发布, 调整日期, 采购日期', () => {
    const header = ['项目名称', '批复概算', '竣工验收申请日期', '绩效报告提交日期', '标准发布日期', '调整日期', '采购日期', '上线日期'];
    const r2 = recognizeSheet(simpleTable(header, [header.map(() => 'x')]));
    expect(r2.kind).toBe('progress-table');
    expect(r2.columns).toEqual({
      projectName: 0, approvedBudget: 1, acceptanceApplicationDate: 2, performanceReportDate: 3, standardPublishedDate: 4,
      adjustmentDate: 5, procurementDate: 6, operationDate: 7,
    });
  });
});

describe('computed columns of a previous run', () => {
  const s = progressLedger(2, [`验收截止${COMPUTED_HEADER_MARKER}`, '绩效自评截止(自动)']);
  const r = recognizeSheet(s);

  test('are not mapped, not unmapped, and not part of the table', () => {
    expect(r.computedColumns).toEqual({ [`验收截止${COMPUTED_HEADER_MARKER}`]: 16, '绩效自评截止(自动)': 17 });
    expect(r.tableRight).toBe(15);
    expect(Object.values(r.columns)).not.toContain(16);
    expect(r.unmappedHeaders).toEqual([]);
  });

  test('values only in computed columns do not make a row data', () => {
    const rows = s.rows.map((row) => row.slice());
    rows.push([...new Array(16).fill(null), 45000, 45100]);
    const r2 = recognizeSheet({ ...s, rows });
    expect(r2.dataRows).toEqual([2, 3]);
  });

  test.each([
    ['in the lower header row', 3, false],
    ['in the upper header row, merged down', 2, true],
  ])('on a two-row header, %s', (_n, row, merged) => {
    const s = attachment1(1);
    const rows = s.rows.map((r) => r.slice());
    const labels = ['申报截止（自动）', '审批路径（自动）', '验收截止（自动）', '自评截止（自动）', '运维截止（自动）'];
    labels.forEach((t, i) => (rows[row][15 + i] = t));
    const merges = merged ? labels.map((_, i) => ({ top: 2, left: 15 + i, bottom: 3, right: 15 + i })) : [];
    const r = recognizeSheet({ ...s, rows, merges: [...s.merges, ...merges] });
    expect([r.headerTop, r.headerBottom]).toEqual([2, 3]);
    expect(r.columns.fundOther).toBe(9);
    expect(r.tableRight).toBe(14);
    expect(Object.values(r.computedColumns)).toEqual([15, 16, 17, 18, 19]);
    expect(r.dataRows).toEqual([5]);
  });

  test('a computed header that looks like a field (验收日期（自动）) never maps', () => {
    const r3 = recognizeSheet(simpleTable(['项目名称', '总投资', '竣工验收日期（自动）'], [['A', 10, 45000]]));
    expect(r3.columns.acceptanceDate).toBeUndefined();
    expect(r3.computedColumns).toEqual({ '竣工验收日期（自动）': 2 });
  });
});

describe('expense detail', () => {
  test('费用明细 with 序号/费用名称/数量/单价/金额/说明 and a spaced 合  计', () => {
    const r = recognizeSheet(expenseSheet());
    expect(r.kind).toBe('expense');
    expect(r.columns).toEqual({ seq: 0, item: 1, quantity: 2, unitPrice: 3, amount: 4, remark: 5 });
    expect(r.units).toEqual({ unitPrice: '元', amount: '万元' });
    expect(r.dataRows).toEqual([2, 3, 4]);
    expect(r.totalsRows).toEqual([5]);
  });

  test.each<[string, CellValue[], Partial<Record<FieldKey, number>>]>([
    ['建设内容 / 预算金额 / 备注', ['序号', '建设内容', '预算金额（万元）', '备注'], { seq: 0, item: 1, amount: 2, remark: 3 }],
    ['费用项目 / 概算金额', ['费用项目', '概算金额'], { item: 0, amount: 1 }],
    ['项目名称 used for line items', ['序号', '项目名称', '金额（万元）', '备注'], { seq: 0, item: 1, amount: 2, remark: 3 }],
  ])('%s', (_n, header, expected) => {
    const r = recognizeSheet(simpleTable(header, [header.map(() => 'x')], ['概算明细表']));
    expect(r.kind).toBe('expense');
    expect(r.columns).toEqual(expected);
  });
});

describe('附件2 progress form', () => {
  test('labels with line breaks and spaces, merged label and value cells', () => {
    const r = recognizeSheet(attachment2({ projectName: '智慧城管', totalInvestment: 300, invested: 120, reportDate: '2024年4月3日' }));
    expect(r.kind).toBe('progress-form');
    expect(r.formFields).toEqual(ATTACHMENT2_VALUE_CELLS);
    expect(r.units).toEqual({ totalInvestment: '万元', invested: '万元' });
    expect(r.dataRows).toEqual([]);
    expect(skipped(r, 'note')).toEqual([12, 13]);
    expect(r.reason).toContain('识别为进度情况表（表单）');
  });

  test('an empty, unfilled form is still the form, with the 年 月 日 placeholder as the report date cell', () => {
    const r = recognizeSheet(attachment2());
    expect(r.kind).toBe('progress-form');
    expect(r.formFields.reportDate).toEqual({ row: 2, col: 3 });
    expect(r.formFields.builder).toEqual({ row: 7, col: 1 });
    expect(r.formFields.unit).toEqual({ row: 1, col: 1 });
  });

  test('without any merges the values are the next cells to the right', () => {
    const r = recognizeSheet({ ...attachment2({ owner: '张三' }), merges: [] });
    expect(r.kind).toBe('progress-form');
    expect(r.formFields).toEqual(ATTACHMENT2_VALUE_CELLS);
  });

  test('a label merged across two columns: the value is past the merge', () => {
    const s = sheet(
      '表单',
      [
        ['项目名称', null, '智慧城管'],
        ['总投资（万元）', null, 300],
        ['已投资（万元）', null, 100],
        ['建设进度', null, '预计2024年12月完成'],
        ['负 责 人', null, '张三'],
      ],
      ['A1:B1', 'A2:B2', 'A3:B3', 'A4:B4', 'A5:B5'],
    );
    const r = recognizeSheet(s);
    expect(r.kind).toBe('progress-form');
    expect(r.formFields).toEqual({
      projectName: { row: 0, col: 2 }, totalInvestment: { row: 1, col: 2 }, invested: { row: 2, col: 2 },
      progress: { row: 3, col: 2 }, owner: { row: 4, col: 2 },
    });
  });

  test('a unit printed in its own cell between label and value is skipped', () => {
    const s = sheet('表单', [['项目名称', 'A'], ['总投资', '（万元）', 300], ['已投资', '(元)', 100], ['负责人', '张三'], ['联系人', '李四']]);
    const r = recognizeSheet(s);
    expect(r.kind).toBe('progress-form');
    expect(r.formFields.totalInvestment).toEqual({ row: 1, col: 2 });
    expect(r.units).toEqual({ totalInvestment: '万元', invested: '元' });
  });
});

describe('unknown sheets', () => {
  test('an instructions sheet', () => {
    const r = recognizeSheet(instructionsSheet());
    expect(r.kind).toBe('unknown');
    expect(r.dataRows).toEqual([]);
    expect(r.reason).toContain('未找到表头');
    expect(r.reasonEn.length).toBeGreaterThan(0);
  });

  test("a chart's data", () => {
    const r = recognizeSheet(sheet('图表数据', [['月份', '完成率'], ['1月', 0.1], ['2月', 0.25], ['3月', 0.4]]));
    expect(r.kind).toBe('unknown');
    expect(r.columns).toEqual({});
  });

  test('an empty sheet', () => {
    const r = recognizeSheet(sheet('空', []));
    expect(r.kind).toBe('unknown');
    expect([r.headerTop, r.headerBottom, r.tableRight]).toEqual([-1, -1, -1]);
  });
});

describe('rows below the header', () => {
  test('the header repeated after a page break (both rows of a two-row header)', () => {
    const s = attachment1(2);
    const rows = s.rows.slice(0, 7);
    rows.push([...DECLARATION_UPPER], [...DECLARATION_LOWER], declarationRow(3, '政务项目3'));
    const r = recognizeSheet({ ...s, rows, merges: s.merges.filter((m) => m.top < 7).concat(declarationHeaderMerges(7)) });
    expect(r.dataRows).toEqual([5, 6, 9]);
    expect(skipped(r, 'repeated-header')).toEqual([7, 8]);
  });

  test('a one-row header repeated mid-sheet', () => {
    const rows: CellValue[][] = [LEDGER_HEADER, ledgerRow(1), LEDGER_HEADER.slice(), ledgerRow(2)];
    const r = recognizeSheet(sheet('s', rows));
    expect(r.dataRows).toEqual([1, 3]);
    expect(skipped(r, 'repeated-header')).toEqual([2]);
  });

  test('a project whose name happens to start like a header label is data', () => {
    const rows: CellValue[][] = [['项目名称', '项目投资'], ['项目名称管理系统', 10], ['项目管理平台', 20]];
    expect(recognizeSheet(sheet('s', rows)).dataRows).toEqual([1, 2]);
  });
});

describe('overrides', () => {
  test('headerRow picks the header the user names (Excel row number)', () => {
    // two candidate headers; the user says the real one is row 4
    const rows: CellValue[][] = [
      ['项目名称', '项目投资', '建设单位'],
      ['A', 1, '某局'],
      [],
      ['项目名称', '总投资', '已投资', '建设进度'],
      ['B', 10, 5, '50%'],
    ];
    const auto = recognizeSheet(sheet('s', rows));
    expect(auto.headerBottom).toBe(3);
    const r = recognizeSheet(sheet('s', rows), { headerRow: 1 });
    expect([r.headerTop, r.headerBottom]).toEqual([0, 0]);
    expect(r.kind).toBe('declaration');
    expect(r.columns).toEqual({ projectName: 0, investment: 1, unit: 2 });
    expect(r.reason).toMatch(/^按用户指定/);
  });

  test('headerRow on the lower row of a merged two-row header takes both rows', () => {
    const r = recognizeSheet(attachment1(1), { headerRow: 4 });
    expect([r.headerTop, r.headerBottom]).toEqual([2, 3]);
    expect(r.columns.fundOther).toBe(9);
    expect(r.columns.seq).toBe(0);
  });

  test('kind overrides the classification and re-reads ambiguous columns for it', () => {
    const s = simpleTable(['项目名称', '项目投资', '建设内容'], [['A', 10, 'x']]);
    expect(recognizeSheet(s).kind).toBe('declaration');
    const r = recognizeSheet(s, { kind: 'progress-table' });
    expect(r.kind).toBe('progress-table');
    expect(r.columns).toEqual({ projectName: 0, totalInvestment: 1, content: 2 });
    expect(r.dataRows).toEqual([2]);
  });

  test('kind unknown leaves the sheet alone', () => {
    const r = recognizeSheet(attachment1(2), { kind: 'unknown' });
    expect(r.kind).toBe('unknown');
    expect(r.dataRows).toEqual([]);
  });

  test('kind progress-form reads the form even when a table header competes', () => {
    const r = recognizeSheet(attachment2({ projectName: 'x' }), { kind: 'progress-form' });
    expect(r.kind).toBe('progress-form');
    expect(r.formFields.projectName).toEqual({ row: 5, col: 1 });
  });

  test('a headerRow beyond the scanned rows is honoured', () => {
    const rows: CellValue[][] = [];
    for (let i = 0; i < 80; i++) rows.push([`说明文字${i}`]);
    rows.push(['费用名称', '金额'], ['服务器', 10]);
    const r = recognizeSheet(sheet('s', rows), { headerRow: 81 });
    expect(r.kind).toBe('expense');
    expect(r.dataRows).toEqual([81]);
  });
});

// Large sheets: the answers only. How fast recognition runs is measured by `npm run bench` (engine-declaration), never
// asserted here, where it would depend on how busy the machine is; the file's timeout still catches a hang.
describe('large sheets', () => {
  test('a million empty formatted rows after the data', () => {
    const s = withEmptyTail(attachment1(3), 1_000_000);
    const r = recognizeSheet(s);
    expect(r.dataRows).toEqual([5, 6, 7]);
    expect(skipped(r, 'note')).toEqual([14, 15, 16]);
  });

  test('100,000 data rows', () => {
    const rows: CellValue[][] = [['申报表'], [...DECLARATION_UPPER], [...DECLARATION_LOWER]];
    for (let i = 1; i <= 100_000; i++) rows.push(declarationRow(i, `项目${i}`));
    const s = sheet('big', rows, declarationHeaderMerges(1));
    const r = recognizeSheet(s);
    expect(r.dataRows.length).toBe(100_000);
    expect(r.dataRows[0]).toBe(3);
  });
});
