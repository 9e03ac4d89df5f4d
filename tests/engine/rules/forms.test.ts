// §5 forms: required columns/fields, funding sum, totals row, description length, 建设年度, completion time,
// phone and email formats, amounts in 元, unreadable / negative / error / formula-without-result cells, duplicates.
import type { CellValue } from '../../../src/engine/types';
import {
  CLEAN_FORM,
  DECLARATION_HEADERS,
  declaration,
  declarationRow,
  expense,
  form,
  investmentRow,
  of,
  others,
  progress,
  progressForm,
  progressRow,
  run,
  workbook,
} from './harness';
import { check } from '../../../src/engine/engine';
import { isEmailAddress } from '../../../src/engine/rules/forms';
import { hashNormalized } from '../../../src/engine/values/text-hash';

// Generous on purpose: a busy 2-core machine runs this several times slower (speed is measured by `npm run bench`).
jest.setTimeout(120_000);

describe('clean sheets stay clean', () => {
  test.each(['wuhan', 'yeji', 'wulong', 'laizhou', 'generic'] as const)('declaration under %s', (p) => {
    const r = declaration([declarationRow({ 建设年度: '2026年01月至2026年12月' }, 1), declarationRow({ 建设年度: '2026年01月至2026年12月' }, 2)], p);
    expect(r.findings).toEqual([]);
  });

  test('progress form under yeji', () => {
    expect(form(CLEAN_FORM).findings).toEqual([]);
  });
});

describe('required columns are reported once per sheet', () => {
  test('a declaration without 负责人 and 联系人 columns', () => {
    const keep = DECLARATION_HEADERS.map((h, i) => [h, i] as const).filter(([h]) => h !== '负责人' && h !== '联系人');
    const headers = keep.map(([h]) => h);
    const rows = [1, 2, 3].map((i) => keep.map(([, c]) => declarationRow({}, i)[c]));
    const r = run({ headers, rows, above: [['申报表']] }, 'wuhan');
    const f = of(r, 'completeness/required-column');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ row: 0, cell: '', severity: 'error' });
    expect(f[0].message).toContain('负责人');
    expect(f[0].message).toContain('联系人');
    expect(of(r, 'completeness/required-field')).toEqual([]);
  });

  test('a progress form without 电话 and 手机 labels', () => {
    const wb = progressForm(CLEAN_FORM);
    const rows = wb.sheets[0].rows;
    rows[3] = ['联系人', '李娜'];
    rows[4] = [null, null, 'E-MAIL', 'lina@example.gov.cn'];
    const r = check(wb, { asOf: '2025-04-02', profile: 'yeji' });
    expect(r.sheets[0].kind).toBe('progress-form');
    const f = of(r, 'completeness/required-column');
    expect(f).toEqual([expect.objectContaining({ messageId: 'missingLabels', row: 0 })]);
    expect(f[0].message).toContain('联系电话');
    expect(of(form(CLEAN_FORM), 'completeness/required-column')).toEqual([]);
  });
});

describe('required fields', () => {
  test.each<[string, CellValue, string]>([
    ['建设单位', null, 'B3'],
    ['项目名称', '  ', 'C3'],
    ['负责人', null, 'K3'],
    ['联系人', '', 'L3'],
  ])('%s = %j', (header, value, cell) => {
    const r = declaration([declarationRow({ [header]: value, 建设年度: '2026年01月至2026年12月' })]);
    const f = of(r, 'completeness/required-field');
    expect(f).toEqual([expect.objectContaining({ cell, severity: 'error', messageId: 'missing' })]);
    expect(f[0].message).toContain(header);
  });

  // A unit often merges one 负责人/联系人 cell over its several projects: Excel shows the value on every row.
  test.each<[string, CellValue, string[]]>([
    ['filled top cell', '张伟', []],
    ['empty top cell', null, ['K3', 'K4', 'K5']],
  ])('负责人 merged over three project rows, %s', (_name, owner, flagged) => {
    const wb = workbook({
      headers: DECLARATION_HEADERS,
      above: [['申报表']],
      rows: [declarationRow({ 负责人: owner }, 1), declarationRow({ 负责人: null }, 2), declarationRow({ 负责人: null }, 3)],
    });
    // Rows: 1 title, 2 header, 3–5 data; K3:K5 merged (0-based rows 2–4, column 10).
    wb.sheets[0].merges.push({ top: 2, left: 10, bottom: 4, right: 10 });
    const r = check(wb, { asOf: '2025-06-01', profile: 'wuhan' });
    expect(of(r, 'completeness/required-field').map((f) => f.cell)).toEqual(flagged);
  });

  test('项目投资 must be above 0', () => {
    const r = declaration([investmentRow(0)]);
    expect(of(r, 'completeness/required-field')).toEqual([expect.objectContaining({ cell: 'F3', messageId: 'notPositive' })]);
  });

  test.each<[keyof typeof CLEAN_FORM, string]>([
    ['unit', 'B2'],
    ['progress', 'B9'],
    ['invested', 'B11'],
    ['reportDate', 'D3'],
  ])('progress form: empty %s', (field, cell) => {
    const r = form({ ...CLEAN_FORM, [field]: undefined });
    expect(of(r, 'completeness/required-field')).toEqual([expect.objectContaining({ cell })]);
  });

  test('progress form: neither 电话 nor 手机', () => {
    const r = form({ ...CLEAN_FORM, phone: null, mobile: null });
    expect(of(r, 'completeness/required-field')).toEqual([expect.objectContaining({ messageId: 'missingPhone' })]);
  });
});

describe('funding adds up to the investment', () => {
  test.each<[number, number, number, number, number, 'mismatch' | 'noFunding' | null]>([
    [120, 100, 0, 20, 0, null],
    [120.5, 100.25, 0, 20.25, 0, null],
    [120, 100, 0, 19.99, 0, 'mismatch'],
    [120, 100, 10, 20, 0, 'mismatch'],
  ])('%d = %d + %d + %d + %d', (inv, fiscal, loan, self, other, messageId) => {
    const row = declarationRow({ '项目投资（万元）': inv, '财政资金（万元）': fiscal, '银行贷款（万元）': loan, '自筹（万元）': self, '其他资金（万元）': other });
    const f = of(declaration([row]), 'consistency/funding-sum');
    if (messageId === null) expect(f).toEqual([]);
    else expect(f).toEqual([expect.objectContaining({ messageId, cell: 'F3', severity: 'error' })]);
  });

  test('the message says 超出/不足 with a positive amount and what to check, never 差-10.00', () => {
    const short = declarationRow({ '项目投资（万元）': 120, '财政资金（万元）': 100, '银行贷款（万元）': 0, '自筹（万元）': 10, '其他资金（万元）': 0 });
    expect(of(declaration([short]), 'consistency/funding-sum')[0]!.message).toBe(
      '资金筹措合计110.00万元与项目投资120.00万元不一致（不足10.00万元），请核对各资金来源或项目投资',
    );
    const over = declarationRow({ '项目投资（万元）': 120, '财政资金（万元）': 100, '银行贷款（万元）': 0, '自筹（万元）': 30, '其他资金（万元）': 0 });
    expect(of(declaration([over]), 'consistency/funding-sum')[0]!.message).toContain('（超出10.00万元）');
  });

  test('no funding filled in at all is a warning', () => {
    const row = declarationRow({ '财政资金（万元）': null, '银行贷款（万元）': null, '自筹（万元）': null, '其他资金（万元）': null });
    expect(of(declaration([row]), 'consistency/funding-sum')).toEqual([expect.objectContaining({ messageId: 'noFunding', severity: 'warning' })]);
  });

  test('text amounts count exactly', () => {
    const row = declarationRow({ '项目投资（万元）': '1,200.5', '财政资金（万元）': '1200.3', '自筹（万元）': '0.2' });
    expect(of(declaration([row]), 'consistency/funding-sum')).toEqual([]);
  });
});

describe('the 合计 row', () => {
  const totals = (inv: number, fiscal: number, self: number) => ['合计', null, null, null, null, inv, fiscal, 0, self, 0];

  test.each<[string, 'above' | 'below', number, string | null]>([
    ['template layout, right', 'above', 240, null],
    ['template layout, wrong', 'above', 241, 'F3'],
    ['below the data, right', 'below', 240, null],
    ['below the data, wrong', 'below', 239.99, 'F5'],
  ])('%s', (_name, where, inv, cell) => {
    const data = [declarationRow({}, 1), declarationRow({}, 2)];
    const t = totals(inv, 200, 40);
    const rows = where === 'above' ? [t, ...data] : [...data, t];
    const r = declaration(rows);
    const f = of(r, 'consistency/totals-row');
    if (cell === null) expect(f).toEqual([]);
    else expect(f).toEqual([expect.objectContaining({ cell, severity: 'error' })]);
  });

  test('a grand total under subtotals', () => {
    const rows = [
      declarationRow({}, 1),
      ['小计', null, null, null, null, 120, 100, 0, 20, 0],
      declarationRow({}, 2),
      ['小计', null, null, null, null, 120, 100, 0, 20, 0],
      ['总计', null, null, null, null, 240, 200, 0, 40, 0],
    ];
    expect(of(declaration(rows), 'consistency/totals-row')).toEqual([]);
  });

  test('an expense sheet total', () => {
    const r = run({ headers: ['序号', '费用名称', '金额（万元）'], rows: [[1, '摄像头', 10], [2, '传感器', 5], ['合计', null, 16]], name: '费用明细' }, 'wulong');
    expect(of(r, 'consistency/totals-row')).toEqual([expect.objectContaining({ cell: 'C4' })]);
  });
});

describe('description ≤ 200 characters', () => {
  test.each<[number, number]>([
    [200, 0],
    [201, 1],
  ])('%d characters → %d findings', (n, count) => {
    const text = '政'.repeat(n);
    const r = declaration([declarationRow({ 项目简要说明及建设依据: text, 建设年度: '2026年01月至2026年12月' })], 'wuhan');
    const f = of(r, 'format/description-length');
    expect(f).toHaveLength(count);
    if (count) expect(f[0]).toMatchObject({ severity: 'warning', cell: 'D3', citation: { profile: 'yeji', article: '附件1《六安市叶集区政务信息化项目申报表》说明2' } });
  });

  test('whitespace and line breaks do not count', () => {
    const text = '政'.repeat(100) + '\n  ' + '务'.repeat(100);
    expect(of(declaration([declarationRow({ 项目简要说明及建设依据: text })]), 'format/description-length')).toEqual([]);
  });

  test('yeji raises it to an error (its own form’s instruction)', () => {
    const r = declaration([declarationRow({ 项目简要说明及建设依据: '政'.repeat(250), 建设年度: '2026年01月至2026年12月' })], 'yeji');
    expect(of(r, 'format/description-length')[0].severity).toBe('error');
  });
});

describe('建设年度', () => {
  test.each<[string, string | null]>([
    ['2025年01月至2025年12月', null],
    ['2025年1月至2026年6月', null],
    ['2025.01-2025.12', null],
    ['2025年1月-12月', null],
    ['明年上半年', 'warning'],
    ['2025年12月至2025年1月', 'error'],
  ])('%s → %s', (period, severity) => {
    const f = of(declaration([declarationRow({ 建设年度: period })]), 'format/period');
    if (severity === null) expect(f).toEqual([]);
    else expect(f).toEqual([expect.objectContaining({ severity, cell: 'E3', citation: expect.objectContaining({ article: '附件1《六安市叶集区政务信息化项目申报表》说明3' }) })]);
  });
});

describe('建设进度 states the expected completion time', () => {
  test.each<[string, boolean]>([
    ['平台已部署，预计2025年12月完成', true],
    ['预计明年上半年完成', true],
    ['计划2025年底上线', true],
    ['已竣工验收', true],
    ['2025年6月完成', true],
    ['系统开发中', false],
    ['已完成60%', false],
  ])('%s → ok %s', (progressText, ok) => {
    const r = form({ ...CLEAN_FORM, progress: progressText }, 'wuhan');
    const f = of(r, 'completeness/progress-completion-time');
    if (ok) expect(f).toEqual([]);
    else expect(f).toEqual([expect.objectContaining({ severity: 'warning', cell: 'B9', citation: expect.objectContaining({ article: '附件2《六安市叶集区政务信息化项目进度情况表》说明2' }) })]);
  });

  test('yeji makes it an error', () => {
    expect(of(form({ ...CLEAN_FORM, progress: '系统开发中' }), 'completeness/progress-completion-time')[0].severity).toBe('error');
  });

  test('a ledger with a completion date column needs no words', () => {
    const r = progress([progressRow({ 建设进度: '开发中', 建成日期: '2025-12-31' })], 'generic');
    expect(of(r, 'completeness/progress-completion-time')).toEqual([]);
  });
});

describe('phone numbers', () => {
  test.each<[CellValue, string | null]>([
    ['0564-6012345', null],
    ['027-87654321', null],
    ['（027）87654321', null],
    ['027-87654321转123', null],
    ['13912345678', null],
    [13912345678, null],
    ['0564-6012345 13912345678', null],
    ['0564-6012345/13912345678', null],
    ['+86 139 1234 5678', null],
    ['12345', null],
    ['6012345', 'noAreaCode'],
    [5646012345, 'lostZero'],
    ['139123', 'invalid'],
    ['电话待定', 'invalid'],
  ])('%j → %s', (phone, messageId) => {
    const f = of(declaration([declarationRow({ 联系电话: phone })]), 'format/phone');
    if (messageId === null) expect(f).toEqual([]);
    else expect(f).toEqual([expect.objectContaining({ messageId, cell: 'M3', severity: 'warning' })]);
  });

  test.each([
    ['139123', '联系电话“139123”不是有效的电话号码：只有6位数字，位数不够。请填写带区号的固定电话（如0564-1234567）或11位手机号'],
    ['电话待定', '联系电话“电话待定”不是有效的电话号码：含有数字以外的字符。请填写带区号的固定电话（如0564-1234567）或11位手机号'],
    ['1391234567', '联系电话“1391234567”不是有效的电话号码：像手机号，但有10位数字，手机号应为11位。请填写带区号的固定电话（如0564-1234567）或11位手机号'],
  ])('an invalid number says what is wrong: %s', (phone, message) => {
    const f = of(declaration([declarationRow({ 联系电话: phone })]), 'format/phone');
    expect(f.map((x) => x.message)).toEqual([message]);
  });

  test('a 手机 must be a mobile number', () => {
    const r = form({ ...CLEAN_FORM, mobile: '0564-6012345' });
    expect(of(r, 'format/phone')).toEqual([expect.objectContaining({ messageId: 'notMobile', cell: 'B5' })]);
  });
});

describe('email', () => {
  test.each<[string, boolean]>([
    ['lina@example.gov.cn', true],
    ['ｌｉｎａ＠ｅｘａｍｐｌｅ．ｃｏｍ', true],
    ['a@b.cn; c@d.com', true],
    ['无', true],
    ['lina#example.com', false],
    ['lina@', false],
    ['lina@example', false],
  ])('%s → ok %s', (email, ok) => {
    const f = of(declaration([declarationRow({ 电子邮箱: email })]), 'format/email');
    expect(f).toHaveLength(ok ? 0 : 1);
  });
});

describe('isEmailAddress', () => {
  const REGEX = /^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$/;
  test.each([
    ['lina@example.gov.cn', true],
    ['a.b_c%d+e-f@x-1.y2.cn', true],
    ['a@b.c', false],
    ['a@b.c1', false],
    ['a@b..cn', false],
    ['a@.b.cn', false],
    ['@b.cn', false],
    ['a@b.cn.', false],
    ['a@@b.cn', false],
    ['a@b', false],
    ['a b@c.cn', false],
  ])('%s → %s', (s, ok) => {
    expect(isEmailAddress(s)).toBe(ok);
  });

  test('agrees with the regular expression it replaces on 20,000 random strings', () => {
    const ALPHABET = ['a', 'Z', 'q', '7', '.', '.', '-', '_', '%', '+', '@', '@', '中', ' ', 'cn', 'com'];
    let x = 7;
    for (let k = 0; k < 20_000; k++) {
      let s = '';
      const n = k % 14;
      for (let i = 0; i < n; i++) {
        x = (Math.imul(x, 1103515245) + 12345) >>> 0;
        s += ALPHABET[(x >>> 16) % ALPHABET.length];
      }
      expect([s, isEmailAddress(s)]).toEqual([s, REGEX.test(s)]);
    }
  });
});

describe('amount cells', () => {
  test('≥ 100000 in a 万元 column was probably typed in 元', () => {
    const r = declaration([investmentRow(1200000)]);
    const f = of(r, 'format/amount-in-yuan');
    expect(f.map((x) => x.cell)).toEqual(['F3', 'G3']);
    expect(f[0].severity).toBe('warning');
    expect(f[0].message).toContain('120.00');
  });

  test('not when the cell writes its unit, nor in a 元 column', () => {
    expect(of(declaration([investmentRow('120万')]), 'format/amount-in-yuan')).toEqual([]);
    const r = run({ headers: ['序号', '费用名称', '金额（元）'], rows: [[1, '摄像头', 1200000]], name: '费用明细' }, 'wulong');
    expect(of(r, 'format/amount-in-yuan')).toEqual([]);
  });

  test.each<[CellValue, string, string]>([
    ['一百万', 'format/amount-unreadable', 'error'],
    [true, 'format/amount-unreadable', 'error'],
    [-5, 'format/negative-amount', 'error'],
    [{ error: '#REF!' }, 'format/error-value', 'error'],
  ])('%j → %s', (value, ruleId, severity) => {
    const r = declaration([declarationRow({ '自筹（万元）': value })]);
    expect(of(r, ruleId)).toEqual([expect.objectContaining({ cell: 'I3', severity })]);
    // the cell is reported once, by one rule
    const onCell = r.findings.filter((f) => f.cell === 'I3');
    expect(onCell).toHaveLength(1);
  });

  test('a negative adjustment is fine', () => {
    expect(of(progress([progressRow({ '调整金额（万元）': -20 })], 'wuhan'), 'format/negative-amount')).toEqual([]);
  });

  test('a formula without a cached result is a warning, not a missing value', () => {
    const spec = { headers: DECLARATION_HEADERS, rows: [declarationRow({ 负责人: null })], above: [['申报表']], formulas: { K3: 'Sheet2!B2' } };
    const r = run(spec, 'wuhan');
    expect(of(r, 'format/formula-no-result')).toEqual([expect.objectContaining({ cell: 'K3', severity: 'warning' })]);
    expect(of(r, 'completeness/required-field')).toEqual([]);
  });
});

describe('dates', () => {
  test.each<[CellValue, boolean]>([
    ['2024年3月5日', true],
    ['2024.3.5', true],
    [45356, true],
    ['2024-03', true],
    ['三月初', false],
  ])('开工日期 %j → readable %s', (value, ok) => {
    const r = progress([progressRow({ 开工日期: value })], 'generic');
    expect(of(r, 'format/date-unreadable')).toHaveLength(ok ? 0 : 1);
  });
});

describe('duplicate project names', () => {
  test('the second occurrence points at the first', () => {
    const rows = [declarationRow({ 项目名称: '政务云平台' }, 1), declarationRow({}, 2), declarationRow({ 项目名称: '政务 云平台' }, 3)];
    const f = of(declaration(rows), 'consistency/duplicate-project-name');
    expect(f).toEqual([expect.objectContaining({ cell: 'C5', severity: 'warning', params: expect.objectContaining({ first: 3 }) })]);
  });

  test('every later repeat points at the first, across many rows and in any spelling', () => {
    const names = ['数据共享交换平台（一期）', '智慧校园平台', '数据共享交换平台(一期)', '应急指挥平台', '智慧 校园平台', '数据共享　交换平台（一期）'];
    const rows = names.map((n, i) => declarationRow({ 项目名称: n }, i + 1));
    const f = of(declaration(rows), 'consistency/duplicate-project-name');
    // Data starts on Excel row 3: names 3, 5 and 6 repeat names 1, 2 and 1.
    expect(f.map((x) => [x.cell, x.params.first])).toEqual([
      ['C5', 3],
      ['C7', 4],
      ['C8', 3],
    ]);
  });

  test('names whose hashes collide are not taken for repeats', () => {
    const byHash = new Map<number, string>();
    let pair: [string, string] | null = null;
    let x = 12345;
    for (let i = 0; pair === null && i < 1_000_000; i++) {
      let s = '';
      for (let k = 0; k < 4; k++) {
        x = (Math.imul(x, 1103515245) + 12345) >>> 0;
        s += String.fromCharCode(0x4e00 + ((x >>> 12) % 20000));
      }
      const h = hashNormalized(s);
      const other = byHash.get(h);
      if (other !== undefined && other !== s) pair = [other, s];
      else byHash.set(h, s);
    }
    const [a, b] = pair!;
    const rows = [a, b, a].map((n, i) => declarationRow({ 项目名称: n }, i + 1));
    const f = of(declaration(rows), 'consistency/duplicate-project-name');
    expect(f.map((x) => [x.cell, x.params.first])).toEqual([['C5', 3]]);
  });

  test('on one cell, the repeat comes in rule order, before what the expense table says of the name', () => {
    const rows = [declarationRow({ 项目名称: '会议室装修' }, 1), declarationRow({ 项目名称: '会议室装修' }, 2)];
    const r = declaration(rows, 'wulong');
    const onC4 = r.findings.filter((x) => x.cell === 'C4').map((x) => x.ruleId);
    expect(onC4[0]).toBe('consistency/duplicate-project-name');
    expect(onC4).toContain('eligibility/project-scope');
  });

  test('expense items may repeat', () => {
    const r = expense([['摄像头', 1], ['摄像头', 1]], 'wulong');
    expect(others(r)).toEqual([]);
  });
});
