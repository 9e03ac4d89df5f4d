// Headers read by meaning: the wordings issue #11 found unrecognised, the sheets they made the wrong kind, and user mapping.
import { check } from '../../../src/engine';
import { recognizeSheet } from '../../../src/engine/recognize';
import { headOf, meaningOf } from '../../../src/engine/recognize/meaning';
import { baseLabel, normalizeHeader } from '../../../src/engine/recognize/normalize';
import { matchLabel } from '../../../src/engine/recognize/synonyms';
import type { CellValue, FieldKey } from '../../../src/engine/types';
import { attachment2, sheet, simpleTable } from './fixtures';

function best(label: string): FieldKey | undefined {
  return matchLabel(baseLabel(normalizeHeader(label)))[0]?.field;
}

describe('wordings clerks use that a list of literals missed', () => {
  test.each<[string, FieldKey]>([
    ['投入使用日期', 'operationDate'],
    ['终验日期', 'acceptanceDate'],
    ['实施期限', 'period'],
    ['建设时间', 'period'],
    ['填报单位', 'unit'],
    ['业主单位', 'unit'],
    ['分管领导', 'owner'],
    ['座机', 'phone'],
    ['电子信箱', 'email'],
    ['项目名', 'projectName'],
    ['工程名称', 'projectName'],
    ['系统名称', 'projectName'],
    ['支出内容', 'item'],
    ['设备名称', 'item'],
    ['立项金额（万元）', 'investment'],
    ['申报金额（万元）', 'investment'],
    // money already invested, never the project amount
    ['完成投资额', 'invested'],
    ['累计完成投资额（万元）', 'invested'],
    ['传真电话', 'fax'],
    // composed, not listed anywhere: head word + subject
    ['项目上线运行时间', 'operationDate'],
    ['系统终验时间', 'acceptanceDate'],
    ['项目业主单位名称', 'unit'],
    ['项目分管领导', 'owner'],
    ['经办人手机号', 'mobile'],
    ['单位电子信箱', 'email'],
    ['核定总投资额（万元）', 'approvedBudget'],
    ['1.项目名称', 'projectName'],
    ['一、建设单位', 'unit'],
    ['※联系电话', 'phone'],
    ['项目投资万元', 'investment'],
    ['金额/元', 'amount'],
  ])('%j → %s', (label, field) => {
    expect(best(label)).toBe(field);
  });

  test.each([
    // the contract's amount, money paid and a year's plan are money, but not the project's amount
    '合同金额', '合同金额（万元）', '中标金额', '已支付金额', '本年计划投资', '占总投资比例（%）',
    // a planned date records no event; a deadline column is no event either
    '计划验收日期', '预计上线时间', '验收截止日期', '申报截止时间',
    // a sheet's title is no column
    '六安市叶集区政务信息化项目进度情况表', '费用明细表',
  ])('%j stays unmapped', (label) => {
    expect(best(label)).toBeUndefined();
  });

  test('the head word is the last noun, a name of an organisation is an organisation', () => {
    expect(headOf('投入使用日期')).toMatchObject({ head: '日期', kind: 'date', rest: '投入使用' });
    expect(headOf('完成投资额')).toMatchObject({ head: '投资额', kind: 'money' });
    expect(headOf('建设单位名称')).toMatchObject({ head: '单位', kind: 'org', rest: '建设' });
    expect(meaningOf('内部编号')).toEqual({ kind: null });
  });

  test('a money group over bare labels gives them their kind (市级 under 资金来源)', () => {
    expect(matchLabel('市级', '资金来源市级', '资金来源(万元)')[0]?.field).toBe('fundFiscal');
    // a title line merged over the table is no group
    expect(matchLabel('内部编号', 'x', '填报单位:某局金额单位:万元')[0]?.field).toBe('seq');
  });
});

const DECLARATION = ['序号', '建设单位', '项目名称', '建设年度', '申报金额（万元）', '财政资金（万元）', '自筹（万元）', '负责人', '联系人', '联系电话'];
const row = (amount: CellValue, fiscal: CellValue, phone: string): CellValue[] =>
  [1, '某局', '智慧城管平台', '2026年1月至2026年12月', amount, fiscal, 0, '张三', '李四', phone];

describe('a 申报表 whose amount column reads 申报金额 / 立项金额 / 预算金额 is a declaration, and is checked', () => {
  test.each(['申报金额（万元）', '立项金额（万元）', '预算金额（万元）', '金额（万元）'])('%s', (amountHeader) => {
    const header = DECLARATION.map((h) => (h === '申报金额（万元）' ? amountHeader : h));
    const s = simpleTable(header, [row(100, 80, '12')], ['政务信息化项目申报表']);
    const r = recognizeSheet(s);
    expect(r.kind).toBe('declaration');
    expect(r.columns.investment).toBe(4);
    const report = check({ name: 'x.xlsx', sheets: [s] }, { asOf: '2026-05-20', profile: 'yeji' });
    const rules = report.findings.map((f) => `${f.cell}:${f.ruleId}`);
    // 100 ≠ 80 + 0: the funding sum is checked; 12 is no phone number
    expect(rules).toContain('E3:consistency/funding-sum');
    expect(rules).toContain('J3:format/phone');
  });
});

describe('sheet kind from all the columns together', () => {
  test('an expense sheet whose amount column reads 投资额 or 概算投资 is still an expense sheet', () => {
    for (const amount of ['投资额（万元）', '概算投资（万元）']) {
      const r = recognizeSheet(simpleTable(['序号', '设备名称', '单位', '数量', '单价（元）', amount], [[1, '服务器', '台', 2, 50000, 10]], ['预算明细']));
      expect(r.kind).toBe('expense');
      expect(r.columns.amount).toBe(5);
      // 单位 beside 数量 and 单价 is 台 or 套: no building unit
      expect(r.columns.unit).toBeUndefined();
      expect(r.unmappedHeaders.map((u) => u.text)).toContain('单位');
    }
  });

  test('a close second reading is said in the reason, not silently dropped', () => {
    const r = recognizeSheet(simpleTable(['项目名称', '建设年度', '总投资（万元）', '已投资（万元）', '批复概算（万元）', '财政资金（万元）'], [['某项目', '2026年1月至2026年12月', 100, 50, 100, 80]]));
    expect(r.kind).toBe('progress-table');
    expect(r.reason).toMatch(/也像申报表（有.*财政资金/);
    expect(r.reasonEn).toMatch(/also looks like a declaration table/);
  });
});

describe('附件2 form: 传真电话 is the fax, not the phone', () => {
  test('the fax value is not read as the phone', () => {
    const s = attachment2({ fax: '0564-1111111', phone: '0564-2222222' });
    s.rows[2][4] = '传真电话';
    const r = recognizeSheet(s);
    expect(r.kind).toBe('progress-form');
    expect(r.formFields.fax).toEqual({ row: 2, col: 5 });
    expect(r.formFields.phone).toEqual({ row: 3, col: 3 });
  });
});

describe('the user maps a column to a field', () => {
  const s = sheet('台账', [
    ['项目台账'],
    ['序号', '项目名称', '总投资（万元）', '资金盘子（万元）', '内部编号'],
    [1, '某项目', 100, 120, 'X-1'],
  ]);

  test('without a mapping the odd header stays unmapped and is listed', () => {
    const r = recognizeSheet(s);
    expect(r.columns.totalInvestment).toBe(2);
    expect(r.unmappedHeaders.map((u) => u.text)).toEqual(['资金盘子（万元）', '内部编号']);
  });

  test('a column set to a field holds it (taking it from the column that had it); null ignores a column', () => {
    const r = recognizeSheet(s, { columns: { D: 'approvedBudget', C: null } });
    expect(r.columns.approvedBudget).toBe(3);
    expect(r.columns.totalInvestment).toBeUndefined();
    expect(r.units.approvedBudget).toBe('万元');
    expect(r.unmappedHeaders.map((u) => u.text)).toEqual(['总投资（万元）', '内部编号']);
    expect(r.reason).toContain('按用户指定读取D列为“批复概算”、不读C列');
  });

  test('a mapping decides the kind too, and letters outside the header or unknown fields are ignored', () => {
    const plain = sheet('表', [['名目', '钱数（万元）'], ['服务器', 10]]);
    expect(recognizeSheet(plain).kind).toBe('unknown');
    const mapped = recognizeSheet(plain, { headerRow: 1, columns: { A: 'item', B: 'amount', Z: 'amount', C: 'nonsense' as FieldKey } });
    expect(mapped.kind).toBe('expense');
    expect(mapped.columns).toEqual({ item: 0, amount: 1 });
  });
});

describe('an unrecognised table offers every column for mapping, and the mapping makes it checked', () => {
  const s = sheet('明细', [['名目', '钱数（万元）', '说明x'], ['服务器', 10, ''], ['差旅费', 5, '']]);

  test('before: unknown, its header row and every column reported as unused', () => {
    const r = check({ name: 'x.xlsx', sheets: [s] }, { asOf: '2026-05-20', profile: 'wulong' });
    expect(r.sheets[0]).toMatchObject({ kind: 'unknown', headerRow: 1 });
    expect(r.sheets[0].unmappedColumns.map((u) => u.column)).toEqual(['A', 'B', 'C']);
  });

  test('after: the user reads A as the item and B as the amount; the 差旅费 row is checked against the expense table', () => {
    const r = check({ name: 'x.xlsx', sheets: [s] }, { asOf: '2026-05-20', profile: 'wulong', overrides: { 明细: { headerRow: 1, columns: { A: 'item', B: 'amount' } } } });
    expect(r.sheets[0]).toMatchObject({ kind: 'expense', columns: { item: 'A', amount: 'B' } });
    expect(r.findings.some((f) => f.cell === 'A3' && f.ruleId === 'eligibility/expense-scope')).toBe(true);
  });
});

test('labels that are names of object properties are text, not keys (__proto__, constructor)', () => {
  for (const label of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
    expect(best(label)).toBeUndefined();
    const form = attachment2({ projectName: 'x' });
    form.rows[6][0] = label;
    expect(() => recognizeSheet(form)).not.toThrow();
    expect(recognizeSheet(simpleTable(['项目名称', '项目投资', label], [['x', 1, 2]]), { columns: { C: label as FieldKey } }).columns).toEqual({ projectName: 0, investment: 1 });
  }
});

describe('a group header says whose a bare label is, and a qualifier under it which one', () => {
  test('姓名 and 电话 under 项目负责人 / 联系人', () => {
    const s = sheet('申报', [
      ['申报表'],
      ['项目名称', '项目投资（万元）', '项目负责人', '', '联系人', ''],
      ['', '', '姓名', '电话', '姓名', '电话'],
      ['某项目', 10, '张三', '0564-1234567', '李四', '0564-7654321'],
    ], ['A2:A3', 'B2:B3', 'C2:D2', 'E2:F2']);
    const r = recognizeSheet(s);
    expect(r.kind).toBe('declaration');
    expect(r.columns).toMatchObject({ projectName: 0, investment: 1, owner: 2, contact: 4 });
  });

  test('计划 / 实际 under 初验时间: only the actual date is the event; a data row under a header is no qualifier', () => {
    const s = sheet('台账', [
      ['项目名称', '总投资（万元）', '初验时间', ''],
      ['', '', '计划', '实际'],
      ['某项目', 10, 46000, 46010],
    ], ['A1:A2', 'B1:B2', 'C1:D1']);
    expect(recognizeSheet(s).columns).toMatchObject({ projectName: 0, totalInvestment: 1, preliminaryAcceptanceDate: 3 });
    const plain = recognizeSheet(simpleTable(['建设内容', '预算金额', '备注'], [['x', 'x', 'x']], ['概算明细表']));
    expect([plain.kind, plain.headerTop, plain.headerBottom]).toEqual(['expense', 1, 1]);
  });

  test('an opinion about a field is not the field', () => {
    expect(best('财政部门意见')).toBeUndefined();
    expect(best('资金使用存在问题')).toBeUndefined();
  });
});

test('a subject under its group takes the group head (初验 / 终验 under 验收时间); a form naming 承建单位 reads its 建设单位 as the unit', () => {
  const s = sheet('台账', [
    ['项目名称', '总投资（万元）', '验收时间', ''],
    ['', '', '初验', '终验'],
    ['某项目', 10, 46000, 46010],
  ], ['A1:A2', 'B1:B2', 'C1:D1']);
  expect(recognizeSheet(s).columns).toMatchObject({ preliminaryAcceptanceDate: 2, acceptanceDate: 3 });
  const form = sheet('进度', [['进度情况表'], ['建设单位', '叶集区数据资源局', '承建单位', '安徽某某信息科技有限公司'], ['项目名称', 'x'], ['负责人', 'y'], ['总投资（万元）', 1], ['已投资（万元）', 1]]);
  const r = recognizeSheet(form);
  expect(r.formFields.unit).toEqual({ row: 1, col: 1 });
  expect(r.formFields.builder).toEqual({ row: 1, col: 3 });
});
